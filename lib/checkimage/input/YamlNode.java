package checkimage.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A composed YAML node with its file and key path, for readers that report lines and columns (manifests, job
 * image locations). Only the keys a reader asks for are visited, so aliases shared across a document cost
 * nothing; {@code <<} merge keys are followed (explicit keys win), as kubectl's YAML decoder does.
 *
 * <p>Errors name the file, the line and the key path: {@code k8s/web.yaml:14: spec.template.spec.containers:
 * expected a list, got a map}.
 */
final class YamlNode {

    private static final Set<Tag> NON_STRING_SCALARS = Set.of(Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

    private final Node node;
    private final String file;
    private final String path;
    private final Node parent;

    private YamlNode(Node node, String file, String path, Node parent) {
        this.node = node;
        this.file = file;
        this.path = path;
        this.parent = parent;
    }

    /** The root of a document of {@code file} (the name reports show). */
    static YamlNode root(Node node, String file) {
        return new YamlNode(node, file, "", node);
    }

    String path() {
        return path;
    }

    String file() {
        return file;
    }

    boolean isMissing() {
        return node == null;
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    /** True for a null scalar ({@code ~}, {@code null}, nothing) or a missing key. */
    boolean isAbsent() {
        return node == null || node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    /** True for a scalar that YAML reads as a string (quoted, or plain and not a number, boolean or null). */
    boolean isString() {
        return node instanceof ScalarNode scalar && !NON_STRING_SCALARS.contains(scalar.getTag());
    }

    /** The scalar's text as written; only meaningful when this is a scalar. */
    String scalarText() {
        return node instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    /** A string entry's text, or empty when missing, null or not a string. */
    Optional<String> optionalString() {
        return isString() ? Optional.of(scalarText()) : Optional.empty();
    }

    /** {@code a map}, {@code a list}, {@code a number}, {@code a boolean}, {@code null}, {@code a string}, for messages. */
    String kind() {
        if (node == null) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        if (Tag.NULL.equals(tag)) {
            return "null";
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return "a number";
        }
        return Tag.BOOL.equals(tag) ? "a boolean" : "a string";
    }

    /** Where this value starts (for a missing key, where its map starts). */
    SourceLocation location() {
        Node at = node != null ? node : parent;
        return new SourceLocation(
                file, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1);
    }

    /** The entry {@code key} of this map (missing when absent or when this is not a map). */
    YamlNode get(String key) {
        Node value = node instanceof MappingNode mapping ? entries(mapping, 0).get(key) : null;
        return new YamlNode(value, file, KeyPath.key(path, key), node != null ? node : parent);
    }

    /** The items of this list; empty when absent. */
    List<YamlNode> items() {
        if (!(node instanceof SequenceNode sequence)) {
            if (isAbsent()) {
                return List.of();
            }
            throw error("expected a list, got " + kind());
        }
        List<YamlNode> items = new ArrayList<>();
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new YamlNode(values.get(i), file, KeyPath.index(path, i), node));
        }
        return items;
    }

    /** This value as a map; fails when it is something else. */
    YamlNode requireMap() {
        if (!isMap()) {
            throw error("expected a map, got " + kind());
        }
        return this;
    }

    /** The original node, for conversion into plain values. */
    Node node() {
        return node;
    }

    /** An error at this value's line and key path. */
    InputException error(String problem) {
        return new InputException(location().where(), path, problem);
    }

    // explicit keys first, then merged maps in order; the first occurrence of a key wins
    private Map<String, Node> entries(MappingNode mapping, int depth) {
        if (depth > YamlLoader.MAX_DEPTH) {
            throw error("merge keys ('<<') nested too deep or recursive");
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        List<Node> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            if (Tag.MERGE.equals(key.getTag())) {
                merged.add(tuple.getValueNode());
            } else if (key instanceof ScalarNode scalar
                    && entries.putIfAbsent(scalar.getValue(), tuple.getValueNode()) != null) {
                throw new YamlNode(key, file, KeyPath.key(path, scalar.getValue()), node)
                        .error("duplicate key '" + scalar.getValue() + "'");
            }
        }
        for (Node source : merged) {
            List<Node> maps = source instanceof SequenceNode list ? list.getValue() : List.of(source);
            for (Node map : maps) {
                if (!(map instanceof MappingNode mergedMap)) {
                    throw new YamlNode(map, file, path, node).error("a merge key ('<<') needs a map or a list of maps");
                }
                entries(mergedMap, depth + 1).forEach(entries::putIfAbsent);
            }
        }
        return entries;
    }
}

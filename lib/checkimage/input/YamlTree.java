package checkimage.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a composed SnakeYAML node graph into plain, unmodifiable values: {@code Map<String, Object>} in
 * document order, {@code List<Object>}, {@code String} holding the scalar exactly as written (so a password
 * {@code 0777} stays {@code 0777} instead of becoming the octal number 511), and {@code null} for a plain
 * null scalar ({@code ~}, {@code null}, nothing).
 *
 * <p>Nodes shared through aliases are converted once and shared, so alias fan-out cannot multiply memory;
 * a cycle, a duplicate key, a key that is not a scalar and a merge key ({@code <<}) are errors with their
 * key path.
 */
final class YamlTree {

    private final String source;
    private final Map<Node, Object> converted = new IdentityHashMap<>();
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlTree(String source) {
        this.source = source;
    }

    /** Converts one document's root node ({@code null} for an empty document). */
    static Object of(Node root, String source) {
        return root == null ? null : new YamlTree(source).convert(root, "");
    }

    private Object convert(Node node, String path) {
        if (node instanceof ScalarNode scalar) {
            return Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
        }
        if (converted.containsKey(node)) {
            return converted.get(node);
        }
        if (!inProgress.add(node)) {
            throw new InputException(source, path, "an alias refers to a node that contains it (recursive alias)");
        }
        Object value = node instanceof MappingNode mapping
                ? convertMapping(mapping, path)
                : convertSequence((SequenceNode) node, path);
        inProgress.remove(node);
        converted.put(node, value);
        return value;
    }

    private Map<String, Object> convertMapping(MappingNode mapping, String path) {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = keyOf(tuple.getKeyNode(), path);
            String childPath = KeyPath.key(path, key);
            if (entries.containsKey(key)) {
                throw new InputException(source, childPath, "duplicate key '" + key + "'");
            }
            entries.put(key, convert(tuple.getValueNode(), childPath));
        }
        return Collections.unmodifiableMap(entries);
    }

    private List<Object> convertSequence(SequenceNode sequence, String path) {
        List<Node> nodes = sequence.getValue();
        List<Object> items = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            items.add(convert(nodes.get(i), KeyPath.index(path, i)));
        }
        return Collections.unmodifiableList(items);
    }

    private String keyOf(Node keyNode, String path) {
        if (Tag.MERGE.equals(keyNode.getTag())) {
            throw new InputException(source, path, "merge keys ('<<') are not supported; write the keys out");
        }
        if (!(keyNode instanceof ScalarNode scalar)) {
            throw new InputException(source, path, "expected text keys, got a " + kindOf(keyNode) + " as a key");
        }
        return scalar.getValue();
    }

    private static String kindOf(Node node) {
        return node instanceof MappingNode ? "map" : "list";
    }
}

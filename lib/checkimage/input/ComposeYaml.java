package checkimage.input;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The composed YAML nodes of a compose file, with positions, under the limits of {@link YamlLoader} (size,
 * aliases to collections, nesting depth; global tags refused, nothing constructed). Maps are read with their
 * merge keys ({@code <<: *anchor}, {@code <<: [*a, *b]}) applied as YAML 1.1 merges them: keys written in
 * the map win over merged ones, and among merged maps the first wins.
 */
final class ComposeYaml {

    private final String source;
    private final String text;
    private List<String> lines;

    /** @param source the file as reports name it; @param text its content */
    ComposeYaml(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /** The root nodes of the documents ({@code null} for an empty document). */
    List<Node> documents() {
        if (text.length() > YamlLoader.MAX_BYTES) {
            throw new InputException(
                    source, "", "larger than the " + (YamlLoader.MAX_BYTES >> 20) + " MiB limit for YAML input");
        }
        List<Node> roots = new ArrayList<>();
        try {
            for (Node root : newYaml().composeAll(new StringReader(text))) {
                roots.add(root);
            }
        } catch (YAMLException e) {
            throw YamlProblems.describe(e, source, false);
        }
        return roots;
    }

    /** The entries of {@code map} with merges applied, by key; {@code path} names it in errors. */
    Map<String, NodeTuple> entries(MappingNode map, String path) {
        return entries(map, path, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private Map<String, NodeTuple> entries(MappingNode map, String path, Set<Node> merging) {
        if (!merging.add(map) || merging.size() > YamlLoader.MAX_DEPTH) {
            throw error(map, path, "merge keys ('<<') refer to the map that contains them, or nest too deep");
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        List<MappingNode> merged = new ArrayList<>();
        for (NodeTuple tuple : map.getValue()) {
            Node key = tuple.getKeyNode();
            if (Tag.MERGE.equals(key.getTag())) {
                merged.addAll(mergedMaps(tuple.getValueNode(), path));
            } else if (key instanceof ScalarNode scalar) {
                if (entries.put(scalar.getValue(), tuple) != null) {
                    throw error(key, KeyPath.key(path, scalar.getValue()), "duplicate key '" + scalar.getValue() + "'");
                }
            } else {
                throw error(
                        key,
                        path,
                        "expected text keys, got a " + (key instanceof MappingNode ? "map" : "list") + " as a key");
            }
        }
        for (MappingNode other : merged) {
            entries(other, path, merging).forEach(entries::putIfAbsent);
        }
        merging.remove(map);
        return entries;
    }

    private List<MappingNode> mergedMaps(Node value, String path) {
        if (value instanceof MappingNode map) {
            return List.of(map);
        }
        List<MappingNode> maps = new ArrayList<>();
        if (value instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                if (!(item instanceof MappingNode map)) {
                    throw error(item, path, "a merge key ('<<') must merge a map or a list of maps");
                }
                maps.add(map);
            }
            return maps;
        }
        throw error(value, path, "a merge key ('<<') must merge a map or a list of maps");
    }

    /**
     * Where the value of {@code node} starts: its first character, past any anchor ({@code &x}) or tag
     * ({@code !reset}) written before it, which SnakeYAML counts as the node's start.
     */
    SourceLocation location(Node node) {
        if (lines == null) {
            lines = text.lines().toList();
        }
        int line = node.getStartMark().getLine();
        int column = node.getStartMark().getColumn();
        boolean nothingWritten = node instanceof ScalarNode scalar
                && scalar.getValue().isEmpty()
                && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        while (!nothingWritten
                && line < lines.size()
                && column < lines.get(line).length()
                && "&!".indexOf(lines.get(line).charAt(column)) >= 0) {
            String current = lines.get(line);
            while (column < current.length() && !Character.isWhitespace(current.charAt(column))) {
                column++;
            }
            while (column < current.length() && Character.isWhitespace(current.charAt(column))) {
                column++;
            }
            if (column >= current.length() && line + 1 < lines.size()) {
                line++;
                column = lines.get(line).length()
                        - lines.get(line).stripLeading().length();
            }
        }
        return new SourceLocation(source, line + 1, column + 1);
    }

    /** True for a plain null scalar: {@code ~}, {@code null} or nothing. */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** True for compose's {@code !reset} tag, which removes what an earlier file set. */
    static boolean isReset(Node node) {
        return "!reset".equals(node.getTag().getValue());
    }

    /** An error at {@code node}: {@code <file>: <path>: line N: <problem>}. */
    InputException error(Node node, String path, String problem) {
        return new InputException(source, path, "line " + (node.getStartMark().getLine() + 1) + ": " + problem);
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(YamlLoader.MAX_ALIASES);
        options.setNestingDepthLimit(YamlLoader.MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(YamlLoader.MAX_BYTES);
        return new Yaml(new SafeConstructor(options));
    }
}

package checkimage.nodeconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads a TOML file (TOML 1.0, by tomlj) into plain values: tables as ordered maps, arrays as lists, strings,
 * longs, doubles and booleans. The only class that touches tomlj. A file that is no TOML is a
 * {@link NodeConfigException} naming it and the line of the first error.
 */
final class TomlFile {

    private TomlFile() {}

    static Map<String, Object> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new NodeConfigException(
                    file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        TomlParseResult result = Toml.parse(text);
        if (result.hasErrors()) {
            TomlParseError first = result.errors().get(0);
            int line = first.position() == null ? 0 : first.position().line();
            throw new NodeConfigException(
                    file,
                    line,
                    "not valid TOML: " + first.getMessage().replaceAll(" \\(line \\d+, column \\d+\\)$", ""));
        }
        return table(result);
    }

    private static Map<String, Object> table(TomlTable table) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            map.put(key, plain(table.get(List.of(key))));
        }
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof TomlTable nested) {
            return table(nested);
        }
        if (value instanceof TomlArray array) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                list.add(plain(array.get(i)));
            }
            return list;
        }
        return value;
    }
}

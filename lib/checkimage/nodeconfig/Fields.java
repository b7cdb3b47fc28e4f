package checkimage.nodeconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to one table of a configuration file; a value of the wrong type is a {@link NodeConfigException}
 * naming the file and the key path, e.g. {@code registry[2].insecure must be true or false}.
 */
final class Fields {

    private final Path file;
    private final String where;
    private final Map<String, Object> table;

    Fields(Path file, String where, Map<String, Object> table) {
        this.file = file;
        this.where = where;
        this.table = table;
    }

    Optional<String> string(String key) {
        Object value = table.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw wrong(key, "a string");
        }
        return Optional.of(text);
    }

    boolean bool(String key) {
        Object value = table.get(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw wrong(key, "true or false");
        }
        return flag;
    }

    /** A string or a list of strings; empty when absent. */
    List<String> strings(String key) {
        Object value = table.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw wrong(key, "a string or a list of strings");
    }

    /** A list of tables (TOML {@code [[key]]}); empty when absent. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tables(String key) {
        Object value = table.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
            return (List<Map<String, Object>>) value;
        }
        throw wrong(key, "a list of tables ([[" + key + "]])");
    }

    /** A table; empty when absent. */
    @SuppressWarnings("unchecked")
    Map<String, Object> table(String key) {
        Object value = table.get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw wrong(key, "a table");
    }

    Object raw(String key) {
        return table.get(key);
    }

    NodeConfigException problem(String key, String detail) {
        return new NodeConfigException(file, path(key) + " " + detail);
    }

    private NodeConfigException wrong(String key, String expected) {
        return problem(key, "must be " + expected);
    }

    private String path(String key) {
        return where.isEmpty() ? key : where + "." + key;
    }
}

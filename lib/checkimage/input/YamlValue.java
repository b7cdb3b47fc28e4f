package checkimage.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded YAML value together with its file and key path, with typed accessors whose errors name both:
 * {@code jobs/train.yaml: taskRoles.worker.dockerImage: expected a string, got a list}.
 *
 * <p>Any scalar is accepted where a string is expected, as its text ({@code uri: 5} reads as {@code "5"}); a
 * null scalar is a wrong type, and a missing key is reported as missing.
 */
final class YamlValue {

    private static final Object MISSING = new Object();

    private final Object raw;
    private final String source;
    private final String path;

    private YamlValue(Object raw, String source, String path) {
        this.raw = raw;
        this.source = source;
        this.path = path;
    }

    /** The root value of a document loaded from {@code source}. */
    static YamlValue root(Object raw, String source) {
        return new YamlValue(raw, source, "");
    }

    String path() {
        return path;
    }

    /** True when the key was not in its map. */
    boolean isMissing() {
        return raw == MISSING;
    }

    /** True when the key is missing or its value is null. */
    boolean isAbsent() {
        return raw == MISSING || raw == null;
    }

    /** True when this is a map. */
    boolean isMap() {
        return raw instanceof Map;
    }

    /** {@code a map}, {@code a list}, {@code a string}, {@code null} or {@code missing}, for messages. */
    String kind() {
        return raw == MISSING ? "missing" : kindOf(raw);
    }

    /** This value, after checking that it is a map. */
    YamlValue requireMap() {
        map();
        return this;
    }

    /** The entry {@code key} of this map (possibly {@link #isMissing() missing}); fails if this is not a map. */
    YamlValue get(String key) {
        Object value = map().getOrDefault(key, MISSING);
        return new YamlValue(value, source, KeyPath.key(path, key));
    }

    /** The entries of this map, in document order. */
    Map<String, YamlValue> entries() {
        Map<String, YamlValue> entries = new LinkedHashMap<>();
        map().forEach((key, value) -> entries.put(key, new YamlValue(value, source, KeyPath.key(path, key))));
        return Collections.unmodifiableMap(entries);
    }

    /** The items of this list. */
    List<YamlValue> items() {
        if (!(raw instanceof List<?> list)) {
            throw wrongType("a list");
        }
        List<YamlValue> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            items.add(new YamlValue(list.get(i), source, KeyPath.index(path, i)));
        }
        return items;
    }

    /** This scalar's text; fails if missing, null, a map or a list. */
    String text() {
        if (!(raw instanceof String text)) {
            throw wrongType("a string");
        }
        return text;
    }

    /** This scalar's text, or empty when missing or null. */
    Optional<String> optionalText() {
        return isAbsent() ? Optional.empty() : Optional.of(text());
    }

    /** An error at this value's key path. */
    InputException error(String problem) {
        return new InputException(source, path, problem);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map() {
        if (!(raw instanceof Map<?, ?>)) {
            throw wrongType("a map");
        }
        return (Map<String, Object>) raw;
    }

    private InputException wrongType(String expected) {
        if (raw == MISSING) {
            return error("required key is missing (expected " + expected + ")");
        }
        return error("expected " + expected + ", got " + kindOf(raw));
    }

    /** {@code a map}, {@code a list}, {@code a string} or {@code null}, for messages. */
    static String kindOf(Object value) {
        if (value instanceof Map) {
            return "a map";
        }
        if (value instanceof List) {
            return "a list";
        }
        return value == null ? "null" : "a string";
    }
}

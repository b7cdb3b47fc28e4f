package checkimage.json;

import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON (RFC 8259) reader and writer for token responses, error bodies, manifests and reports.
 *
 * <h2>Reading</h2>
 * {@link #parse(String)} maps JSON to plain Java values:
 * <ul>
 *   <li>object → {@link java.util.LinkedHashMap}{@code <String, Object>} in document order;</li>
 *   <li>array → {@link java.util.ArrayList}{@code <Object>};</li>
 *   <li>string → {@link String};</li>
 *   <li>number → {@link Long} when written without fraction or exponent and within {@code long} range,
 *       otherwise {@link Double} (so {@code 1.0} and {@code 1e2} are doubles, and integers beyond
 *       {@code long} lose precision);</li>
 *   <li>{@code true}/{@code false} → {@link Boolean}; {@code null} → {@code null}.</li>
 * </ul>
 * It is strict, because its input is whatever a server sent: one value surrounded only by JSON whitespace
 * (no trailing text, no byte order mark), no leading zeros, no {@code NaN}/{@code Infinity}, no bare control
 * characters or unpaired surrogates in strings (§8.2), no duplicate keys in an object (§4 says names SHOULD be
 * unique; we refuse ambiguity), a number whose value overflows a double is refused, and arrays and objects
 * nest at most {@value #MAX_DEPTH} deep. Every violation is a {@link JsonException} with its position.
 * The input size is not capped here: cap bodies where they are read.
 *
 * <h2>Writing</h2>
 * {@link #write(Object)} and {@link #writePretty(Object)} accept {@link Map} (keys must be
 * {@link CharSequence}s), {@link Iterable}, {@link CharSequence}, {@link Number}, {@link Boolean},
 * {@link Enum} (as its {@code name()}) and {@code null}, nested at most {@value #MAX_DEPTH} deep. Anything else,
 * a non-finite number, a {@code null} key or a cycle is an {@link IllegalArgumentException} (not a
 * {@link JsonException}: the value is ours, not bad input). Strings are escaped per RFC 8259 §7:
 * <code>"</code>, <code>&#92;</code> and control characters (<code>&#92;n</code>, <code>&#92;t</code> ...
 * short forms, else <code>&#92;u00XX</code>); an unpaired surrogate is written as U+FFFD so the output is
 * always valid UTF-8 text.
 */
public final class Json {

    /** The deepest nesting of arrays and objects that is read or written. */
    public static final int MAX_DEPTH = 64;

    private Json() {
    }

    /**
     * Parses one JSON text.
     *
     * @throws JsonException when the text is not valid JSON or exceeds the limits above
     * @throws NullPointerException when {@code text} is null
     */
    public static Object parse(String text) {
        return new JsonReader(text).readDocument();
    }

    /** Writes a value compactly, with no whitespace. */
    public static String write(Object value) {
        return new JsonWriter(false).write(value);
    }

    /** Writes a value for humans: two-space indentation, one member or element per line. */
    public static String writePretty(Object value) {
        return new JsonWriter(true).write(value);
    }

    /**
     * The value as a JSON object, as returned by {@link #parse(String)}.
     *
     * @throws JsonException {@code expected an object, got an array} when it is anything else
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new JsonException("expected an object, got " + kind(value));
    }

    /**
     * The value as a JSON array, as returned by {@link #parse(String)}.
     *
     * @throws JsonException {@code expected an array, got a string} when it is anything else
     */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Object value) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new JsonException("expected an array, got " + kind(value));
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Map) {
            return "an object";
        } else if (value instanceof List) {
            return "an array";
        } else if (value instanceof CharSequence) {
            return "a string";
        } else if (value instanceof Number) {
            return "a number";
        } else if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a " + value.getClass().getSimpleName();
    }
}

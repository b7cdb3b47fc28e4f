package checkimage.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON (RFC 8259) for token responses, error bodies, manifests, credential files and reports, on
 * jackson-core's streaming parser and generator: the limits below are jackson's {@link StreamReadConstraints}, duplicate keys are
 * refused by {@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}. The rest of check-image imports this class,
 * never jackson (LayeringSpec).
 *
 * <h2>Reading</h2>
 * {@link #parse(String)} maps a document to plain values, which each reader turns into its own typed records
 * ({@code Token}, {@code RegistryError}, {@code Platform}, {@code AuthFile}) member by member, so that a member of
 * the wrong shape is skipped or named with its key path, as their specs require:
 * object → {@link java.util.LinkedHashMap} in document order, array → {@link java.util.ArrayList}, string →
 * {@link String}, integer within {@code long} range → {@link Long}, any other number → {@link Double} (so integers
 * beyond {@code long} lose precision), {@code true}/{@code false} → {@link Boolean}, {@code null} → {@code null}.
 * <p>It is strict, because its input is whatever a server sent: one value surrounded only by JSON whitespace (no
 * trailing text), no leading zeros, no {@code NaN}/{@code Infinity}, no comments, no bare control characters in
 * strings, no duplicate keys in an object (§4 says names SHOULD be unique; we refuse ambiguity), arrays and
 * objects nested at most {@value #MAX_DEPTH} deep, strings and names at most {@value #MAX_STRING} characters,
 * numbers at most {@value #MAX_NUMBER} characters and finite as a double. Every violation is a {@link JsonException} with its position.
 * Cap the size of bodies where they are read.
 *
 * <h2>Writing</h2>
 * {@link #write(Object)} and {@link #writePretty(Object)} accept {@link Map} (keys must be {@link CharSequence}s),
 * {@link Iterable}, {@link CharSequence}, {@link Number}, {@link Boolean}, {@link Enum} (as its {@code name()})
 * and {@code null}, nested at most {@value #MAX_DEPTH} deep; see {@link JsonWriter}.
 */
public final class Json {

    /** The deepest nesting of arrays and objects that is read or written. */
    public static final int MAX_DEPTH = 64;

    /** The longest string or member name read, in characters. */
    public static final int MAX_STRING = 1 << 20;

    /** The longest number read, in characters. */
    public static final int MAX_NUMBER = 100;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNameLength(MAX_STRING)
                    .maxNumberLength(MAX_NUMBER)
                    .build())
            .streamWriteConstraints(
                    StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    private Json() {}

    /**
     * Parses one JSON text into plain values.
     *
     * @throws JsonException when the text is not valid JSON or exceeds the limits above
     * @throws NullPointerException when {@code text} is null
     */
    public static Object parse(String text) {
        return bind(text);
    }

    private static Object bind(String text) {
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(text);
            Object value = TreeReader.read(parser);
            if (parser.nextToken() != null) {
                throw new JsonException((int) parser.currentTokenLocation().getCharOffset(), "expected end of input");
            }
            parser.close();
            return value;
        } catch (JsonProcessingException e) {
            throw JsonException.of(e, parser == null ? null : parser.currentLocation());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String source does no I/O
        }
    }

    /** Writes a value compactly, with no whitespace. */
    public static String write(Object value) {
        return new JsonWriter(false).write(value);
    }

    /** Writes a value for humans: two-space indentation, one member or element per line, {@code "key": value}. */
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

package checkimage.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Writes plain Java values as JSON on a jackson {@link JsonGenerator}, compact or laid out by {@link Layout};
 * see {@link Json} for what it accepts. A value it cannot write, a non-finite number, a {@code null} key or a
 * cycle is an {@link IllegalArgumentException} (not a {@link JsonException}: the value is ours, not bad input).
 * An unpaired surrogate is written as U+FFFD so the output is always valid UTF-8 text.
 */
final class JsonWriter {

    private final boolean pretty;

    JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
            if (pretty) {
                generator.setPrettyPrinter(new Layout());
            }
            value(generator, value, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does no I/O
        }
        return out.toString();
    }

    private void value(JsonGenerator generator, Object value, int depth) throws IOException {
        if (depth >= Json.MAX_DEPTH && (value instanceof Map || value instanceof Iterable)) {
            throw new IllegalArgumentException(
                    "cannot write JSON nested deeper than " + Json.MAX_DEPTH + " (is there a cycle?)");
        }
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof CharSequence text) {
            generator.writeString(wellFormed(text));
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Number number) {
            number(generator, number);
        } else if (value instanceof Enum<?> constant) {
            generator.writeString(constant.name());
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (!(member.getKey() instanceof CharSequence key)) {
                    throw new IllegalArgumentException("cannot write a JSON object key that is "
                            + (member.getKey() == null
                                    ? "null"
                                    : "a " + member.getKey().getClass().getName()));
                }
                generator.writeFieldName(wellFormed(key));
                value(generator, member.getValue(), depth + 1);
            }
            generator.writeEndObject();
        } else if (value instanceof Iterable<?> iterable) {
            generator.writeStartArray();
            for (Object element : iterable) {
                value(generator, element, depth + 1);
            }
            generator.writeEndArray();
        } else {
            throw new IllegalArgumentException(
                    "cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void number(JsonGenerator generator, Number number) throws IOException {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("cannot write " + number + " as JSON");
            }
            generator.writeNumber(number.toString());
        } else if (number instanceof Long
                || number instanceof Integer
                || number instanceof Short
                || number instanceof Byte) {
            generator.writeNumber(number.longValue());
        } else if (number instanceof BigInteger big) {
            generator.writeNumber(big);
        } else if (number instanceof BigDecimal decimal) {
            generator.writeNumber(decimal);
        } else if (isNumber(number.toString())) {
            generator.writeNumber(number.toString());
        } else {
            throw new IllegalArgumentException(
                    "cannot write a " + number.getClass().getName() + " whose text is not a JSON number");
        }
    }

    private static boolean isNumber(String literal) {
        try {
            return Json.parse(literal) instanceof Number;
        } catch (JsonException e) {
            return false;
        }
    }

    /** The text with each unpaired surrogate replaced by U+FFFD (RFC 8259 §8.2). */
    private static String wellFormed(CharSequence text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                out = out == null ? new StringBuilder(text) : out;
                out.setCharAt(i, '\uFFFD');
            }
        }
        return out == null ? text.toString() : out.toString();
    }
}

package checkimage.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/** Writes plain Java values as JSON, compact or indented; see {@link Json} for what it accepts. */
final class JsonWriter {

    private static final String HEX = "0123456789abcdef";

    private final boolean pretty;
    private final StringBuilder out = new StringBuilder();
    private int depth;

    JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    String write(Object value) {
        value(value);
        return out.toString();
    }

    private void value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            string(text);
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue());
        } else if (value instanceof Number number) {
            number(number);
        } else if (value instanceof Enum<?> constant) {
            string(constant.name());
        } else if (value instanceof Map<?, ?> map) {
            object(map);
        } else if (value instanceof Iterable<?> iterable) {
            array(iterable);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private void object(Map<?, ?> map) {
        enter('{');
        boolean first = true;
        for (Map.Entry<?, ?> member : map.entrySet()) {
            if (!(member.getKey() instanceof CharSequence key)) {
                throw new IllegalArgumentException("cannot write a JSON object key that is "
                        + (member.getKey() == null ? "null" : "a " + member.getKey().getClass().getName()));
            }
            separate(first);
            first = false;
            string(key);
            out.append(pretty ? ": " : ":");
            value(member.getValue());
        }
        leave('}', first);
    }

    private void array(Iterable<?> iterable) {
        enter('[');
        boolean first = true;
        for (Iterator<?> elements = iterable.iterator(); elements.hasNext(); first = false) {
            Object element = elements.next();
            separate(first);
            value(element);
        }
        leave(']', first);
    }

    private void number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("cannot write " + number + " as JSON");
            }
        }
        String literal = number.toString();
        boolean known = number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger || number instanceof BigDecimal
                || number instanceof Double || number instanceof Float;
        // Double.toString and BigDecimal.toString ("1.0E10", "1E+3") are JSON numbers; other types must prove it
        if (!known && !JsonReader.isNumber(literal)) {
            throw new IllegalArgumentException("cannot write a " + number.getClass().getName()
                    + " whose text is not a JSON number");
        }
        out.append(literal);
    }

    /** RFC 8259 §7; an unpaired surrogate becomes U+FFFD so the output can always be encoded as UTF-8. */
    private void string(CharSequence text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void enter(char open) {
        if (++depth > Json.MAX_DEPTH) {
            throw new IllegalArgumentException("cannot write JSON nested deeper than " + Json.MAX_DEPTH
                    + " (is there a cycle?)");
        }
        out.append(open);
    }

    private void separate(boolean first) {
        if (!first) {
            out.append(',');
        }
        newline(depth);
    }

    private void leave(char close, boolean empty) {
        depth--;
        if (!empty) {
            newline(depth);
        }
        out.append(close);
    }

    private void newline(int level) {
        if (pretty) {
            out.append('\n').append("  ".repeat(level));
        }
    }
}

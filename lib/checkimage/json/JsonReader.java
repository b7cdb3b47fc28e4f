package checkimage.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Recursive-descent parser for one RFC 8259 JSON text; see {@link Json} for the mapping and the limits. */
final class JsonReader {

    private final String text;
    private int pos;
    private int depth;

    JsonReader(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    /** RFC 8259 §2: {@code JSON-text = ws value ws}. */
    Object readDocument() {
        skipWhitespace();
        Object value = readValue();
        skipWhitespace();
        if (pos < text.length()) {
            throw expected("end of input");
        }
        return value;
    }

    /** True when {@code s} is exactly one JSON number (RFC 8259 §6), for checking numbers before writing them. */
    static boolean isNumber(String s) {
        JsonReader reader = new JsonReader(s);
        try {
            reader.scanNumber();
            return reader.pos == s.length();
        } catch (JsonException e) {
            return false;
        }
    }

    private Object readValue() {
        if (pos >= text.length()) {
            throw expected("a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> readString();
            case 't' -> readLiteral("true", Boolean.TRUE);
            case 'f' -> readLiteral("false", Boolean.FALSE);
            case 'n' -> readLiteral("null", null);
            default -> {
                if (c != '-' && !isDigit(c)) {
                    throw expected("a value");
                }
                yield readNumber();
            }
        };
    }

    /** RFC 8259 §4: {@code object = { [ member *( , member ) ] }} with {@code member = string : value}. */
    private Map<String, Object> readObject() {
        enter();
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (consume('}')) {
            return leave(members);
        }
        while (true) {
            if (!peekIs('"')) {
                throw expected(members.isEmpty() ? "a string key or '}'" : "a string key");
            }
            int keyPosition = pos;
            String key = readString();
            skipWhitespace();
            if (!consume(':')) {
                throw expected("':'");
            }
            skipWhitespace();
            Object value = readValue();
            if (members.containsKey(key)) {
                throw new JsonException(keyPosition, "duplicate key " + quoteKey(key));
            }
            members.put(key, value);
            skipWhitespace();
            if (consume('}')) {
                return leave(members);
            }
            if (!consume(',')) {
                throw expected("',' or '}'");
            }
            skipWhitespace();
        }
    }

    /** RFC 8259 §5: {@code array = [ [ value *( , value ) ] ]}. */
    private List<Object> readArray() {
        enter();
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (consume(']')) {
            return leave(elements);
        }
        while (true) {
            elements.add(readValue());
            skipWhitespace();
            if (consume(']')) {
                return leave(elements);
            }
            if (!consume(',')) {
                throw expected("',' or ']'");
            }
            skipWhitespace();
        }
    }

    /** RFC 8259 §7; an unpaired surrogate, escaped or not, is refused (§8.2). */
    private String readString() {
        int start = pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new JsonException(start, "unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            } else if (c == '\\') {
                readEscape(out);
            } else if (c < 0x20) {
                throw new JsonException(pos, "control character " + describe(c) + " must be escaped in a string");
            } else if (Character.isSurrogate(c)) {
                readSurrogatePair(out);
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private void readEscape(StringBuilder out) {
        int start = pos++;
        if (pos >= text.length()) {
            throw new JsonException(start, "unterminated string");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case '"', '\\', '/' -> out.append(c);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> readUnicodeEscape(start, out);
            default -> throw new JsonException(start, "invalid escape: backslash followed by " + describe(c));
        }
    }

    private void readUnicodeEscape(int start, StringBuilder out) {
        char c = (char) readHex4(start);
        if (Character.isHighSurrogate(c) && text.startsWith("\\u", pos)) {
            int lowStart = pos;
            pos += 2;
            char low = (char) readHex4(lowStart);
            if (Character.isLowSurrogate(low)) {
                out.append(c).append(low);
                return;
            }
        }
        if (Character.isSurrogate(c)) {
            throw new JsonException(start, "unpaired surrogate in \\u escape");
        }
        out.append(c);
    }

    private int readHex4(int escapeStart) {
        if (pos + 4 > text.length()) {
            throw new JsonException(escapeStart, "invalid \\u escape: expected four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = hexValue(text.charAt(pos + i));
            if (digit < 0) {
                throw new JsonException(escapeStart, "invalid \\u escape: expected four hex digits");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return value;
    }

    private void readSurrogatePair(StringBuilder out) {
        char high = text.charAt(pos);
        if (Character.isHighSurrogate(high) && pos + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(pos + 1))) {
            out.append(high).append(text.charAt(pos + 1));
            pos += 2;
            return;
        }
        throw new JsonException(pos, "unpaired surrogate " + describe(high) + " in string");
    }

    /** RFC 8259 §6: {@code number = [ - ] int [ frac ] [ exp ]}, {@code int = 0 / ( digit1-9 *DIGIT )}. */
    private Object readNumber() {
        int start = pos;
        boolean integral = scanNumber();
        String literal = text.substring(start, pos);
        if (integral) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException tooBigForLong) {
                // falls through to a double, as documented
            }
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw new JsonException(start, "number out of range");
        }
        return value;
    }

    /** Moves past one number; true when it has neither fraction nor exponent. */
    private boolean scanNumber() {
        consume('-');
        if (consume('0')) {
            if (pos < text.length() && isDigit(text.charAt(pos))) {
                throw new JsonException(pos - 1, "leading zeros are not allowed");
            }
        } else {
            readDigits();
        }
        boolean integral = true;
        if (consume('.')) {
            readDigits();
            integral = false;
        }
        if (consume('e') || consume('E')) {
            if (!consume('+')) {
                consume('-');
            }
            readDigits();
            integral = false;
        }
        return integral;
    }

    private void readDigits() {
        if (pos >= text.length() || !isDigit(text.charAt(pos))) {
            throw expected("a digit");
        }
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private Object readLiteral(String literal, Object value) {
        if (!text.startsWith(literal, pos)) {
            throw expected("a value");
        }
        pos += literal.length();
        return value;
    }

    private void enter() {
        if (++depth > Json.MAX_DEPTH) {
            throw new JsonException(pos, "nesting deeper than " + Json.MAX_DEPTH);
        }
        pos++;
    }

    private <T> T leave(T value) {
        depth--;
        return value;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean peekIs(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean consume(char c) {
        if (peekIs(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private JsonException expected(String what) {
        String found = pos < text.length() ? describe(text.charAt(pos)) : "end of input";
        return new JsonException(pos, "expected " + what + ", got " + found);
    }

    /** ASCII only: {@link Character#digit} alone would also accept other scripts' digits. */
    private static int hexValue(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** One character for a message: {@code 'x'} when printable ASCII, else {@code U+000A}. */
    private static String describe(char c) {
        return c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static String quoteKey(String key) {
        String shown = key.length() > 40 ? key.substring(0, 40) + "..." : key;
        return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}

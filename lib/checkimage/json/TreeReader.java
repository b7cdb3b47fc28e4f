package checkimage.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one value from a jackson parser into plain maps, lists and scalars; see {@link Json#parse(String)}. */
final class TreeReader {

    private TreeReader() {}

    /** The value starting at the parser's next token. */
    static Object read(JsonParser parser) throws IOException {
        return value(parser, parser.nextToken());
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonException(
                    (int) parser.currentLocation().getCharOffset(), "expected a value, got end of input");
        }
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> text(parser, parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser, token);
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default ->
                throw new JsonException((int) parser.currentTokenLocation().getCharOffset(), "expected a value");
        };
    }

    /** The string, refused when it holds an unpaired surrogate (RFC 8259 §8.2): jackson passes those through. */
    private static String text(JsonParser parser, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new JsonException(
                        (int) parser.currentTokenLocation().getCharOffset(), "unpaired surrogate in string");
            }
        }
        return text;
    }

    /** A {@link Long} when integral and within range, else a finite {@link Double}, as {@link Json} documents. */
    private static Object number(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        double value = parser.getDoubleValue();
        if (Double.isInfinite(value)) {
            throw new JsonException((int) parser.currentTokenLocation().getCharOffset(), "number out of range");
        }
        return value;
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> members = new LinkedHashMap<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            members.put(text(parser, name), value(parser, parser.nextToken()));
        }
        return members;
    }

    private static List<Object> array(JsonParser parser) throws IOException {
        List<Object> elements = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            elements.add(value(parser, token));
        }
        return elements;
    }
}

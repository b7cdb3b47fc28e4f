package checkimage.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * Input that is not the JSON we expected: text that breaks RFC 8259 or a limit (with the position where it
 * broke), or a parsed value of the wrong shape (position {@code -1}).
 *
 * <p>Messages never quote the input: the input may be a token response or a file of credentials, so the
 * characters and tokens jackson quotes in its messages are cut out.
 */
public class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Jackson's description of one character, {@code ('x' (code 120))} or {@code ((CTRL-CHAR, code 10))}. */
    private static final Pattern CHARACTER = Pattern.compile(
            "\\s?\\(?(?:'.' \\(code \\d+(?: / 0x\\p{XDigit}+)?\\)|\\(CTRL-CHAR, code \\d+\\))\\)?", Pattern.DOTALL);
    /** A quoted token of the input, {@code Unrecognized token 'secret': ...}. */
    private static final Pattern TOKEN = Pattern.compile("(?s)(token|property) '.*?'(?=:)");
    /** Jackson's pointer to where a structure started: a source description of no use to a reader. */
    private static final Pattern START_MARKER = Pattern.compile("(?s)\\s*\\(start marker at .*");

    private final int position;

    /**
     * @param position 0-based index into the text, in UTF-16 code units, of the character that broke the grammar
     *     (the text's length when the text ended too early)
     * @param detail what was expected there, e.g. {@code expected end of input}
     */
    public JsonException(int position, String detail) {
        super("invalid JSON at position " + position + ": " + detail);
        this.position = position;
    }

    /** A well-formed value of the wrong shape, e.g. {@code expected an object, got an array}. */
    public JsonException(String detail) {
        super("invalid JSON: " + detail);
        this.position = -1;
    }

    /** Jackson's exception as ours: its position and its message without any quoted input. */
    static JsonException of(JsonProcessingException e, JsonLocation current) {
        JsonLocation location = e.getLocation() != null ? e.getLocation() : current;
        long offset = location == null ? -1 : location.getCharOffset();
        String detail = safe(e.getOriginalMessage());
        return offset < 0 ? new JsonException(detail) : new JsonException((int) offset, detail);
    }

    static String safe(String message) {
        String text = message == null ? "malformed" : message;
        text = START_MARKER.matcher(text).replaceAll("");
        text = TOKEN.matcher(text).replaceAll("$1");
        text = CHARACTER.matcher(text).replaceAll("");
        text = text.replaceAll(", from `[^`]*`", "");
        text = text.replace("end-of-input" + "No", "end-of-input: no")
                .replace("end-of-inputexpected", "end-of-input: expected");
        int newline = text.indexOf('\n');
        return newline >= 0 ? text.substring(0, newline) : text;
    }

    /** Where the text broke the grammar, or {@code -1} when the error is about a parsed value's shape. */
    public int position() {
        return position;
    }
}

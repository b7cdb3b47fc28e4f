package checkimage.json;

/**
 * Input that is not the JSON we expected: text that breaks RFC 8259 (with the position where it broke), or a
 * parsed value of the wrong shape (position {@code -1}).
 *
 * <p>Messages never quote the input beyond a single character, because the input may be a token response.
 */
public class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int position;

    /**
     * @param position 0-based index into the text, in UTF-16 code units, of the character that broke the grammar
     *     (the text's length when the text ended too early)
     * @param detail what was expected there, e.g. {@code expected ',' or '}'}
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

    /** Where the text broke the grammar, or {@code -1} when the error is about a parsed value's shape. */
    public int position() {
        return position;
    }
}

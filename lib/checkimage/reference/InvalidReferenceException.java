package checkimage.reference;

/**
 * An image reference or digest that does not follow the distribution reference grammar.
 *
 * <p>Carries the text that was rejected, the 0-based position where it went wrong and what was wrong or
 * expected there, so a caller can point at the offending character. The message always reads
 * {@code invalid image reference '<input>': <expected> (at position <n>)}; control characters in the
 * input are shown escaped and very long inputs are shortened, while {@link #input()} keeps the raw text.
 */
public class InvalidReferenceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN_INPUT_LENGTH = 300;

    private final String input;
    private final int position;
    private final String expected;

    /**
     * @param input the rejected text ({@code null} is recorded as the empty string)
     * @param position 0-based index into {@code input}; may equal its length when something is missing at the end
     * @param expected what is wrong or what was expected at {@code position}
     */
    public InvalidReferenceException(String input, int position, String expected) {
        super(message(input == null ? "" : input, position, expected));
        this.input = input == null ? "" : input;
        this.position = position;
        this.expected = expected;
    }

    /** The rejected text, exactly as given. */
    public String input() {
        return input;
    }

    /** The 0-based index into {@link #input()} where it went wrong. */
    public int position() {
        return position;
    }

    /** What is wrong or what was expected at {@link #position()}. */
    public String expected() {
        return expected;
    }

    private static String message(String input, int position, String expected) {
        return "invalid image reference '" + shown(input) + "': " + escaped(expected) + " (at position " + position
                + ")";
    }

    private static String shown(String input) {
        if (input.length() <= SHOWN_INPUT_LENGTH) {
            return escaped(input);
        }
        return escaped(input.substring(0, SHOWN_INPUT_LENGTH)) + "... (" + input.length() + " characters)";
    }

    // A message goes to terminals and logs: never let a control character from the input through.
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Quotes a character for an error message, spelling out the ones that do not print: {@code ' ' (space)}, {@code U+0009}. */
    public static String describe(char c) {
        if (c == ' ') {
            return "' ' (space)";
        }
        if (c < 0x21 || c >= 0x7f) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}

package checkimage.units;

/**
 * Text that is not a quantity of the expected kind, or one out of range. The message is one line that quotes the
 * input and says what is accepted, e.g. {@code '10x' is not a duration; use a number and a unit: 500ms, 10s, 1.5m,
 * 2h, or plain seconds like 30}.
 */
public class InvalidQuantityException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;

    public InvalidQuantityException(String input, String problem) {
        super("'" + input + "' " + problem);
        this.input = input;
    }

    /** The text as it was given. */
    public String input() {
        return input;
    }
}

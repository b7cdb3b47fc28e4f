package checkimage.dsl;

/**
 * A problem found while a policy script runs. Thrown by the delegates with the message alone; the loader
 * takes the line from this exception's stack trace and turns it into a {@link PolicyException}.
 */
final class ScriptProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ScriptProblem(String message) {
        super(message);
    }
}

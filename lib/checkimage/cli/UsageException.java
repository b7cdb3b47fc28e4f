package checkimage.cli;

/** A usage or configuration mistake found after parsing the flags (exit 2). */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}

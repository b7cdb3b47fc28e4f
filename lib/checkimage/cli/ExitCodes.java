package checkimage.cli;

/** The process exit codes, documented in {@code --help} and the README. */
public final class ExitCodes {

    /** Every image is accessible (and allowed). */
    public static final int OK = 0;
    /**
     * At least one image is definitely not accessible: missing, auth rejected, an invalid reference or denied by the
     * policy; with {@code --fail-on-warning}, also any policy warning.
     */
    public static final int INACCESSIBLE = 1;
    /** Usage or configuration error: bad flags, unreadable or malformed files, unknown secret keys. */
    public static final int USAGE = 2;
    /** Only with {@code --fail-on-unknown}: some result is unknown (network, rate limit, server trouble). */
    public static final int UNKNOWN = 3;
    /** A bug in check-image itself: an unexpected exception, reported in one line; please report it. */
    public static final int INTERNAL = 4;

    private ExitCodes() {}
}

package checkimage.client;

import checkimage.result.Cause;

/** A request did not get a response: DNS, connect, TLS or timeout trouble. The message never holds a secret. */
public class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Cause cause;

    public TransportException(Cause cause, String message) {
        super(message);
        this.cause = cause;
    }

    /** The kind of trouble, for {@link checkimage.result.CheckOutcome.Unknown}. */
    public Cause kind() {
        return cause;
    }

    /** True for trouble that a retry may cure (reset connections). */
    public boolean isRetryable() {
        return cause == Cause.CONNECT;
    }
}

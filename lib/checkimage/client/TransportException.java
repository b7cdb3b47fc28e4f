package checkimage.client;

import checkimage.result.Cause;

/** A request did not get a response: DNS, connect, TLS or timeout trouble. The message never holds a secret. */
public class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Cause cause;
    private final boolean retryable;

    public TransportException(Cause cause, String message) {
        this(cause, message, false);
    }

    /** {@code retryable}: the connection was reset or closed mid-exchange, which a new connection may cure. */
    public TransportException(Cause cause, String message, boolean retryable) {
        super(message);
        this.cause = cause;
        this.retryable = retryable;
    }

    /** The kind of trouble, for {@link checkimage.result.CheckOutcome.Unknown}. */
    public Cause kind() {
        return cause;
    }

    /** True for trouble that a retry may cure (reset connections), false for refused ones, DNS, TLS, timeouts. */
    public boolean isRetryable() {
        return retryable;
    }
}

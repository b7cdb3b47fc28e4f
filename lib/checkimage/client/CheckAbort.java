package checkimage.client;

import checkimage.reference.ImageReference;
import checkimage.result.Cause;
import checkimage.result.CheckOutcome;
import checkimage.result.RegistryError;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Ends one image's handshake early with a definite outcome (auth rejected, unknown). Package-private control
 * flow between the steps and the facade: callers of the public API only ever see {@link CheckOutcome} values.
 */
final class CheckAbort extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Function<ImageReference, CheckOutcome> outcome;

    private CheckAbort(String reason, Function<ImageReference, CheckOutcome> outcome) {
        super(reason, null, false, false);
        this.outcome = outcome;
    }

    static CheckAbort unknown(Cause cause, String reason) {
        return unknown(cause, reason, null, List.of());
    }

    static CheckAbort unknown(Cause cause, String reason, Duration retryAfter, List<RegistryError> errors) {
        return new CheckAbort(reason, ref -> new CheckOutcome.Unknown(ref, cause, reason, retryAfter, errors));
    }

    static CheckAbort of(TransportException e) {
        return unknown(e.kind(), e.getMessage());
    }

    static CheckAbort rejected(CheckOutcome.Rejection rejection, String reason, List<RegistryError> errors) {
        return new CheckAbort(reason, ref -> new CheckOutcome.AuthRejected(ref, rejection, reason, errors));
    }

    static CheckAbort outcome(Function<ImageReference, CheckOutcome> outcome, String reason) {
        return new CheckAbort(reason, outcome);
    }

    CheckOutcome toOutcome(ImageReference reference) {
        return outcome.apply(reference);
    }
}

package checkimage.result;

import checkimage.reference.ImageReference;
import java.time.Duration;
import java.util.List;

/**
 * The one place that decides what an HTTP status means: {@link #causeOf} for any request (ping, token, manifest,
 * blob) whose status is no answer about the image, {@link #tokenRejection} for a token server's refusal, and
 * {@link #classify} for a manifest request that did not succeed.
 *
 * <p>A manifest request that did not succeed becomes an outcome. The rules that keep "unknown" from ever being
 * reported as "missing":
 * <ul>
 *   <li>404 after the handshake is {@link CheckOutcome.Missing}; distribution answers {@code MANIFEST_UNKNOWN}
 *       for a missing tag and for a missing repository alike;</li>
 *   <li>401 with credentials under Basic is bad credentials; 401 under Bearer (the token was issued) or 403 is
 *       denied, which a registry also answers for a private repository that does not exist;</li>
 *   <li>429 is rate limited, 5xx a server error, anything else an unexpected status: all unknown.</li>
 * </ul>
 */
public final class ResponseClassifier {

    /** What the client knows about the failed exchange: how it authenticated and what the registry said. */
    public record Exchange(
            int status,
            boolean basicScheme,
            boolean credentialed,
            String identity,
            List<RegistryError> errors,
            Duration retryAfter) {
        public Exchange {
            errors = List.copyOf(errors);
        }
    }

    private ResponseClassifier() {}

    /** Why a status that is not an answer about the image is unknown trouble: 429 rate limited, 5xx server error, else unexpected. */
    public static Cause causeOf(int status) {
        if (status == 429) {
            return Cause.RATE_LIMITED;
        }
        return status >= 500 ? Cause.SERVER_ERROR : Cause.UNEXPECTED_STATUS;
    }

    /**
     * How a token server refused: 401 or 403 is bad credentials when credentials were sent and denied when not
     * (the server wants some); null for any other status, which {@link #causeOf} explains.
     */
    public static CheckOutcome.Rejection tokenRejection(int status, boolean credentialed) {
        if (status != 401 && status != 403) {
            return null;
        }
        return credentialed ? CheckOutcome.Rejection.BAD_CREDENTIALS : CheckOutcome.Rejection.DENIED;
    }

    public static CheckOutcome classify(ImageReference reference, Exchange exchange) {
        int status = exchange.status();
        List<RegistryError> errors = exchange.errors();
        if (status == 404) {
            return new CheckOutcome.Missing(
                    reference,
                    "manifest unknown: " + reference.path() + " has no "
                            + (reference.digest() != null
                                    ? "manifest " + reference.digest()
                                    : "tag '" + reference.tag() + "'")
                            + " (or the repository does not exist)" + codes(errors),
                    errors);
        }
        if (status == 401 || status == 403) {
            return rejected(reference, exchange);
        }
        if (causeOf(status) == Cause.RATE_LIMITED) {
            return new CheckOutcome.Unknown(
                    reference,
                    Cause.RATE_LIMITED,
                    "rate limited by " + reference.registryHost()
                            + (exchange.retryAfter() == null
                                    ? ""
                                    : "; retry after " + exchange.retryAfter().toSeconds() + " s")
                            + codes(errors),
                    exchange.retryAfter(),
                    errors);
        }
        return new CheckOutcome.Unknown(
                reference,
                causeOf(status),
                reference.registryHost() + " answered " + status + " for the manifest" + codes(errors),
                exchange.retryAfter(),
                errors);
    }

    private static CheckOutcome rejected(ImageReference reference, Exchange exchange) {
        List<RegistryError> errors = exchange.errors();
        if (exchange.credentialed() && exchange.basicScheme() && exchange.status() == 401) {
            return new CheckOutcome.AuthRejected(
                    reference,
                    CheckOutcome.Rejection.BAD_CREDENTIALS,
                    reference.registryHost() + " rejected the credentials of " + exchange.identity() + codes(errors),
                    errors);
        }
        String who = exchange.credentialed() ? exchange.identity() + " is" : "anonymous pull is";
        return new CheckOutcome.AuthRejected(
                reference,
                CheckOutcome.Rejection.DENIED,
                who + " not allowed to pull "
                        + reference.path() + " (or the repository does not exist)"
                        + (exchange.credentialed() ? "" : "; credentials are required") + codes(errors),
                errors);
    }

    private static String codes(List<RegistryError> errors) {
        return errors.isEmpty()
                ? ""
                : " ["
                        + String.join(
                                ", ", errors.stream().map(RegistryError::code).toList()) + "]";
    }
}

package checkimage.result;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of checking one input, with what a report needs around it: the input as given, the credential
 * source used (provenance, never the secret), how long the check took, and the registry host that answered
 * ({@code endpoint}: a mirror's host when a mirror served the image, else the reference's own registry; empty
 * when no request was made), and the repository asked for there ({@code endpointRepository}: differs from the
 * reference's own when a mirror with a path, such as {@code harbor.corp/dockerhub-proxy}, or a registries.conf
 * {@code location} rewrote it; empty when no request was made).
 */
public record CheckResult(String input, CheckOutcome outcome, String credentialSource, Duration elapsed, String endpoint,
                          String endpointRepository) {

    public CheckResult {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outcome, "outcome");
        credentialSource = credentialSource == null ? "" : credentialSource;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
        endpoint = endpoint == null ? "" : endpoint;
        endpointRepository = endpointRepository == null ? "" : endpointRepository;
    }

    /** A result whose endpoint was asked for the reference's own repository (or no request was made). */
    public CheckResult(String input, CheckOutcome outcome, String credentialSource, Duration elapsed, String endpoint) {
        this(input, outcome, credentialSource, elapsed, endpoint, "");
    }

    /** A result without a known endpoint. */
    public CheckResult(String input, CheckOutcome outcome, String credentialSource, Duration elapsed) {
        this(input, outcome, credentialSource, elapsed, "");
    }

    public CheckOutcome.Kind kind() {
        return outcome.kind();
    }

    public boolean isAccessible() {
        return outcome.isAccessible();
    }

    @Override
    public String toString() {
        return outcome.toString();
    }
}

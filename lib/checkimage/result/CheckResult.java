package checkimage.result;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking one input, with what a report needs around it: the input as given, the credential
 * source used (provenance, never the secret), how long the check took, and the registry host that answered
 * ({@code endpoint}: a mirror's host when a mirror served the image, else the reference's own registry; empty
 * when no request was made), the repository asked for there ({@code endpointRepository}: differs from the
 * reference's own when a mirror with a path, such as {@code harbor.corp/dockerhub-proxy}, or a registries.conf
 * {@code location} rewrote it; empty when no request was made), the HTTP proxy that carried the requests to it
 * ({@code proxy}, e.g. {@code http://proxy.corp:3128}, never with credentials; empty when direct), and what a
 * policy's image rules said ({@code findings}: a denial and warnings; empty without image rules).
 */
public record CheckResult(
        String input,
        CheckOutcome outcome,
        String credentialSource,
        Duration elapsed,
        String endpoint,
        String endpointRepository,
        String proxy,
        List<RuleFinding> findings) {

    public CheckResult {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outcome, "outcome");
        credentialSource = credentialSource == null ? "" : credentialSource;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
        endpoint = endpoint == null ? "" : endpoint;
        endpointRepository = endpointRepository == null ? "" : endpointRepository;
        proxy = proxy == null ? "" : proxy;
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** A result reached directly, with image-rule findings, asked for the reference's own repository. */
    public CheckResult(
            String input,
            CheckOutcome outcome,
            String credentialSource,
            Duration elapsed,
            String endpoint,
            List<RuleFinding> findings) {
        this(input, outcome, credentialSource, elapsed, endpoint, "", "", findings);
    }

    /** A result reached directly, without findings, asked for the reference's own repository (or no request made). */
    public CheckResult(String input, CheckOutcome outcome, String credentialSource, Duration elapsed, String endpoint) {
        this(input, outcome, credentialSource, elapsed, endpoint, "", "", List.of());
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

    /** The image-rule denial, if an image rule denied this image. */
    public Optional<RuleFinding> denial() {
        return findings.stream()
                .filter(f -> f.level() == RuleFinding.Level.DENY)
                .findFirst();
    }

    /** The same result with these findings. */
    public CheckResult withFindings(List<RuleFinding> found) {
        return new CheckResult(input, outcome, credentialSource, elapsed, endpoint, found);
    }

    @Override
    public String toString() {
        return outcome
                + denial().map(d -> "; " + d.message()).orElse("")
                + (findings.stream().anyMatch(f -> f.level() == RuleFinding.Level.WARN)
                        ? "; warnings: "
                                + findings.stream()
                                        .filter(f -> f.level() == RuleFinding.Level.WARN)
                                        .map(f -> f.rule() + ": " + f.message())
                                        .toList()
                        : "");
    }
}

package checkimage.result;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of checking one input, with what a report needs around it: the input as given, the credential
 * source used (provenance, never the secret) and how long the check took.
 */
public record CheckResult(String input, CheckOutcome outcome, String credentialSource, Duration elapsed) {

    public CheckResult {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outcome, "outcome");
        credentialSource = credentialSource == null ? "" : credentialSource;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
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

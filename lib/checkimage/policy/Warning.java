package checkimage.policy;

import java.util.Objects;

/**
 * A rule an image breaks without being denied for it: a rule under {@code warn}, a waived rule, an expired
 * waiver. Warnings never change the exit code unless {@code --fail-on-warning} is given.
 *
 * @param rule the rule as written, e.g. {@code requireLabel 'org.opencontainers.image.licenses'}
 * @param origin where it was written, e.g. {@code policy.groovy, line 4}
 * @param message what is wrong, e.g. {@code label 'org.opencontainers.image.licenses' is missing (data is missing)}
 */
public record Warning(String rule, String origin, String message) {

    public Warning {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return rule + " (" + origin + "): " + message;
    }
}

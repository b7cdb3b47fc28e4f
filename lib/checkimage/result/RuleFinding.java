package checkimage.result;

import java.util.Objects;

/**
 * What an image rule of a policy said about a checked image, carried by {@link CheckResult} so a report (and a
 * JShell session) sees it next to the outcome: a denial or a warning, with the rule and where it was written.
 *
 * @param level whether the rule denies the image or only warns
 * @param rule the rule as written, e.g. {@code maxAge '180d'}
 * @param origin where it was written, e.g. {@code policy.groovy, line 3}
 * @param message for a denial the whole verdict ({@code denied by maxAge '180d' (policy.groovy, line 3): created ...});
 *     for a warning what is wrong
 */
public record RuleFinding(Level level, String rule, String origin, String message) {

    /** Denies the image, or only warns. */
    public enum Level {
        DENY,
        WARN
    }

    public RuleFinding {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
    }
}

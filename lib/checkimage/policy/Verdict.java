package checkimage.policy;

import checkimage.reference.ImageReference;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy says about one reference before any registry is asked. This is a separate type from the
 * engine's {@code CheckOutcome}: "not allowed" is never "missing".
 *
 * @param reference the reference judged
 * @param kind allowed, or why not
 * @param rule the rule that decided, if one did; empty when no rule applies and when no allow rule matches
 * @param message one line naming the rule and where it was written, e.g.
 *     {@code denied by deny 'docker.io/library/alpine:3.1*' (policy.groovy, line 7)}
 * @param warnings rules the reference breaks without being denied: {@code warn} rules, waived rules, expired waivers
 */
public record Verdict(
        ImageReference reference, Kind kind, Optional<PolicyRule> rule, String message, List<Warning> warnings) {

    /**
     * The kinds of verdict, for exhaustive switch expressions. {@code DEPRECATED}: a {@code deprecated} registry;
     * {@code IMAGE_DENIED}: an image rule, decided on the image's config after the check.
     */
    public enum Kind {
        ALLOWED,
        BLOCKED,
        DENIED,
        NOT_ALLOWED,
        TAG_FORBIDDEN,
        DIGEST_REQUIRED,
        DEPRECATED,
        IMAGE_DENIED
    }

    public Verdict {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        warnings = List.copyOf(warnings);
    }

    /** A verdict without warnings. */
    public Verdict(ImageReference reference, Kind kind, Optional<PolicyRule> rule, String message) {
        this(reference, kind, rule, message, List.of());
    }

    /** True when the policy lets the reference be checked and pulled. */
    public boolean allowed() {
        return kind == Kind.ALLOWED;
    }

    @Override
    public String toString() {
        return reference + ": " + message;
    }
}

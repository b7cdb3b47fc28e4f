package checkimage.policy;

import checkimage.reference.ImageReference;

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
 */
public record Verdict(ImageReference reference, Kind kind, Optional<PolicyRule> rule, String message) {

    /** The kinds of verdict, for exhaustive switch expressions. */
    public enum Kind { ALLOWED, BLOCKED, DENIED, NOT_ALLOWED, TAG_FORBIDDEN, DIGEST_REQUIRED }

    public Verdict {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
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

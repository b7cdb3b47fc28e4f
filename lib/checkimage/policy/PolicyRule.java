package checkimage.policy;

/** A rule that can decide a {@link Verdict}, with where it was written. */
public sealed interface PolicyRule permits Rule, ForbiddenTag, DigestRequirement, Deprecation, ImageRule {

    /** The rule as written in the policy, e.g. {@code deny 'docker.io/library/alpine:3.1*'}. */
    String describe();

    /** Where the rule was written, e.g. {@code policy.groovy, line 7}. */
    String origin();
}

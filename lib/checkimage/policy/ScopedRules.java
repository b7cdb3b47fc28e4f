package checkimage.policy;

import checkimage.reference.ImageReference;
import java.util.List;
import java.util.Objects;

/**
 * Rules written in an {@code image} block, a {@code match(...)} block or a {@code warn} block: tag rules and
 * image rules that apply to the references the scope matches (all when the scope is empty), denying or warning.
 *
 * @param severity whether a broken rule denies or warns
 * @param scope the patterns of {@code match(...)}; empty applies to every reference
 * @param tags tag rules of this scope ({@link TagRules#none()} when none)
 * @param image image rules of this scope, in file order
 * @param origin where the block was written
 */
public record ScopedRules(
        Severity severity, List<ReferenceGlob> scope, TagRules tags, List<ImageRule> image, String origin) {

    /** What breaking a rule does. */
    public enum Severity {
        DENY,
        WARN
    }

    public ScopedRules {
        Objects.requireNonNull(severity, "severity");
        scope = List.copyOf(scope);
        Objects.requireNonNull(tags, "tags");
        image = List.copyOf(image);
        Objects.requireNonNull(origin, "origin");
    }

    /** True when these rules apply to {@code reference}. */
    public boolean appliesTo(ImageReference reference) {
        return scope.isEmpty() || scope.stream().anyMatch(glob -> glob.matches(reference));
    }
}

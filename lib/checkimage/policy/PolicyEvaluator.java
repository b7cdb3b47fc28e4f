package checkimage.policy;

import checkimage.reference.ImageReference;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides the rules that need no registry, in this order:
 * <ol>
 *   <li>a matching {@code block} rule: blocked;</li>
 *   <li>a matching {@code deny} rule: denied;</li>
 *   <li>once any {@code allow} rule exists, a reference no allow rule matches: not allowed;</li>
 *   <li>pulled by tag (no digest): a forbidden tag, then {@code requireDigest true}: denied;</li>
 *   <li>otherwise allowed, naming the allow rule that matched, if any.</li>
 * </ol>
 * Among rules of one kind, the first written decides. Platforms, {@code onUnknown}, limits and registry
 * settings are data for the command line and the engine, not decided here.
 */
public final class PolicyEvaluator {

    private final List<Rule> blocks;
    private final List<Rule> denies;
    private final List<Rule> allows;
    private final TagRules tags;

    public PolicyEvaluator(Policy policy) {
        this.blocks = policy.rules(Rule.Kind.BLOCK);
        this.denies = policy.rules(Rule.Kind.DENY);
        this.allows = policy.rules(Rule.Kind.ALLOW);
        this.tags = policy.tags();
    }

    /** The verdict for one reference; never throws for a valid reference. */
    public Verdict evaluate(ImageReference reference) {
        Optional<Rule> blocked = firstMatch(blocks, reference);
        if (blocked.isPresent()) {
            return decided(reference, Verdict.Kind.BLOCKED, "blocked by ", blocked.get());
        }
        Optional<Rule> denied = firstMatch(denies, reference);
        if (denied.isPresent()) {
            return decided(reference, Verdict.Kind.DENIED, "denied by ", denied.get());
        }
        Optional<Rule> allowed = firstMatch(allows, reference);
        if (!allows.isEmpty() && allowed.isEmpty()) {
            return new Verdict(reference, Verdict.Kind.NOT_ALLOWED, Optional.empty(),
                    "not allowed: no allow rule matches (allow rules: " + listed(allows) + ")");
        }
        if (reference.digest() == null) {
            Optional<ForbiddenTag> forbidden = tags.forbidden().stream().filter(f -> f.tag().matches(reference.tag())).findFirst();
            if (forbidden.isPresent()) {
                return decided(reference, Verdict.Kind.TAG_FORBIDDEN, "tag '" + reference.tag() + "' denied by ", forbidden.get());
            }
            if (tags.digestRequirement().isPresent()) {
                return decided(reference, Verdict.Kind.DIGEST_REQUIRED, "not pinned by digest: denied by ",
                        tags.digestRequirement().get());
            }
        }
        return allowed.map(rule -> decided(reference, Verdict.Kind.ALLOWED, "allowed by ", rule))
                .orElseGet(() -> new Verdict(reference, Verdict.Kind.ALLOWED, Optional.empty(), "allowed: no rule applies"));
    }

    private static Optional<Rule> firstMatch(List<Rule> rules, ImageReference reference) {
        return rules.stream().filter(rule -> rule.matches(reference)).findFirst();
    }

    private static Verdict decided(ImageReference reference, Verdict.Kind kind, String prefix, PolicyRule rule) {
        return new Verdict(reference, kind, Optional.of(rule), prefix + rule.describe() + " (" + rule.origin() + ")");
    }

    private static String listed(List<Rule> rules) {
        return rules.stream().map(rule -> "'" + rule.glob().text() + "' (" + rule.origin() + ")").collect(Collectors.joining(", "));
    }
}

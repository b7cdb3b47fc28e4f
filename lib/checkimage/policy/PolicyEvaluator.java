package checkimage.policy;

import checkimage.reference.ImageReference;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides the rules that need no registry, in this order:
 * <ol>
 *   <li>a matching {@code block} rule: blocked;</li>
 *   <li>a matching {@code deny} rule: denied;</li>
 *   <li>a {@code deprecated} registry: denied, with the replacement;</li>
 *   <li>once any {@code allow} rule exists, a reference no allow rule matches: not allowed;</li>
 *   <li>pulled by tag (no digest): a forbidden tag, then {@code requireDigest true}: denied; then the
 *       {@code tags} of {@code match} and {@code warn} blocks that apply, in file order;</li>
 *   <li>otherwise allowed, naming the allow rule that matched, if any.</li>
 * </ol>
 * Among rules of one kind, the first written decides. Steps 4 and 5 can be waived ({@link Waiver}, judged on
 * the clock's UTC date) and may warn ({@link Verdict#warnings()}). Platforms, {@code onUnknown}, limits and registry
 * settings are data for the command line and the engine, not decided here.
 */
public final class PolicyEvaluator {

    private final List<Rule> blocks;
    private final List<Rule> denies;
    private final List<Rule> allows;
    private final TagRules tags;
    private final Rulebook rulebook;
    private final Clock clock;

    public PolicyEvaluator(Policy policy) {
        this(policy, Clock.systemUTC());
    }

    /** An evaluator that judges waivers by {@code clock}'s date in UTC. */
    public PolicyEvaluator(Policy policy, Clock clock) {
        this.blocks = policy.rules(Rule.Kind.BLOCK);
        this.denies = policy.rules(Rule.Kind.DENY);
        this.allows = policy.rules(Rule.Kind.ALLOW);
        this.tags = policy.tags();
        this.rulebook = policy.rulebook();
        this.clock = clock;
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
        Findings findings =
                new Findings(reference, rulebook.waivers(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        rulebook.deprecations().stream()
                .filter(d -> d.matches(reference))
                .findFirst()
                .ifPresent(d -> findings.add(
                        ScopedRules.Severity.DENY,
                        Verdict.Kind.DEPRECATED,
                        d,
                        d.hint(),
                        "denied by " + d.describe() + " (" + d.origin() + "): " + d.hint()));
        Optional<Rule> allowed = firstMatch(allows, reference);
        if (!allows.isEmpty() && allowed.isEmpty()) {
            return findings.resolve(new Verdict(
                    reference,
                    Verdict.Kind.NOT_ALLOWED,
                    Optional.empty(),
                    "not allowed: no allow rule matches (allow rules: " + listed(allows) + ")"));
        }
        if (reference.digest() == null) {
            judgeTags(reference, tags, ScopedRules.Severity.DENY, findings);
            for (ScopedRules scoped : rulebook.scoped()) {
                if (scoped.appliesTo(reference)) {
                    judgeTags(reference, scoped.tags(), scoped.severity(), findings);
                }
            }
        }
        Verdict allowedVerdict = allowed.map(rule -> decided(reference, Verdict.Kind.ALLOWED, "allowed by ", rule))
                .orElseGet(() ->
                        new Verdict(reference, Verdict.Kind.ALLOWED, Optional.empty(), "allowed: no rule applies"));
        return findings.resolve(allowedVerdict);
    }

    private static void judgeTags(
            ImageReference reference, TagRules tags, ScopedRules.Severity severity, Findings findings) {
        Optional<ForbiddenTag> forbidden = tags.forbidden().stream()
                .filter(f -> f.tag().matches(reference.tag()))
                .findFirst();
        if (forbidden.isPresent()) {
            findings.add(
                    severity,
                    Verdict.Kind.TAG_FORBIDDEN,
                    forbidden.get(),
                    "tag '" + reference.tag() + "' is forbidden",
                    decided(
                                    reference,
                                    Verdict.Kind.TAG_FORBIDDEN,
                                    "tag '" + reference.tag() + "' denied by ",
                                    forbidden.get())
                            .message());
        }
        tags.digestRequirement()
                .ifPresent(required -> findings.add(
                        severity,
                        Verdict.Kind.DIGEST_REQUIRED,
                        required,
                        "not pinned by digest",
                        decided(reference, Verdict.Kind.DIGEST_REQUIRED, "not pinned by digest: denied by ", required)
                                .message()));
    }

    private static Optional<Rule> firstMatch(List<Rule> rules, ImageReference reference) {
        return rules.stream().filter(rule -> rule.matches(reference)).findFirst();
    }

    private static Verdict decided(ImageReference reference, Verdict.Kind kind, String prefix, PolicyRule rule) {
        return new Verdict(reference, kind, Optional.of(rule), prefix + rule.describe() + " (" + rule.origin() + ")");
    }

    private static String listed(List<Rule> rules) {
        return rules.stream()
                .map(rule -> "'" + rule.glob().text() + "' (" + rule.origin() + ")")
                .collect(Collectors.joining(", "));
    }
}

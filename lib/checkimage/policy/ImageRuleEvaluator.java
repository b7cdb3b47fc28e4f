package checkimage.policy;

import checkimage.reference.ImageReference;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides the image rules of a policy on what an image's config and manifest say, after the reference rules
 * allowed it and the check found it. Pure: the facts come from the engine, the time from the clock.
 *
 * <p>For an image of several platforms, each rule is judged on each platform's facts (as fetched: the
 * required platforms, else linux/amd64) and the first platform that breaks it is named. In file order, the first
 * broken denying rule that no active waiver covers decides ({@link Verdict.Kind#IMAGE_DENIED}); broken
 * {@code warn} rules and waived rules are warnings.
 */
public final class ImageRuleEvaluator {

    private final Rulebook rulebook;
    private final Clock clock;

    public ImageRuleEvaluator(Policy policy, Clock clock) {
        this.rulebook = Objects.requireNonNull(policy, "policy").rulebook();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The image rules that apply to {@code reference}; when empty, {@link #judge} needs no facts and the config is never read. */
    public List<ImageRule> rulesFor(ImageReference reference) {
        return rulebook.imageRulesFor(reference);
    }

    /** The verdict of the image rules on {@code facts} (one entry per platform fetched). */
    public Verdict judge(ImageReference reference, List<ImageFacts> facts) {
        Instant now = clock.instant();
        Findings findings = new Findings(reference, rulebook.waivers(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        for (ScopedRules scoped : rulebook.scoped()) {
            if (!scoped.appliesTo(reference)) {
                continue;
            }
            for (ImageRule rule : scoped.image()) {
                violation(rule, facts, now)
                        .ifPresent(detail -> findings.add(
                                scoped.severity(),
                                Verdict.Kind.IMAGE_DENIED,
                                rule,
                                detail,
                                "denied by " + rule.describe() + " (" + rule.origin() + "): " + detail));
            }
        }
        return findings.resolve(
                new Verdict(reference, Verdict.Kind.ALLOWED, Optional.empty(), "allowed: the image rules hold"));
    }

    private static Optional<String> violation(ImageRule rule, List<ImageFacts> facts, Instant now) {
        for (ImageFacts platform : facts) {
            Optional<String> broken = rule.violation(platform, now);
            if (broken.isPresent()) {
                return facts.size() > 1 ? Optional.of(platform.platform() + ": " + broken.get()) : broken;
            }
        }
        return Optional.empty();
    }
}

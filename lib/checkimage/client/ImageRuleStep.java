package checkimage.client;

import checkimage.policy.ImageFacts;
import checkimage.policy.ImageRule;
import checkimage.policy.ImageRuleEvaluator;
import checkimage.policy.Policy;
import checkimage.policy.PolicyEvaluator;
import checkimage.policy.Verdict;
import checkimage.reference.ImageReference;
import checkimage.reference.Platform;
import checkimage.result.CheckOutcome;
import checkimage.result.CheckResult;
import checkimage.result.RuleFinding;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policy's part in a checker built with one: before any request, a reference its reference rules refuse is
 * not checked; after the handshake found the image, the image rules that apply are judged on its manifest and
 * config ({@link ConfigFetcher}, {@link ImageRuleEvaluator}). Without an applying image rule, no request.
 */
final class ImageRuleStep {

    /** An outcome with what the image rules found. */
    record Judged(CheckOutcome outcome, List<RuleFinding> findings) {}

    private final PolicyEvaluator references;
    private final ImageRuleEvaluator images;
    private final ConfigFetcher configs;
    private final List<Platform> platforms;

    ImageRuleStep(Policy policy, ManifestProber prober, Clock clock, List<Platform> platforms) {
        this.references = new PolicyEvaluator(policy, clock);
        this.images = new ImageRuleEvaluator(policy, clock);
        this.configs = new ConfigFetcher(prober);
        this.platforms = List.copyOf(platforms);
    }

    /** A not-checked result with the denial when the reference rules refuse {@code reference}; no request is made. */
    Optional<CheckResult> refused(ImageReference reference, String input) {
        Verdict verdict = references.evaluate(reference);
        return verdict.allowed()
                ? Optional.empty()
                : Optional.of(new CheckResult(
                        input,
                        new CheckOutcome.NotChecked(reference),
                        "",
                        Duration.ZERO,
                        "",
                        List.of(denial(verdict))));
    }

    /**
     * The image rules that apply to {@code judged} (the reference as given), on the image found at {@code reference}
     * (itself or a mirror); an image that cannot be read for them is unknown, naming the rules.
     */
    Judged judge(
            ImageReference reference,
            ImageReference judged,
            CheckOutcome.Accessible found,
            RegistrySession session,
            Authorization auth,
            Deadline deadline) {
        List<ImageRule> rules = images.rulesFor(judged);
        if (rules.isEmpty()) {
            return new Judged(found, List.of());
        }
        List<ImageFacts> facts;
        try {
            facts = configs.facts(reference, found.digest(), platforms, session, auth, deadline);
        } catch (CheckAbort abort) {
            CheckOutcome failed = abort.toOutcome(reference);
            String unread = "image rules not evaluated ("
                    + String.join(
                            ", ",
                            rules.stream()
                                    .map(r -> r.describe() + " at " + r.origin())
                                    .toList()) + "): ";
            return new Judged(
                    failed instanceof CheckOutcome.Unknown u
                            ? new CheckOutcome.Unknown(
                                    u.reference(), u.cause(), unread + u.reason(), u.retryAfter(), u.errors())
                            : failed,
                    List.of());
        }
        Verdict verdict = images.judge(judged, facts);
        List<RuleFinding> findings = new ArrayList<>();
        if (!verdict.allowed()) {
            findings.add(denial(verdict));
        }
        verdict.warnings()
                .forEach(w -> findings.add(new RuleFinding(RuleFinding.Level.WARN, w.rule(), w.origin(), w.message())));
        return new Judged(found, findings);
    }

    private static RuleFinding denial(Verdict verdict) {
        return new RuleFinding(
                RuleFinding.Level.DENY,
                verdict.rule().map(r -> r.describe()).orElse(""),
                verdict.rule().map(r -> r.origin()).orElse(""),
                verdict.message());
    }
}

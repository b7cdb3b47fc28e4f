package checkimage.policy;

import checkimage.reference.ImageReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the rules one reference breaks, denying or warning, in evaluation order, and resolves them with the
 * waivers: the first denying finding that no active waiver covers decides; warnings, waived findings and expired
 * waivers become {@link Warning}s.
 */
final class Findings {

    private final ImageReference reference;
    private final List<Waiver> waivers;
    private final LocalDate today;
    private final List<Warning> warnings = new ArrayList<>();
    private Verdict decided;

    Findings(ImageReference reference, List<Waiver> waivers, LocalDate today) {
        this.reference = reference;
        this.waivers = waivers;
        this.today = today;
    }

    /**
     * A broken rule.
     *
     * @param detail what is wrong, for warnings, e.g. {@code tag 'latest' is forbidden}
     * @param denial the verdict message when it denies, e.g. {@code tag 'latest' denied by forbid 'latest' (policy.groovy, line 3)}
     */
    void add(ScopedRules.Severity severity, Verdict.Kind kind, PolicyRule rule, String detail, String denial) {
        if (severity == ScopedRules.Severity.WARN) {
            warnings.add(new Warning(rule.describe(), rule.origin(), detail));
            return;
        }
        if (decided != null) {
            return;
        }
        Optional<Waiver> waiver =
                waivers.stream().filter(w -> w.matches(reference)).findFirst();
        if (waiver.isPresent() && waiver.get().activeOn(today)) {
            Waiver w = waiver.get();
            warnings.add(new Warning(
                    rule.describe(),
                    rule.origin(),
                    detail + " (waived until " + w.until() + ", " + w.reason() + ", by " + w.describe() + " at "
                            + w.origin() + ")"));
            return;
        }
        waiver.ifPresent(w -> warnings.add(new Warning(
                w.describe(),
                w.origin(),
                "waiver expired on " + w.until() + " (" + w.reason() + "); " + rule.describe() + " denies again")));
        decided = new Verdict(reference, kind, Optional.of(rule), denial);
    }

    /** The deciding denial, else {@code otherwise} (allowed or not allowed), with every warning. */
    Verdict resolve(Verdict otherwise) {
        Verdict base = decided != null ? decided : otherwise;
        List<Warning> all = new ArrayList<>(otherwise.warnings());
        all.addAll(warnings);
        return new Verdict(base.reference(), base.kind(), base.rule(), base.message(), all);
    }
}

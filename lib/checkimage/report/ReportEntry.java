package checkimage.report;

import checkimage.policy.ImageRule;
import checkimage.policy.Verdict;
import checkimage.policy.Warning;
import checkimage.result.CheckResult;
import checkimage.result.RuleFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a report: a result, where its input came from ({@code argument}, {@code list.txt:3},
 * {@code job.yaml:7 task role worker (…)}), when a policy was applied, its verdict, where in a file the image is
 * named (empty for IMAGE arguments), and the image rules that applied but were not judged ({@code --offline}). A
 * reference the policy does not allow is never checked: its result is {@code NotChecked} and its status "denied by
 * policy". An image an image rule denies ({@link CheckResult#denial()}) is "denied by policy" too.
 */
public record ReportEntry(
        CheckResult result,
        String origin,
        Optional<Verdict> verdict,
        Optional<SourcePlace> place,
        List<ImageRule> unevaluated) {

    public ReportEntry {
        Objects.requireNonNull(result, "result");
        origin = origin == null ? "" : origin;
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(place, "place");
        unevaluated = List.copyOf(unevaluated);
    }

    /** A row whose input was not named in a file (an IMAGE argument). */
    public ReportEntry(CheckResult result, String origin, Optional<Verdict> verdict) {
        this(result, origin, verdict, Optional.empty(), List.of());
    }

    /** A row with where its image is named, every applicable image rule judged. */
    public ReportEntry(CheckResult result, String origin, Optional<Verdict> verdict, Optional<SourcePlace> place) {
        this(result, origin, verdict, place, List.of());
    }

    /** A row of an IMAGE argument with image rules that were not judged. */
    public ReportEntry(CheckResult result, String origin, Optional<Verdict> verdict, List<ImageRule> unevaluated) {
        this(result, origin, verdict, Optional.empty(), unevaluated);
    }

    public ReportEntry(CheckResult result, String origin) {
        this(result, origin, Optional.empty());
    }

    /** True when a policy decided this reference may not be used, by a reference rule or an image rule. */
    public boolean deniedByPolicy() {
        return verdict.isPresent() && !verdict.get().allowed()
                || result.denial().isPresent();
    }

    /** Why the policy denied it: the verdict's message or the image rule's. */
    public String denialMessage() {
        return verdict.filter(v -> !v.allowed())
                .map(Verdict::message)
                .orElseGet(() -> result.denial().map(RuleFinding::message).orElse(""));
    }

    /** The warnings of the reference rules, then those of the image rules. */
    public List<Warning> warnings() {
        List<Warning> all = new ArrayList<>(verdict.map(Verdict::warnings).orElse(List.of()));
        result.findings().stream()
                .filter(f -> f.level() == RuleFinding.Level.WARN)
                .forEach(f -> all.add(new Warning(f.rule(), f.origin(), f.message())));
        return all;
    }

    /** The status word of this row: a place deliberately not checked (built locally) is not checked. */
    public Status status() {
        if (deniedByPolicy()) {
            return Status.DENIED_BY_POLICY;
        }
        return place.flatMap(SourcePlace::notChecked).isPresent() ? Status.NOT_CHECKED : Status.of(result.outcome());
    }

    /** The one-line reason of this row, never a secret once redacted. */
    public String reason() {
        if (deniedByPolicy()) {
            return denialMessage();
        }
        return place.flatMap(SourcePlace::notChecked).orElse(result.outcome().reason());
    }
}

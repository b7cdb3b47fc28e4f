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
 * {@code job.yaml task role worker (…)}) and, when a policy was applied, its verdict. A reference the policy
 * does not allow is never checked: its result is {@code NotChecked} and its status "denied by policy". An image an
 * image rule denies ({@link CheckResult#denial()}) is "denied by policy" too. {@code unevaluated} lists the image
 * rules that applied but were not judged ({@code --offline}).
 */
public record ReportEntry(CheckResult result, String origin, Optional<Verdict> verdict, List<ImageRule> unevaluated) {

    public ReportEntry {
        Objects.requireNonNull(result, "result");
        origin = origin == null ? "" : origin;
        Objects.requireNonNull(verdict, "verdict");
        unevaluated = List.copyOf(unevaluated);
    }

    public ReportEntry(CheckResult result, String origin, Optional<Verdict> verdict) {
        this(result, origin, verdict, List.of());
    }

    public ReportEntry(CheckResult result, String origin) {
        this(result, origin, Optional.empty());
    }

    /** True when a policy decided this reference may not be used, by a reference rule or an image rule. */
    public boolean deniedByPolicy() {
        return verdict.isPresent() && !verdict.get().allowed() || result.denial().isPresent();
    }

    /** Why the policy denied it: the verdict's message or the image rule's. */
    public String denialMessage() {
        return verdict.filter(v -> !v.allowed()).map(Verdict::message)
                .orElseGet(() -> result.denial().map(RuleFinding::message).orElse(""));
    }

    /** The warnings of the reference rules, then those of the image rules. */
    public List<Warning> warnings() {
        List<Warning> all = new ArrayList<>(verdict.map(Verdict::warnings).orElse(List.of()));
        result.findings().stream().filter(f -> f.level() == RuleFinding.Level.WARN)
                .forEach(f -> all.add(new Warning(f.rule(), f.origin(), f.message())));
        return all;
    }

    /** The status word of this row. */
    public Status status() {
        return deniedByPolicy() ? Status.DENIED_BY_POLICY : Status.of(result.outcome());
    }
}

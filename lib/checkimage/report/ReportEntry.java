package checkimage.report;

import checkimage.policy.Verdict;
import checkimage.result.CheckResult;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of a report: a result, where its input came from ({@code argument}, {@code list.txt:3},
 * {@code job.yaml task role worker (…)}) and, when a policy was applied, its verdict. A reference the policy
 * does not allow is never checked: its result is {@code NotChecked} and its status "denied by policy".
 */
public record ReportEntry(CheckResult result, String origin, Optional<Verdict> verdict) {

    public ReportEntry {
        Objects.requireNonNull(result, "result");
        origin = origin == null ? "" : origin;
        Objects.requireNonNull(verdict, "verdict");
    }

    public ReportEntry(CheckResult result, String origin) {
        this(result, origin, Optional.empty());
    }

    /** True when a policy decided this reference may not be used. */
    public boolean deniedByPolicy() {
        return verdict.isPresent() && !verdict.get().allowed();
    }

    /** The status word of this row. */
    public Status status() {
        return deniedByPolicy() ? Status.DENIED_BY_POLICY : Status.of(result.outcome());
    }
}

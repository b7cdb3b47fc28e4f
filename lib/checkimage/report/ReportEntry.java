package checkimage.report;

import checkimage.policy.Verdict;
import checkimage.result.CheckResult;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of a report: a result, where its input came from ({@code argument}, {@code list.txt:3},
 * {@code job.yaml:7 task role worker (…)}), when a policy was applied, its verdict, and where in a file the
 * image is named (empty for IMAGE arguments). A reference the policy
 * does not allow is never checked: its result is {@code NotChecked} and its status "denied by policy".
 */
public record ReportEntry(CheckResult result, String origin, Optional<Verdict> verdict, Optional<SourcePlace> place) {

    public ReportEntry {
        Objects.requireNonNull(result, "result");
        origin = origin == null ? "" : origin;
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(place, "place");
    }

    /** A row whose input was not named in a file (an IMAGE argument). */
    public ReportEntry(CheckResult result, String origin, Optional<Verdict> verdict) {
        this(result, origin, verdict, Optional.empty());
    }

    public ReportEntry(CheckResult result, String origin) {
        this(result, origin, Optional.empty());
    }

    /** True when a policy decided this reference may not be used. */
    public boolean deniedByPolicy() {
        return verdict.isPresent() && !verdict.get().allowed();
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
            return verdict.orElseThrow().message();
        }
        return place.flatMap(SourcePlace::notChecked).orElse(result.outcome().reason());
    }
}

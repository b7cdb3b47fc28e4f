package checkimage.report;

import checkimage.result.CheckResult;

import java.util.Objects;

/** One row of a report: a result and where its input came from ({@code argument}, {@code list.txt:3}, {@code job.yaml role worker}). */
public record ReportEntry(CheckResult result, String origin) {

    public ReportEntry {
        Objects.requireNonNull(result, "result");
        origin = origin == null ? "" : origin;
    }
}

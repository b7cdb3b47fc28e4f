package checkimage.report;

import checkimage.result.RegistryUsage;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report of any format is made of: the rows, request counts, the exit code and why, when the run
 * ended, and how files are named.
 *
 * @param entries the rows in input order
 * @param requests request counts by kind, for JSON
 * @param exitCode the exit code of the run
 * @param failOnUnknown whether unknown results fail the run (JUnit errors, GitHub errors)
 * @param finished when the checks ended (JUnit timestamps)
 * @param paths how file names are shown in SARIF and GitHub reports
 * @param registries per registry host: requests sent and its rate limit, for JSON {@code registries[]}
 */
public record ReportData(
        List<ReportEntry> entries,
        Map<String, Integer> requests,
        int exitCode,
        boolean failOnUnknown,
        Instant finished,
        ReportPaths paths,
        List<RegistryUsage> registries) {

    public ReportData {
        entries = List.copyOf(entries);
        requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(paths, "paths");
        registries = List.copyOf(registries);
    }

    /** A report without per-registry usage. */
    public ReportData(
            List<ReportEntry> entries,
            Map<String, Integer> requests,
            int exitCode,
            boolean failOnUnknown,
            Instant finished,
            ReportPaths paths) {
        this(entries, requests, exitCode, failOnUnknown, finished, paths, List.of());
    }

    /** How bad a row is in a CI report: a definite failure, an error (unknown that fails the run), a warning, fine, or skipped. */
    public Severity severity(ReportEntry entry) {
        return switch (entry.status()) {
            case MISSING, AUTH_REJECTED, INVALID_REFERENCE, DENIED_BY_POLICY -> Severity.FAILURE;
            case UNKNOWN -> failOnUnknown ? Severity.ERROR : Severity.WARNING;
            case ACCESSIBLE -> Severity.PASSED;
            case NOT_CHECKED -> Severity.SKIPPED;
        };
    }

    /** The severities of {@link #severity}. */
    public enum Severity {
        FAILURE,
        ERROR,
        WARNING,
        PASSED,
        SKIPPED
    }
}

package checkimage.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The formats a report is written in: on stdout ({@code --output}) or to files ({@code --report FORMAT=PATH}). */
public enum ReportFormat {
    /** The table operators read. */
    TEXT,
    /** The JSON document, schema version 1. */
    JSON,
    /** JUnit XML as Apache Ant writes it: one testsuite per file, one testcase per image place. */
    JUNIT,
    /** SARIF 2.1.0: one rule per outcome kind and per policy rule, results at file:line:column. */
    SARIF,
    /** GitHub Actions workflow commands ({@code ::error file=…,line=…::…}) after the table. */
    GITHUB;

    /** The lower-case word used on the command line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code word} (any case), or empty. */
    public static Optional<ReportFormat> of(String word) {
        return Arrays.stream(values())
                .filter(f -> f.word().equalsIgnoreCase(word.trim()))
                .findFirst();
    }

    /** {@code text, json, junit, sarif, github}, for messages. */
    public static String words() {
        return Arrays.stream(values()).map(ReportFormat::word).collect(Collectors.joining(", "));
    }
}

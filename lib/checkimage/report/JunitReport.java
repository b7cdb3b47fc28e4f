package checkimage.report;

import checkimage.reference.ImageReference;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML as the Apache Ant JUnit task writes it (the de facto format CI servers read; valid against
 * {@code JUnit.xsd} of the JUnit-Schema project): one {@code testsuite} per input file (IMAGE arguments and
 * other unplaced inputs per origin), one {@code testcase} per image place. Missing, auth rejected, invalid and
 * denied images are {@code failure}s, unknown ones {@code error}s when they fail the run (else passing cases with
 * the reason on {@code system-out}), images not checked are {@code skipped}. Every string is redacted and escaped.
 */
public final class JunitReport {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private JunitReport() {}

    /** The whole document. */
    public static String render(ReportData data) {
        Map<String, List<ReportEntry>> suites = new LinkedHashMap<>();
        for (ReportEntry entry : data.entries()) {
            String suite =
                    entry.place().map(SourcePlace::file).orElse(entry.origin().isEmpty() ? "argument" : entry.origin());
            suites.computeIfAbsent(suite, s -> new ArrayList<>()).add(entry);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        int id = 0;
        for (Map.Entry<String, List<ReportEntry>> suite : suites.entrySet()) {
            suite(xml, id++, Redactor.redact(suite.getKey()), suite.getValue(), data);
        }
        return xml.append("</testsuites>\n").toString();
    }

    private static void suite(StringBuilder xml, int id, String name, List<ReportEntry> entries, ReportData data) {
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        long millis = 0;
        for (ReportEntry entry : entries) {
            switch (data.severity(entry)) {
                case FAILURE -> failures++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
                case WARNING, PASSED -> {}
            }
            millis += entry.result().elapsed().toMillis();
        }
        xml.append("  <testsuite name=\"")
                .append(XmlText.attribute(name))
                .append("\" package=\"check-image\" id=\"")
                .append(id)
                .append("\" timestamp=\"")
                .append(TIMESTAMP.format(data.finished().truncatedTo(ChronoUnit.SECONDS)))
                .append("\" hostname=\"localhost\" tests=\"")
                .append(entries.size())
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"")
                .append(errors)
                .append("\" skipped=\"")
                .append(skipped)
                .append("\" time=\"")
                .append(seconds(millis))
                .append("\">\n    <properties/>\n");
        for (ReportEntry entry : entries) {
            testcase(xml, name, entry, data);
        }
        xml.append("    <system-out/>\n    <system-err/>\n  </testsuite>\n");
    }

    private static void testcase(StringBuilder xml, String suite, ReportEntry entry, ReportData data) {
        xml.append("    <testcase name=\"")
                .append(XmlText.attribute(caseName(entry)))
                .append("\" classname=\"")
                .append(XmlText.attribute(suite))
                .append("\" time=\"")
                .append(seconds(entry.result().elapsed().toMillis()))
                .append('"');
        String reason = Redactor.redact(entry.reason());
        String status = entry.status().word();
        switch (data.severity(entry)) {
            case FAILURE ->
                xml.append(">\n      <failure message=\"")
                        .append(XmlText.attribute(reason))
                        .append("\" type=\"")
                        .append(status)
                        .append("\">")
                        .append(XmlText.content(details(entry)))
                        .append("</failure>\n    </testcase>\n");
            case ERROR ->
                xml.append(">\n      <error message=\"")
                        .append(XmlText.attribute(reason))
                        .append("\" type=\"")
                        .append(status)
                        .append("\">")
                        .append(XmlText.content(details(entry)))
                        .append("</error>\n    </testcase>\n");
            case SKIPPED ->
                xml.append(">\n      <skipped message=\"")
                        .append(XmlText.attribute(reason))
                        .append("\"/>\n    </testcase>\n");
            case WARNING, PASSED -> xml.append("/>\n");
        }
    }

    /** {@code 12:14 nginx:1.27 (Deployment shop/web, container web)}; an argument is its reference. */
    static String caseName(ReportEntry entry) {
        ImageReference reference = JsonReport.referenceOf(entry.result().outcome());
        String image = reference != null ? reference.familiar() : entry.result().input();
        String name = entry.place()
                .map(p -> p.line() + ":" + p.column() + " " + image
                        + (p.context().isEmpty() ? "" : " (" + p.context() + ")"))
                .orElse(image);
        return Redactor.redact(name.isBlank() ? "\"" + name + "\"" : name);
    }

    private static String details(ReportEntry entry) {
        StringBuilder text = new StringBuilder();
        text.append("input: ").append(entry.result().input()).append('\n');
        text.append("status: ").append(entry.status().word()).append('\n');
        text.append("reason: ").append(entry.reason()).append('\n');
        if (!entry.origin().isEmpty()) {
            text.append("origin: ").append(entry.origin()).append('\n');
        }
        entry.place()
                .ifPresent(p -> text.append("at: ")
                        .append(p.file())
                        .append(':')
                        .append(p.line())
                        .append(':')
                        .append(p.column())
                        .append('\n'));
        return Redactor.redact(text.toString());
    }

    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).toPlainString();
    }
}

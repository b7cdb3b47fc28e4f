package checkimage.report;

import checkimage.policy.Warning;
import checkimage.reference.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the lines of the files:
 * {@code ::error file=k8s/web.yaml,line=12,col=16,title=missing::nginx:9.9: manifest unknown …} for definite
 * failures (and unknown results that fail the run), {@code ::warning} for unknown ones. Data is escaped as the
 * runner expects ({@code %}, CR, LF), properties also {@code :} and {@code ,}; every string is redacted.
 * {@link #summary} is the Markdown table for {@code $GITHUB_STEP_SUMMARY}.
 */
public final class GithubReport {

    private GithubReport() {}

    /** One command line per finding, each ending in a newline; nothing for accessible and unchecked images. */
    public static String commands(ReportData data) {
        StringBuilder out = new StringBuilder();
        for (ReportEntry entry : data.entries()) {
            String command = switch (data.severity(entry)) {
                case FAILURE, ERROR -> "error";
                case WARNING -> "warning";
                case PASSED, SKIPPED -> null;
            };
            if (command != null) {
                String title = "check-image: " + entry.status().word().replace('_', ' ');
                out.append(command(command, data, entry, title, image(entry) + ": " + entry.reason()));
            }
            for (Warning warning : entry.warnings()) {
                out.append(command(
                        "warning",
                        data,
                        entry,
                        "check-image: policy warning",
                        image(entry) + ": " + warning.message()));
            }
        }
        return out.toString();
    }

    /** One workflow command at the entry's place, with GitHub's escaping of properties and data. */
    private static String command(String command, ReportData data, ReportEntry entry, String title, String message) {
        List<String> properties = new ArrayList<>();
        entry.place().filter(p -> !p.file().equals("-")).ifPresent(p -> {
            properties.add("file=" + property(data.paths().relative(p.file())));
            properties.add("line=" + p.line());
            properties.add("col=" + p.column());
        });
        properties.add("title=" + property(title));
        return "::" + command + " " + String.join(",", properties) + "::" + data(message) + "\n";
    }

    /**
     * {@code text} between {@code ::stop-commands::TOKEN} and {@code ::TOKEN::} with a random token, so the runner
     * takes nothing in it for a command, whatever the references, files and registry messages hold.
     */
    public static String quoted(String text) {
        String token = UUID.randomUUID().toString();
        return "::stop-commands::" + token + "\n" + text + (text.endsWith("\n") ? "" : "\n") + "::" + token + "::\n";
    }

    /** A Markdown section: the summary line and a table of the images that are not accessible. */
    public static String summary(ReportData data) {
        StringBuilder md = new StringBuilder("### check-image\n\n")
                .append(Summary.of(data.entries()))
                .append("\n\n");
        List<ReportEntry> findings = data.entries().stream()
                .filter(e -> e.status() != Status.ACCESSIBLE && e.status() != Status.NOT_CHECKED)
                .toList();
        if (findings.isEmpty()) {
            return md.toString();
        }
        md.append("| image | result | where | reason |\n|---|---|---|---|\n");
        for (ReportEntry entry : findings) {
            String where = entry.place()
                    .map(p -> data.paths().relative(p.file()) + ":" + p.line())
                    .orElse(entry.origin());
            md.append("| ")
                    .append(cell(image(entry)))
                    .append(" | ")
                    .append(cell(entry.status().word().replace('_', ' ')))
                    .append(" | ")
                    .append(cell(where))
                    .append(" | ")
                    .append(cell(entry.reason()))
                    .append(" |\n");
        }
        return md.append('\n').toString();
    }

    /** Escapes a command's message: {@code %}, CR and LF. */
    static String data(String text) {
        return Redactor.redact(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command's property value: as {@link #data}, and {@code :} and {@code ,}. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }

    /** A Markdown table cell: no line breaks, pipes escaped, HTML inert. */
    static String cell(String text) {
        String flat = Redactor.redact(text).replaceAll("[\\r\\n]+", " ");
        return flat.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("|", "\\|")
                .replace("`", "\\`");
    }

    private static String image(ReportEntry entry) {
        ImageReference reference = JsonReport.referenceOf(entry.result().outcome());
        return reference != null ? reference.familiar() : entry.result().input();
    }
}

package checkimage.report;

/**
 * Renders a report in any {@link ReportFormat}; the one place that maps a format to its writer.
 *
 * @param colour whether the text table may use colour (a terminal on stdout; never in a file)
 * @param showSource whether the text table names each result's credential source ({@code -v})
 */
public record ReportRenderer(boolean colour, boolean showSource) {

    /** The report, ending in a newline. */
    public String render(ReportFormat format, ReportData data) {
        return switch (format) {
            case TEXT -> TextReport.render(data.entries(), colour, showSource);
            case JSON -> JsonReport.render(data.entries(), data.requests(), data.registries(), data.exitCode()) + "\n";
            case JUNIT -> JunitReport.render(data);
            case SARIF -> SarifReport.render(data) + "\n";
            case GITHUB ->
                GithubReport.quoted(TextReport.render(data.entries(), false, showSource)) + GithubReport.commands(data);
        };
    }
}

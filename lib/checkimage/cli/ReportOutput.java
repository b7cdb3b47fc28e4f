package checkimage.cli;

import checkimage.report.GithubReport;
import checkimage.report.Redactor;
import checkimage.report.ReportData;
import checkimage.report.ReportFormat;
import checkimage.report.ReportPaths;
import checkimage.report.ReportRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where reports go: the {@code --output} format on stdout, each {@code --report FORMAT=PATH} to its file
 * (written whole, through a temporary file and a rename), and, when a GitHub report is written and
 * {@code $GITHUB_STEP_SUMMARY} is set, a Markdown summary appended to that file. The targets are parsed before
 * anything is checked, so a bad {@code --report} costs no request.
 */
final class ReportOutput {

    /** One {@code --report FORMAT=PATH}. */
    record Target(ReportFormat format, Path path) {}

    private final CheckImageCommand command;
    private final Terminal terminal;
    private final List<Target> targets;
    private final ReportPaths paths;

    ReportOutput(CheckImageCommand command, Terminal terminal) {
        this.command = command;
        this.terminal = terminal;
        this.targets = parse(command.reports);
        Path here = Path.of("");
        this.paths = new ReportPaths(here, command.reportRoot == null ? here : command.reportRoot);
    }

    /** The {@code --report} values as targets; a malformed one is a usage error naming it. */
    static List<Target> parse(List<String> values) {
        List<Target> targets = new ArrayList<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            Optional<ReportFormat> format = equals < 0 ? Optional.empty() : ReportFormat.of(value.substring(0, equals));
            if (equals < 0 || equals == value.length() - 1) {
                throw new UsageException("--report '" + value + "': expected FORMAT=PATH, e.g. junit=check-image.xml");
            }
            if (format.isEmpty()) {
                throw new UsageException("--report '" + value + "': unknown format '" + value.substring(0, equals)
                        + "'; expected one of: " + ReportFormat.words());
            }
            targets.add(new Target(format.get(), Path.of(value.substring(equals + 1))));
        }
        return targets;
    }

    ReportPaths paths() {
        return paths;
    }

    /** Prints the stdout report (unless quiet, or {@code printStdout} is false: {@code --pin --dry-run} prints a diff), writes the report files and the step summary; false when a file could not be written. */
    boolean emit(ReportData data, ReportFormat stdout, boolean colour, boolean printStdout) {
        if (!command.quiet && printStdout) {
            terminal.out().print(new ReportRenderer(colour, command.verbose).render(stdout, data));
            terminal.out().flush();
        }
        boolean written = true;
        ReportRenderer files = new ReportRenderer(false, command.verbose);
        for (Target target : targets) {
            written &= write(target.path(), files.render(target.format(), data), false);
        }
        String summary = terminal.env().get("GITHUB_STEP_SUMMARY");
        boolean github =
                stdout == ReportFormat.GITHUB || targets.stream().anyMatch(t -> t.format() == ReportFormat.GITHUB);
        if (github && summary != null && !summary.isBlank()) {
            written &= write(Path.of(summary), GithubReport.summary(data), true);
        }
        return written;
    }

    private boolean write(Path path, String text, boolean append) {
        try {
            if (append) {
                Files.writeString(
                        path, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                return true;
            }
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "." + path.getFileName(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            terminal.err()
                    .println("check-image: cannot write the report " + Redactor.redact(path.toString()) + ": "
                            + Redactor.redact(e.getClass().getSimpleName()
                                    + (e.getMessage() == null ? "" : " " + e.getMessage())));
            return false;
        }
    }
}

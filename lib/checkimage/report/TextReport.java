package checkimage.report;

import checkimage.reference.ImageReference;
import checkimage.result.CheckOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table operators read: reference, result, and the digest or the reason. Colour only when asked (on a
 * terminal); every string goes through {@link Redactor}.
 */
public final class TextReport {

    private static final String RESET = "\u001b[0m";

    private TextReport() {}

    /**
     * The table: rows of IMAGE arguments first, in input order; then, for each file in the order it was first
     * named, a line with the file and its rows in line order, each labelled {@code line:column} and ending with
     * the context ({@code Deployment shop/web, container web}).
     */
    public static String render(List<ReportEntry> entries, boolean colour, boolean showSource) {
        Map<ReportEntry, String> labels = new IdentityHashMap<>();
        List<Object> rows = new ArrayList<>();
        Map<String, List<ReportEntry>> byFile = new LinkedHashMap<>();
        for (ReportEntry entry : entries) {
            if (entry.place().isEmpty()) {
                rows.add(entry);
                labels.put(entry, label(entry));
            } else {
                byFile.computeIfAbsent(entry.place().get().file(), f -> new ArrayList<>())
                        .add(entry);
            }
        }
        byFile.forEach((file, placed) -> {
            rows.add(Redactor.redact(file));
            placed.sort(
                    Comparator.comparingInt((ReportEntry e) -> e.place().get().line())
                            .thenComparingInt(e -> e.place().get().column()));
            int digits = placed.stream().mapToInt(e -> where(e).length()).max().orElse(0);
            for (ReportEntry entry : placed) {
                rows.add(entry);
                labels.put(entry, "  " + pad(where(entry), digits) + "  " + label(entry));
            }
        });
        int width =
                Math.min(labels.values().stream().mapToInt(String::length).max().orElse(0), 72);
        width = Math.max(width, "REFERENCE".length());
        StringBuilder out = new StringBuilder();
        out.append(pad("REFERENCE", width))
                .append("  ")
                .append(pad("RESULT", 17))
                .append("  DETAIL\n");
        for (Object row : rows) {
            if (row instanceof String file) {
                out.append(file).append('\n');
                continue;
            }
            ReportEntry entry = (ReportEntry) row;
            Status status = entry.status();
            String word = status.word().replace('_', ' ');
            out.append(pad(labels.get(entry), width))
                    .append("  ")
                    .append(colour ? colourOf(status) + pad(word, 17) + RESET : pad(word, 17))
                    .append("  ")
                    .append(Redactor.redact(detail(entry, showSource)))
                    .append('\n');
            for (checkimage.policy.Warning warning : entry.warnings()) {
                out.append("  warning: ")
                        .append(Redactor.redact(warning.toString()))
                        .append('\n');
            }
            for (checkimage.policy.ImageRule rule : entry.unevaluated()) {
                out.append("  not evaluated offline: ")
                        .append(rule.describe())
                        .append(" (")
                        .append(rule.origin())
                        .append(")\n");
            }
        }
        out.append(Summary.of(entries)).append('\n');
        return out.toString();
    }

    private static String where(ReportEntry entry) {
        return entry.place().get().line() + ":" + entry.place().get().column();
    }

    private static String label(ReportEntry entry) {
        ImageReference reference = JsonReport.referenceOf(entry.result().outcome());
        String input = entry.result().input();
        return reference != null
                ? reference.familiar()
                : input.isBlank() ? "\"" + input + "\"" : Redactor.redact(input);
    }

    private static String detail(ReportEntry entry, boolean showSource) {
        CheckOutcome outcome = entry.result().outcome();
        String context = entry.place()
                .map(SourcePlace::context)
                .filter(c -> !c.isEmpty())
                .map(c -> "  (" + c + ")")
                .orElse("");
        if (entry.deniedByPolicy()
                || entry.status() == Status.NOT_CHECKED
                        && entry.place().flatMap(SourcePlace::notChecked).isPresent()) {
            return entry.reason() + context;
        }
        String detail = outcome instanceof CheckOutcome.Accessible a
                ? a.digest()
                        + (a.mediaType().isEmpty() ? "" : "  " + a.mediaType())
                        + (a.platforms().isEmpty() ? "" : "  [" + String.join(", ", a.platforms()) + "]")
                : outcome.reason();
        String endpoint = entry.result().endpoint();
        if (outcome instanceof CheckOutcome.Accessible a
                && !endpoint.isEmpty()
                && !endpoint.equals(a.reference().registryHost())) {
            detail += "  (via mirror " + endpoint + ")";
        }
        if (showSource && !entry.result().credentialSource().isEmpty()) {
            detail += "  (credentials: " + entry.result().credentialSource() + ")";
        }
        return detail + context;
    }

    private static String colourOf(Status status) {
        return switch (status) {
            case ACCESSIBLE -> "\u001b[32m";
            case MISSING, AUTH_REJECTED, INVALID_REFERENCE, DENIED_BY_POLICY -> "\u001b[31m";
            case UNKNOWN -> "\u001b[33m";
            case NOT_CHECKED -> "\u001b[36m";
        };
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}

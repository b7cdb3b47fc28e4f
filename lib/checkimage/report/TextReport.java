package checkimage.report;

import checkimage.reference.ImageReference;
import checkimage.result.CheckOutcome;

import java.util.List;

/**
 * The table operators read: reference, result, and the digest or the reason. Colour only when asked (on a
 * terminal); every string goes through {@link Redactor}.
 */
public final class TextReport {

    private static final String RESET = "\u001b[0m";

    private TextReport() {
    }

    public static String render(List<ReportEntry> entries, boolean colour, boolean showSource) {
        int width = "REFERENCE".length();
        for (ReportEntry entry : entries) {
            width = Math.max(width, label(entry).length());
        }
        width = Math.min(width, 72);
        StringBuilder out = new StringBuilder();
        out.append(pad("REFERENCE", width)).append("  ").append(pad("RESULT", 17)).append("  DETAIL\n");
        for (ReportEntry entry : entries) {
            Status status = entry.status();
            String word = status.word().replace('_', ' ');
            out.append(pad(label(entry), width)).append("  ")
                    .append(colour ? colourOf(status) + pad(word, 17) + RESET : pad(word, 17)).append("  ")
                    .append(Redactor.redact(detail(entry, showSource))).append('\n');
            for (checkimage.policy.Warning warning : entry.warnings()) {
                out.append("  warning: ").append(Redactor.redact(warning.toString())).append('\n');
            }
            for (checkimage.policy.ImageRule rule : entry.unevaluated()) {
                out.append("  not evaluated offline: ").append(rule.describe()).append(" (").append(rule.origin()).append(")\n");
            }
        }
        out.append(Summary.of(entries)).append('\n');
        return out.toString();
    }

    private static String label(ReportEntry entry) {
        ImageReference reference = JsonReport.referenceOf(entry.result().outcome());
        return reference == null ? Redactor.redact(entry.result().input()) : reference.familiar();
    }

    private static String detail(ReportEntry entry, boolean showSource) {
        CheckOutcome outcome = entry.result().outcome();
        if (entry.deniedByPolicy()) {
            return entry.denialMessage();
        }
        String detail = outcome instanceof CheckOutcome.Accessible a
                ? a.digest() + (a.mediaType().isEmpty() ? "" : "  " + a.mediaType())
                        + (a.platforms().isEmpty() ? "" : "  [" + String.join(", ", a.platforms()) + "]")
                : outcome.reason();
        String endpoint = entry.result().endpoint();
        if (outcome instanceof CheckOutcome.Accessible a && !endpoint.isEmpty() && !endpoint.equals(a.reference().registryHost())) {
            detail += "  (via mirror " + endpoint + ")";
        }
        if (showSource && !entry.result().credentialSource().isEmpty()) {
            detail += "  (credentials: " + entry.result().credentialSource() + ")";
        }
        return detail;
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

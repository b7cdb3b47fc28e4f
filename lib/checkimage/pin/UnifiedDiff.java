package checkimage.pin;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u}, three lines of context) between two versions of a file that have the same
 * number of lines, as pinning leaves them: {@code --pin --dry-run} prints it, {@code git apply} reads it.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** The diff, empty when nothing changed; {@code file} is named {@code a/file} and {@code b/file}. */
    public static String of(String file, String before, String after) {
        List<String> old = lines(before);
        List<String> now = lines(after);
        if (old.size() != now.size()) {
            throw new IllegalArgumentException("pinning changed the number of lines of " + file);
        }
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            if (!old.get(i).equals(now.get(i))) {
                changed.add(i);
            }
        }
        if (changed.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- a/")
                .append(file)
                .append("\n+++ b/")
                .append(file)
                .append('\n');
        int i = 0;
        while (i < changed.size()) {
            int from = Math.max(0, changed.get(i) - CONTEXT);
            int j = i;
            while (j + 1 < changed.size() && changed.get(j + 1) - changed.get(j) <= 2 * CONTEXT) {
                j++;
            }
            int to = Math.min(old.size() - 1, changed.get(j) + CONTEXT);
            int count = to - from + 1;
            out.append("@@ -")
                    .append(from + 1)
                    .append(',')
                    .append(count)
                    .append(" +")
                    .append(from + 1)
                    .append(',')
                    .append(count)
                    .append(" @@\n");
            for (int n = from; n <= to; n++) {
                if (old.get(n).equals(now.get(n))) {
                    line(out, ' ', old.get(n));
                } else {
                    line(out, '-', old.get(n));
                    line(out, '+', now.get(n));
                }
            }
            i = j + 1;
        }
        return out.toString();
    }

    private static void line(StringBuilder out, char mark, String line) {
        out.append(mark).append(line.endsWith("\n") ? line : line + "\n\\ No newline at end of file\n");
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }
}

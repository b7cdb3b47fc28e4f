package checkimage.pin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Inserts digests into a file's text at the places of {@link Pin}s: {@code nginx:1.27} becomes
 * {@code nginx:1.27@sha256:…}; nothing else changes (quotes, comments, indentation, line endings, the rest of
 * the line). A reference already pinned to the digest is left alone; one pinned to another digest is reported,
 * and replaced only with {@link Pin#update()}. A place whose text is not the expected reference is reported and
 * left alone, so a file is never damaged by a stale place.
 */
public final class FilePinner {

    /** The new text, how many references changed, and one line per reference left alone for a reason. */
    public record Result(String text, int changed, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    private record Edit(int start, int end, String replacement) {}

    private FilePinner() {}

    /** Applies {@code pins} to {@code text}; notes start with the place's {@code line:column}. */
    public static Result apply(String text, List<Pin> pins) {
        List<Edit> edits = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Pin pin : pins) {
            int offset = offsetOf(text, pin.line(), pin.column());
            if (offset >= 0 && offset < text.length() && (text.charAt(offset) == '"' || text.charAt(offset) == '\'')) {
                offset++;
            }
            int end = offset;
            while (end >= 0 && end < text.length() && isReferenceChar(text.charAt(end))) {
                end++;
            }
            String where = pin.line() + ":" + pin.column();
            if (offset < 0 || !text.substring(offset, end).equals(pin.written())) {
                notes.add(where + ": cannot pin: the text there is not '" + pin.written() + "' (changed?)");
                continue;
            }
            int at = pin.written().indexOf('@');
            if (at < 0) {
                edits.add(new Edit(end, end, "@" + pin.digest()));
            } else if (!pin.written().substring(at + 1).equals(pin.digest())) {
                String tagged = pin.written().substring(0, at);
                if (pin.update()) {
                    edits.add(new Edit(offset + at + 1, end, pin.digest()));
                    notes.add(where + ": " + tagged + " moved to " + pin.digest());
                } else {
                    notes.add(where + ": " + pin.written().substring(at + 1) + " no longer matches " + tagged + " (now "
                            + pin.digest() + "); left as is (--update moves it)");
                }
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder out = new StringBuilder(text);
        for (Edit edit : edits) {
            out.replace(edit.start(), edit.end(), edit.replacement());
        }
        return new Result(out.toString(), edits.size(), notes);
    }

    /** The char offset of 1-based {@code line:column}, or -1 when the text has no such place. */
    static int offsetOf(String text, int line, int column) {
        int start = 0;
        for (int n = 1; n < line; n++) {
            start = text.indexOf('\n', start) + 1;
            if (start == 0) {
                return -1;
            }
        }
        int lineEnd = text.indexOf('\n', start);
        int offset;
        try {
            offset = text.offsetByCodePoints(start, column - 1);
        } catch (IndexOutOfBoundsException e) {
            return -1;
        }
        return lineEnd >= 0 && offset > lineEnd ? -1 : offset;
    }

    // the characters of the distribution reference grammar: name, tag, digest
    private static boolean isReferenceChar(char c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '.'
                || c == '_'
                || c == '-'
                || c == ':'
                || c == '/'
                || c == '@'
                || c == '+'
                || c == '=';
    }
}

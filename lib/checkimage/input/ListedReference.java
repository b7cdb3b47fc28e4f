package checkimage.input;

import java.util.Objects;

/**
 * One image reference as written in a reference list, with where it was found, so that a later parse error
 * can point at {@code images.txt:12}. The text is trimmed but not parsed.
 *
 * @param text the reference text, e.g. {@code registry.example.com/team/app:1.2}
 * @param source the list's file name, or {@code -} for standard input
 * @param line the 1-based line number
 */
public record ListedReference(String text, String source, int line) {

    public ListedReference {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, got " + line);
        }
    }

    /** {@code source:line}, for messages. */
    public String where() {
        return source + ":" + line;
    }
}

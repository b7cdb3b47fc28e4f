package checkimage.input;

import java.util.Objects;

/**
 * One image reference as written in a reference list, with where it was found, so that a later parse error
 * can point at {@code images.txt:12}. The text is trimmed but not parsed.
 *
 * @param text the reference text, e.g. {@code registry.example.com/team/app:1.2}
 * @param source the list's file name, or {@code -} for standard input
 * @param line the 1-based line number
 * @param column the 1-based column the text starts at
 */
public record ListedReference(String text, String source, int line, int column) {

    public ListedReference {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column must be 1 or more, got " + line + ":" + column);
        }
    }

    /** An entry starting in the first column. */
    public ListedReference(String text, String source, int line) {
        this(text, source, line, 1);
    }

    /** {@code source:line}, for messages. */
    public String where() {
        return source + ":" + line;
    }
}

package checkimage.input;

import java.util.Objects;

/**
 * Where an image value is written: the file as reports show it (relative to the working directory, {@code -}
 * for standard input), and the 1-based line and column of the value's first character (for a quoted YAML
 * scalar, the opening quote).
 *
 * @param file the file, relative to the working directory when it lies under it, else as given
 * @param line the 1-based line
 * @param column the 1-based column
 */
public record SourceLocation(String file, int line, int column) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    /** {@code file:line}, the form messages and the JSON {@code origin} start with. */
    public String where() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}

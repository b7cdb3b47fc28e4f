package checkimage.report;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a result's image is named in a file, for reports: the JSON fields {@code file}, {@code line},
 * {@code column} (1-based, of the image value) and {@code context}, and the text report's grouping by file.
 *
 * @param file the file as reports show it (relative to the working directory, {@code -} for stdin)
 * @param line the 1-based line of the image value
 * @param column the 1-based column of the image value
 * @param context what names the image there ({@code Deployment shop/web, initContainer migrate}); may be empty
 * @param notChecked why the image is deliberately not checked (e.g. built locally), or empty
 */
public record SourcePlace(String file, int line, int column, String context, Optional<String> notChecked) {

    public SourcePlace {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(notChecked, "notChecked");
    }
}

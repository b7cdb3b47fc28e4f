package checkimage.pin;

import java.util.Objects;

/**
 * One reference to pin in a file's text: where its value is written, the reference as written, and the digest
 * it must carry.
 *
 * @param line the 1-based line of the value
 * @param column the 1-based column of the value (of its opening quote, for a quoted YAML scalar)
 * @param written the reference as written there, e.g. {@code nginx:1.27} or {@code nginx:1.27@sha256:…}
 * @param digest the digest to pin to, e.g. {@code sha256:…}
 * @param update whether a different digest already written may be replaced ({@code --update})
 */
public record Pin(int line, int column, String written, String digest, boolean update) {

    public Pin {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(digest, "digest");
    }
}

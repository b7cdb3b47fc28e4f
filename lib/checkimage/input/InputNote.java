package checkimage.input;

import java.util.Objects;
import java.util.Optional;

/**
 * Something a reader noticed that is not an image and not an error: a warning (always shown on stderr, e.g.
 * an undefined compose variable, a pull secret that is not in the input) or a note shown only under
 * {@code -v} (a document that is not a Kubernetes object, a kind that holds no pod spec, a skipped file).
 *
 * @param level whether the note is always shown or only under {@code -v}
 * @param location where, when the note is about a place in a file
 * @param message one line, naming what it is about; never a secret
 */
public record InputNote(Level level, Optional<SourceLocation> location, String message) {

    /** How loudly a note is shown. */
    public enum Level {
        WARNING,
        VERBOSE
    }

    public InputNote {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    public static InputNote warning(SourceLocation location, String message) {
        return new InputNote(Level.WARNING, Optional.of(location), message);
    }

    public static InputNote verbose(String message) {
        return new InputNote(Level.VERBOSE, Optional.empty(), message);
    }

    @Override
    public String toString() {
        return location.map(where -> where.where() + ": " + message).orElse(message);
    }
}

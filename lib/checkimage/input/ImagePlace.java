package checkimage.input;

import java.util.Objects;
import java.util.Optional;

/**
 * One place an image is named in an input file: the reference text as it will be checked (after any
 * interpolation), where it is written, and what names it there.
 *
 * <p>Readers build places with {@link #of} and the {@code with…} methods; every field has a meaning for every
 * input kind, so reports and {@code --pin} treat all kinds alike.
 *
 * @param text the reference to check, e.g. {@code nginx:1.27}; for an invalid value, the value as written
 * @param location where the value is written
 * @param context what names it there, e.g. {@code Deployment shop/web, initContainer migrate},
 *     {@code service web}, {@code stage build}
 * @param notChecked why the image is not checked (e.g. {@code built locally (build:)}), or empty
 * @param invalid why the value is not a reference at all (not a string, empty), or empty; such a place is
 *     reported as an invalid reference at its line
 * @param variable the variable the text came from by interpolation (compose {@code ${VAR}}, a Dockerfile
 *     {@code ARG}), or empty when the text is written literally at {@code location}
 */
public record ImagePlace(
        String text,
        SourceLocation location,
        String context,
        Optional<String> notChecked,
        Optional<String> invalid,
        Optional<String> variable) {

    public ImagePlace {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(notChecked, "notChecked");
        Objects.requireNonNull(invalid, "invalid");
        Objects.requireNonNull(variable, "variable");
    }

    /** A literal image reference at a location. */
    public static ImagePlace of(String text, SourceLocation location, String context) {
        return new ImagePlace(text, location, context, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This place, not to be checked for the given reason. */
    public ImagePlace withNotChecked(String reason) {
        return new ImagePlace(text, location, context, Optional.of(reason), invalid, variable);
    }

    /** This place, whose value is not a usable reference for the given reason. */
    public ImagePlace withInvalid(String reason) {
        return new ImagePlace(text, location, context, notChecked, Optional.of(reason), variable);
    }

    /** This place, whose text came from the named variable. */
    public ImagePlace withVariable(String name) {
        return new ImagePlace(text, location, context, notChecked, invalid, Optional.of(name));
    }

    /** {@code file:line context}, the JSON {@code origin} of a result from this place. */
    public String origin() {
        return context.isEmpty() ? location.where() : location.where() + " " + context;
    }
}

package checkimage.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value (password, token, identity token) that never shows itself by accident.
 *
 * <p>{@link #toString()} is always {@code ***}; equality is by value in constant time. The value leaves
 * this type only through {@link #revealForHeader()}, which is meant to be called where an Authorization
 * header or a token request is built, and nowhere else.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Wraps a secret value; the caller should drop its own reference to the plain string. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The plain value, for building an Authorization header or a token request body only. */
    public String revealForHeader() {
        return value;
    }

    /** True when the secret is the empty string. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), secret.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 1;
    }

    @Override
    public String toString() {
        return "***";
    }
}

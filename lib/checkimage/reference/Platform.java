package checkimage.reference;

import java.util.Locale;
import java.util.Objects;

/**
 * An OCI platform {@code os/architecture[/variant]} (image-spec, "Image Index", platform object). Matching
 * follows containerd's normalization: {@code arm64} without a variant means {@code v8}, {@code arm} means
 * {@code v7}, and a required platform
 * without a variant matches any variant.
 */
public record Platform(String os, String architecture, String variant) {

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        variant = variant == null || variant.isEmpty() ? null : variant;
    }

    /** Parses {@code linux/amd64} or {@code linux/arm64/v8}; anything else is an {@link IllegalArgumentException} naming the input. */
    public static Platform parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException(
                    "invalid platform '" + text + "': expected OS/ARCH or OS/ARCH/VARIANT, e.g. linux/amd64");
        }
        for (String part : parts) {
            if (!part.matches("[a-z0-9._-]+")) {
                throw new IllegalArgumentException("invalid platform '" + text
                        + "': each of OS, ARCH and VARIANT must be " + "lowercase letters, digits, '.', '_' or '-'");
            }
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** True when this (available) platform satisfies the {@code required} one. */
    public boolean satisfies(Platform required) {
        if (!os.equals(required.os) || !architecture.equals(required.architecture)) {
            return false;
        }
        return required.variant == null || required.variant.equals(normalizedVariant());
    }

    /** The {@code unknown/unknown} platform buildx gives attestation manifests in an index. */
    public boolean isUnknown() {
        return os.equals("unknown") && architecture.equals("unknown");
    }

    private String normalizedVariant() {
        if (variant != null) {
            return variant;
        }
        return switch (architecture) {
            case "arm64" -> "v8";
            case "arm" -> "v7";
            default -> null;
        };
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}

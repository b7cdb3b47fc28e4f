package checkimage.result;

import checkimage.reference.Digest;
import checkimage.reference.ImageReference;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a registry said about one image, as a value. Expected outcomes are never exceptions.
 *
 * <p>The kinds are disjoint on purpose: trouble whose meaning is not certain is {@link Unknown}, so it can
 * never be reported as {@link Missing}; only a 404 after the handshake succeeded is missing. Switch over
 * {@link #kind()} without a {@code default} branch so the compiler checks every kind is handled.
 */
public sealed interface CheckOutcome {

    /** The kinds of outcome, for exhaustive switch expressions. */
    enum Kind {
        ACCESSIBLE,
        MISSING,
        AUTH_REJECTED,
        INVALID_REFERENCE,
        UNKNOWN,
        NOT_CHECKED
    }

    Kind kind();

    /** One line saying what happened, without secrets. */
    String reason();

    /** True only for {@link Accessible}. */
    default boolean isAccessible() {
        return kind() == Kind.ACCESSIBLE;
    }

    /** True when the image is definitely not pullable: missing, auth rejected or an invalid reference. */
    default boolean isDefinitelyInaccessible() {
        return switch (kind()) {
            case MISSING, AUTH_REJECTED, INVALID_REFERENCE -> true;
            case ACCESSIBLE, UNKNOWN, NOT_CHECKED -> false;
        };
    }

    /** The manifest exists and the handshake allowed us to read it. */
    record Accessible(ImageReference reference, Digest digest, String mediaType, long size, List<String> platforms)
            implements CheckOutcome {
        public Accessible {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(digest, "digest");
            mediaType = mediaType == null ? "" : mediaType;
            platforms = List.copyOf(platforms);
        }

        @Override
        public Kind kind() {
            return Kind.ACCESSIBLE;
        }

        @Override
        public String reason() {
            String platformNote = platforms.isEmpty() ? "" : ", platforms " + String.join(", ", platforms);
            return "accessible " + digest + (mediaType.isEmpty() ? "" : " (" + mediaType + platformNote + ")");
        }

        @Override
        public String toString() {
            return reference + ": " + reason();
        }
    }

    /** The registry says the manifest (or a required platform) is not there, after a successful handshake. */
    record Missing(ImageReference reference, String reason, List<RegistryError> errors) implements CheckOutcome {
        public Missing {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(reason, "reason");
            errors = List.copyOf(errors);
        }

        @Override
        public Kind kind() {
            return Kind.MISSING;
        }

        @Override
        public String toString() {
            return reference + ": missing: " + reason;
        }
    }

    /** How authentication failed. */
    enum Rejection {
        /** The registry or its token server refused the credentials themselves. */
        BAD_CREDENTIALS,
        /** The identity (or anonymous) is known but not allowed to pull this repository (or it does not exist). */
        DENIED
    }

    /** Authentication failed: bad credentials, or an identity that may not pull this repository. */
    record AuthRejected(ImageReference reference, Rejection rejection, String reason, List<RegistryError> errors)
            implements CheckOutcome {
        public AuthRejected {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(rejection, "rejection");
            Objects.requireNonNull(reason, "reason");
            errors = List.copyOf(errors);
        }

        @Override
        public Kind kind() {
            return Kind.AUTH_REJECTED;
        }

        @Override
        public String toString() {
            return reference + ": auth rejected: " + reason;
        }
    }

    /** The input is not an image reference; no request was made. */
    record InvalidReference(String input, String reason) implements CheckOutcome {
        public InvalidReference {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.INVALID_REFERENCE;
        }

        @Override
        public String toString() {
            return "invalid reference: " + reason;
        }
    }

    /**
     * No definite answer: network, TLS, rate limiting, server trouble or a protocol violation. {@code retryAfter}
     * is what the registry asked for when it rate limited us, or {@code null}.
     */
    record Unknown(
            ImageReference reference, Cause cause, String reason, Duration retryAfter, List<RegistryError> errors)
            implements CheckOutcome {
        public Unknown {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(reason, "reason");
            errors = List.copyOf(errors);
        }

        @Override
        public Kind kind() {
            return Kind.UNKNOWN;
        }

        @Override
        public String toString() {
            return reference + ": unknown (" + cause.name().toLowerCase(java.util.Locale.ROOT) + "): " + reason;
        }
    }

    /** Parsed and normalized only, as {@code --offline} does: no request was made. */
    record NotChecked(ImageReference reference) implements CheckOutcome {
        public NotChecked {
            Objects.requireNonNull(reference, "reference");
        }

        @Override
        public Kind kind() {
            return Kind.NOT_CHECKED;
        }

        @Override
        public String reason() {
            return "not checked (offline); normalized to " + reference;
        }

        @Override
        public String toString() {
            return reference + ": " + reason();
        }
    }
}

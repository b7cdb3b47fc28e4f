package checkimage.client;

import checkimage.credentials.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A Bearer token and when it stops being good. Prints as {@code Token[***, expires ...]}. */
record Token(Secret value, Instant expiresAt, Secret refreshToken) {

    Token {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Fresh when it has at least a tenth of its life, at most 5 s, left at {@code now}. */
    boolean isFresh(Instant now, Duration lifetime) {
        Duration margin = lifetime.dividedBy(10).compareTo(Duration.ofSeconds(5)) > 0
                ? Duration.ofSeconds(5)
                : lifetime.dividedBy(10);
        return now.isBefore(expiresAt.minus(margin));
    }

    @Override
    public String toString() {
        return "Token[***, expires " + expiresAt + "]";
    }
}

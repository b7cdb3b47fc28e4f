package checkimage.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code limits} block. An empty value means the policy leaves it to the command line and its defaults.
 *
 * @param concurrency images checked at once, at least 1
 * @param perRegistry images of one registry checked at once, at least 1
 * @param timeout the deadline per image, retries included; positive
 * @param retries retries after the first try for 429, 502, 503, 504 and reset connections, 0 or more
 */
public record Limits(
        OptionalInt concurrency, OptionalInt perRegistry, Optional<Duration> timeout, OptionalInt retries) {

    public Limits {
        Objects.requireNonNull(concurrency, "concurrency");
        Objects.requireNonNull(perRegistry, "perRegistry");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retries, "retries");
        require(concurrency.orElse(1) >= 1, "concurrency must be at least 1");
        require(perRegistry.orElse(1) >= 1, "perRegistry must be at least 1");
        require(timeout.map(t -> !t.isNegative() && !t.isZero()).orElse(true), "timeout must be positive");
        require(retries.orElse(0) >= 0, "retries must be 0 or more");
    }

    /** No limits set. */
    public static Limits none() {
        return new Limits(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

package checkimage.client;

import java.time.Duration;

/**
 * How often and how patiently to retry 429, 502, 503, 504 and reset connections: at most {@code maxAttempts}
 * tries in all, exponential backoff from {@code baseDelay} with full jitter, never longer than {@code maxDelay}
 * per wait; a {@code Retry-After} longer than {@code maxDelay} or the time left ends the retries.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1), with full jitter. */
    Duration backoff(int attempt, java.util.random.RandomGenerator random) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 16));
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }
}

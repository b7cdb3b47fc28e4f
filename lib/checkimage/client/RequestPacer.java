package checkimage.client;

import checkimage.result.Cause;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spreads requests to a paced host: a token bucket per host holding one request (the generic cell rate
 * algorithm: each request is due one interval after the one before, or now if the host was idle), on the
 * checker's clock. A request that would have to wait past its image's deadline fails with a timeout instead.
 */
final class RequestPacer {

    private final RequestPace pace;
    private final Clock clock;
    private final RequestSender.Sleeper sleeper;
    /** Per host: when the next request may go, in clock nanos since the epoch. */
    private final ConcurrentHashMap<String, long[]> due = new ConcurrentHashMap<>();

    RequestPacer(RequestPace pace, Clock clock, RequestSender.Sleeper sleeper) {
        this.pace = pace;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until a request to {@code host} may go; returns how long it waited. */
    Duration acquire(String host, Deadline deadline) throws TransportException {
        Double rate = pace.of(host).orElse(null);
        if (rate == null) {
            return Duration.ZERO;
        }
        Duration wait = reserve(host, (long) (1_000_000_000L / rate));
        if (wait.isZero()) {
            return wait;
        }
        if (wait.compareTo(deadline.remaining()) >= 0) {
            throw new TransportException(
                    Cause.TIMEOUT,
                    "the pace for " + host + " (" + rate + " requests/s) leaves no time within the deadline");
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(Cause.TIMEOUT, "interrupted while pacing requests to " + host);
        }
        return wait;
    }

    /** Takes the next slot of {@code host}; the wait until it. */
    private Duration reserve(String host, long intervalNanos) {
        long[] next = due.computeIfAbsent(host.toLowerCase(java.util.Locale.ROOT), h -> new long[] {Long.MIN_VALUE});
        synchronized (next) {
            long now = nanos();
            long slot = Math.max(now, next[0]);
            next[0] = slot + intervalNanos;
            return Duration.ofNanos(slot - now);
        }
    }

    private long nanos() {
        java.time.Instant at = clock.instant();
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}

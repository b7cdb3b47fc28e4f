package checkimage.client;

import checkimage.reference.ImageReference;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.apache.hc.client5.http.utils.DateUtils;

/**
 * Sends one logical request: counts it, narrates it to the listener, follows redirects (never carrying the
 * Authorization header to another host or down to plain HTTP) and retries 429/502/503/504 and reset connections
 * with jittered backoff that honours {@code Retry-After}, within the image's deadline.
 */
final class RequestSender {

    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;

    /** Waits between retries; replaced in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Transport transport;
    private final RetryPolicy policy;
    private final RequestStats stats;
    private final CheckListener listener;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    RequestSender(
            Transport transport,
            RetryPolicy policy,
            RequestStats stats,
            CheckListener listener,
            Sleeper sleeper,
            RandomGenerator random) {
        this.transport = transport;
        this.policy = policy;
        this.stats = stats;
        this.listener = listener;
        this.sleeper = sleeper;
        this.random = random;
    }

    RegistryResponse send(ImageReference reference, RequestStats.Kind kind, RegistryRequest request, Deadline deadline)
            throws TransportException {
        for (int attempt = 1; ; attempt++) {
            try {
                RegistryResponse response = followRedirects(reference, kind, request, deadline);
                Duration wait =
                        RETRYABLE.contains(response.status()) ? waitBeforeRetry(response, attempt, deadline) : null;
                if (wait == null) {
                    return response;
                }
                pause(
                        reference,
                        wait,
                        response.status() + " from " + request.uri().getAuthority());
            } catch (TransportException e) {
                Duration wait = e.isRetryable() ? backoffWithin(attempt, deadline) : null;
                if (wait == null) {
                    throw e;
                }
                pause(reference, wait, e.getMessage());
            }
        }
    }

    private RegistryResponse followRedirects(
            ImageReference reference, RequestStats.Kind kind, RegistryRequest request, Deadline deadline)
            throws TransportException {
        RegistryRequest current = request;
        // every hop is made for the same registry and takes its route (proxy, TLS material)
        String registry =
                reference != null ? reference.registryHost() : request.uri().getAuthority();
        for (int hop = 0; ; hop++) {
            stats.count(kind);
            RegistryResponse response;
            try {
                response = transport.send(registry, current, deadline);
            } catch (TransportException e) {
                listener.onStep(reference, current.method() + " " + current.uri() + " failed: " + e.getMessage());
                throw e;
            }
            if (listener.listens()) {
                listener.onStep(
                        reference,
                        current.method() + " " + current.uri() + " -> " + response.status()
                                + (response.protocol().isEmpty() ? "" : " (" + response.protocol() + ")"));
            }
            String location = response.header("location");
            if (!REDIRECTS.contains(response.status()) || location == null || hop == MAX_REDIRECTS) {
                return response;
            }
            current = redirected(current, location);
        }
    }

    /** The request to send to {@code location}: the Authorization header stays only on the same origin over the same or a safer scheme. */
    static RegistryRequest redirected(RegistryRequest request, String location) throws TransportException {
        URI target;
        try {
            target = request.uri().resolve(URI.create(location.trim()));
        } catch (IllegalArgumentException e) {
            throw new TransportException(
                    checkimage.result.Cause.UNEXPECTED_RESPONSE,
                    "redirect from " + request.uri().getAuthority() + " to an invalid location");
        }
        if (!"https".equalsIgnoreCase(target.getScheme()) && !"http".equalsIgnoreCase(target.getScheme())) {
            throw new TransportException(
                    checkimage.result.Cause.UNEXPECTED_RESPONSE,
                    "redirect from " + request.uri().getAuthority() + " to a non-HTTP location");
        }
        boolean sameOrigin = target.getAuthority() != null
                && target.getAuthority().equalsIgnoreCase(request.uri().getAuthority())
                && (target.getScheme().equalsIgnoreCase(request.uri().getScheme())
                        || "https".equalsIgnoreCase(target.getScheme()));
        RegistryRequest next = request.withUri(target);
        return sameOrigin ? next : next.withAuthorization(null);
    }

    private Duration waitBeforeRetry(RegistryResponse response, int attempt, Deadline deadline) {
        if (attempt >= policy.maxAttempts()) {
            return null;
        }
        Duration asked = retryAfter(response, Instant.now());
        if (asked == null) {
            return backoffWithin(attempt, deadline);
        }
        return asked.compareTo(policy.maxDelay()) > 0 || asked.compareTo(deadline.remaining()) >= 0 ? null : asked;
    }

    private Duration backoffWithin(int attempt, Deadline deadline) {
        if (attempt >= policy.maxAttempts()) {
            return null;
        }
        Duration wait = policy.backoff(attempt, random);
        return wait.compareTo(deadline.remaining()) >= 0 ? null : wait;
    }

    private void pause(ImageReference reference, Duration wait, String why) throws TransportException {
        stats.countRetry();
        listener.onStep(reference, "retrying in " + wait.toMillis() + " ms after " + why);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(checkimage.result.Cause.TIMEOUT, "interrupted while waiting to retry");
        }
    }

    /** The {@code Retry-After} of a response (delta-seconds or HTTP-date, RFC 9110 §10.2.3), or null. */
    static Duration retryAfter(RegistryResponse response, Instant now) {
        String value = response.header("retry-after");
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            // beyond any sensible wait: keep it huge rather than overflow
            return trimmed.length() > 12 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(trimmed));
        }
        // asctime pads the day with a space ("Nov  6"); httpclient's formatter wants it unpadded, and in UTC
        Instant at = DateUtils.parseDate(
                trimmed.replaceAll(" {2,}", " "), DateUtils.FORMATTER_RFC1123, DateUtils.FORMATTER_RFC1036, ASCTIME);
        if (at == null) {
            return null;
        }
        Duration delta = Duration.between(now, at);
        return delta.isNegative() ? Duration.ZERO : delta;
    }

    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(999_999_999_999L);

    /** The asctime form of an HTTP-date (RFC 9110 §5.6.7), which names no zone: it is UTC. */
    private static final DateTimeFormatter ASCTIME = DateUtils.FORMATTER_ASCTIME.withZone(java.time.ZoneOffset.UTC);
}

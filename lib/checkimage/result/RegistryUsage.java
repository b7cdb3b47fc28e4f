package checkimage.result;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What one run asked of one registry host and what the host said is left of its rate limit, from Docker Hub's
 * {@code ratelimit-limit}/{@code ratelimit-remaining}/{@code docker-ratelimit-source} headers or the IETF
 * {@code RateLimit}/{@code RateLimit-Policy} fields (draft-ietf-httpapi-ratelimit-headers). Empty values mean the
 * host did not say.
 *
 * @param host as requests were sent, e.g. {@code registry-1.docker.io}
 * @param requests how many requests this run sent it
 * @param limit the quota of the window
 * @param remaining what was left at the last answer that said (the lowest seen)
 * @param windowSeconds the quota's window
 * @param source what the quota is counted against (Docker Hub's {@code docker-ratelimit-source}); empty if unsaid
 */
public record RegistryUsage(
        String host,
        int requests,
        OptionalLong limit,
        OptionalLong remaining,
        OptionalLong windowSeconds,
        String source) {

    public RegistryUsage {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(windowSeconds, "windowSeconds");
        source = source == null ? "" : source;
    }

    /** True when the host reported fewer than 10% of its quota left. */
    public boolean nearlyExhausted() {
        return limit.isPresent()
                && remaining.isPresent()
                && limit.getAsLong() > 0
                && remaining.getAsLong() * 10 < limit.getAsLong();
    }

    /** One line for a warning, e.g. {@code registry-1.docker.io: 4 of 100 requests left (window 21600 s)}. */
    public String describeQuota() {
        return host + ": " + (remaining.isPresent() ? remaining.getAsLong() : "?") + " of "
                + (limit.isPresent() ? limit.getAsLong() : "?") + " requests left"
                + (windowSeconds.isPresent() ? " (window " + windowSeconds.getAsLong() + " s)" : "")
                + (source.isEmpty() ? "" : ", counted against " + source);
    }
}

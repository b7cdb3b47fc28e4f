package checkimage.policy;

import java.util.Locale;

/**
 * What an unknown check result (network trouble, rate limit, server error) means for the exit code: the
 * best-effort default {@link #PASS} reports it loudly and passes; {@link #FAIL} fails like
 * {@code --fail-on-unknown}.
 */
public enum OnUnknown {
    FAIL,
    PASS;

    /** The word as written in a policy: {@code fail}, {@code pass}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}

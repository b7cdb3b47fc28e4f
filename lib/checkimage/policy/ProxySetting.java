package checkimage.policy;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy's {@code proxy 'http://proxy.corp:3128'} (through that proxy) or {@code noProxy()} (direct), at the top
 * level or in a {@code registry} block. The URL may carry proxy credentials; {@link #toString()} never shows them.
 *
 * @param url the proxy, or empty for direct
 * @param origin where it was written, e.g. {@code policy.groovy, line 3}
 */
public record ProxySetting(Optional<URI> url, String origin) {

    public ProxySetting {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * A proxy given as {@code http://[user:password@]host[:port]}.
     *
     * @throws IllegalArgumentException saying what is wrong, without the credentials
     */
    public static ProxySetting through(String url, String origin) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        String path = uri == null ? null : uri.getRawPath();
        boolean fits = uri != null
                && "http".equalsIgnoreCase(uri.getScheme())
                && uri.getHost() != null
                && (path == null || path.isEmpty() || path.equals("/"))
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null;
        if (!fits) {
            String shown = url == null ? "null" : url.replaceAll("(?<=://)[^/@\\s]*@", "***@");
            throw new IllegalArgumentException(
                    "proxy expects a URL like 'http://proxy.corp:3128' (only http:// proxies), got '" + shown + "'");
        }
        return new ProxySetting(Optional.of(uri), origin);
    }

    /** Direct, without a proxy. */
    public static ProxySetting direct(String origin) {
        return new ProxySetting(Optional.empty(), origin);
    }

    public boolean isDirect() {
        return url.isEmpty();
    }

    @Override
    public String toString() {
        return url.map(u -> "proxy http://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()))
                        .orElse("noProxy()")
                + " (" + origin + ")";
    }
}

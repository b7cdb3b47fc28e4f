package checkimage.client;

import checkimage.credentials.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP proxy, as written in {@code HTTPS_PROXY} or a policy's {@code proxy 'http://user:pass@proxy:3128'}:
 * host, port and optional credentials, which are sent as {@code Proxy-Authorization} (Basic) and never shown.
 * {@link #toString()} is {@code http://host:port}, without the credentials.
 *
 * @param host the proxy's host name or IP literal ({@code [::1]} for IPv6)
 * @param port its port (default 80 when the URL gives none, as curl and Go)
 * @param username the proxy user, empty without credentials
 * @param password the proxy password; null without credentials
 */
public record HttpProxy(String host, int port, Optional<String> username, Secret password) {

    public HttpProxy {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a proxy setting; a value without a scheme is {@code http://} (as Go and curl read it). Only
     * {@code http://} proxies are supported. {@code where} names the setting in errors, e.g. {@code HTTPS_PROXY}.
     *
     * @throws IllegalArgumentException naming {@code where} and what is wrong, never the credentials
     */
    public static HttpProxy parse(String text, String where) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty proxy URL");
        }
        URI uri;
        try {
            uri = new URI(value.contains("://") ? value : "http://" + value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": '" + redact(value) + "' is not a proxy URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException(
                    where + ": proxy '" + redact(value) + "' is not an http:// URL (only HTTP proxies are supported)");
        }
        if (uri.getHost() == null
                || (uri.getRawPath() != null
                        && !uri.getRawPath().isEmpty()
                        && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException(
                    where + ": proxy '" + redact(value) + "' must be http://[user:password@]host[:port]");
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return new HttpProxy(uri.getHost(), port, Optional.empty(), null);
        }
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        return new HttpProxy(uri.getHost(), port, Optional.of(user), Secret.of(password));
    }

    /** True when credentials are sent to the proxy. */
    public boolean hasCredentials() {
        return username.isPresent();
    }

    /** {@code host:port}, as the proxy is reached. */
    public String authority() {
        return host + ":" + port;
    }

    /** {@code text} with any {@code user:password@} of a URL replaced by {@code ***@}, for messages. */
    static String redact(String text) {
        return text.replaceAll("(?<=://|^)[^/@\\s]*@", "***@");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "http://" + authority();
    }
}

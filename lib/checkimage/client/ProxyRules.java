package checkimage.client;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which proxy, if any, carries the requests made for a registry. Every request made for one registry (ping,
 * token realm, manifests, redirects) takes that registry's route, decided in this order:
 * <ol>
 *   <li>a route set for the registry itself ({@code registry(…) { proxy '…' }} or {@code noProxy()}), loopback
 *       hosts included;</li>
 *   <li>loopback hosts ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) go direct;</li>
 *   <li>hosts matching {@link #noProxy} go direct;</li>
 *   <li>else the proxy for the request's scheme ({@code HTTPS_PROXY} for https, {@code HTTP_PROXY} for http),
 *       or direct when there is none.</li>
 * </ol>
 *
 * @param httpsProxy the proxy for https requests
 * @param httpProxy the proxy for plain-http requests
 * @param noProxy hosts that bypass {@code httpsProxy} and {@code httpProxy}
 * @param perRegistry routes set for single registries (host[:port] as in references, lower case); an empty
 *     Optional means direct
 * @param origin where the general setting came from, e.g. {@code HTTPS_PROXY} or {@code policy.groovy, line 2}
 */
public record ProxyRules(
        Optional<HttpProxy> httpsProxy,
        Optional<HttpProxy> httpProxy,
        NoProxy noProxy,
        Map<String, Optional<HttpProxy>> perRegistry,
        String origin) {

    public ProxyRules {
        Objects.requireNonNull(httpsProxy, "httpsProxy");
        Objects.requireNonNull(httpProxy, "httpProxy");
        Objects.requireNonNull(noProxy, "noProxy");
        perRegistry = Map.copyOf(perRegistry);
        Objects.requireNonNull(origin, "origin");
    }

    /** Every request goes direct. */
    public static ProxyRules direct() {
        return new ProxyRules(Optional.empty(), Optional.empty(), NoProxy.none(), Map.of(), "");
    }

    /**
     * The rules of the environment: the JVM's {@code https.proxyHost}/{@code https.proxyPort},
     * {@code http.proxyHost}/{@code http.proxyPort} and {@code http.nonProxyHosts} when set, else
     * {@code https_proxy}/{@code HTTPS_PROXY}, {@code http_proxy}/{@code HTTP_PROXY} and {@code no_proxy}/{@code NO_PROXY}
     * (the lower-case form wins, as in curl and Go).
     *
     * @throws IllegalArgumentException for a malformed proxy setting, naming it
     */
    public static ProxyRules fromEnvironment(Map<String, String> env, Map<String, String> properties) {
        Optional<HttpProxy> jvmHttps = jvmProxy(properties, "https");
        Optional<HttpProxy> jvmHttp = jvmProxy(properties, "http");
        if (jvmHttps.isPresent() || jvmHttp.isPresent()) {
            return new ProxyRules(
                    jvmHttps,
                    jvmHttp,
                    NoProxy.parseJvm(properties.get("http.nonProxyHosts")),
                    Map.of(),
                    "JVM properties");
        }
        Optional<HttpProxy> https = variable(env, "https_proxy");
        Optional<HttpProxy> http = variable(env, "http_proxy");
        String noProxy = firstSet(env, "no_proxy");
        return new ProxyRules(
                https,
                http,
                NoProxy.parse(noProxy),
                Map.of(),
                https.isPresent() ? name(env, "https_proxy") : http.isPresent() ? name(env, "http_proxy") : "");
    }

    /** These rules with one proxy for both schemes (a policy's top-level {@code proxy}); empty means direct for all. */
    public ProxyRules withGeneral(Optional<HttpProxy> proxy, String where) {
        return new ProxyRules(proxy, proxy, proxy.isPresent() ? noProxy : NoProxy.none(), perRegistry, where);
    }

    /** These rules with a route for one registry: through {@code proxy}, or direct when empty. */
    public ProxyRules withRegistry(String host, Optional<HttpProxy> proxy) {
        Map<String, Optional<HttpProxy>> copy = new HashMap<>(perRegistry);
        copy.put(host.toLowerCase(Locale.ROOT), proxy);
        return new ProxyRules(httpsProxy, httpProxy, noProxy, copy, origin);
    }

    /** The proxy for a request to a {@code scheme} URL made for {@code registry} (host[:port]); empty: direct. */
    public Optional<HttpProxy> select(String registry, String scheme) {
        String key = registry.toLowerCase(Locale.ROOT);
        Optional<HttpProxy> explicit = perRegistry.get(key);
        if (explicit != null) {
            return explicit;
        }
        Optional<HttpProxy> general = "http".equalsIgnoreCase(scheme) ? httpProxy : httpsProxy;
        if (general.isEmpty() || TransportSettings.isLoopback(key)) {
            return Optional.empty();
        }
        String host = TransportSettings.stripPort(key);
        int port = key.length() > host.length()
                ? Integer.parseInt(key.substring(host.length() + 1))
                : "http".equalsIgnoreCase(scheme) ? 80 : 443;
        return noProxy.matches(host, port) ? Optional.empty() : general;
    }

    private static Optional<HttpProxy> variable(Map<String, String> env, String lower) {
        String value = firstSet(env, lower);
        return value == null ? Optional.empty() : Optional.of(HttpProxy.parse(value, name(env, lower)));
    }

    /** The lower-case variable when set and not empty, else the upper-case one. */
    private static String firstSet(Map<String, String> env, String lower) {
        String value = env.get(lower);
        if (value == null || value.isBlank()) {
            value = env.get(lower.toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String name(Map<String, String> env, String lower) {
        String value = env.get(lower);
        return value == null || value.isBlank() ? lower.toUpperCase(Locale.ROOT) : lower;
    }

    private static Optional<HttpProxy> jvmProxy(Map<String, String> properties, String scheme) {
        String host = properties.get(scheme + ".proxyHost");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String port = properties.getOrDefault(scheme + ".proxyPort", "80");
        return Optional.of(HttpProxy.parse("http://" + host.trim() + ":" + port.trim(), scheme + ".proxyHost"));
    }
}

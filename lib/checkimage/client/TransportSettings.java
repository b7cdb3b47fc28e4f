package checkimage.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to reach registries: which hosts may speak plain HTTP, which skip TLS verification, CAs trusted for every
 * host, TLS settings per host, proxies, and connection timeouts. Hosts are compared case-insensitively with their
 * port, as written in references ({@code registry.local:5000}).
 *
 * <p>HTTPS is the default and the JVM trust store is always trusted. Plain HTTP is allowed for hosts listed in
 * {@code plainHttpHosts} and, as Docker does, for loopback hosts; TLS verification is skipped only for hosts
 * listed in {@code skipTlsVerifyHosts} or whose {@link HostTls} says so. {@code caFiles} are trusted for every
 * host; a host's own CAs and client certificate ({@link #tlsFor}) for that host only.
 */
public record TransportSettings(
        Set<String> plainHttpHosts,
        Set<String> skipTlsVerifyHosts,
        List<Path> caFiles,
        Duration connectTimeout,
        Duration readTimeout,
        Map<String, HostTls> hostTls,
        ProxyRules proxies) {

    public TransportSettings {
        plainHttpHosts = lower(plainHttpHosts);
        skipTlsVerifyHosts = lower(skipTlsVerifyHosts);
        caFiles = List.copyOf(caFiles);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        hostTls = Map.copyOf(hostTls);
        Objects.requireNonNull(proxies, "proxies");
    }

    /** Settings without per-host TLS and without proxies. */
    public TransportSettings(
            Set<String> plainHttpHosts,
            Set<String> skipTlsVerifyHosts,
            List<Path> caFiles,
            Duration connectTimeout,
            Duration readTimeout) {
        this(plainHttpHosts, skipTlsVerifyHosts, caFiles, connectTimeout, readTimeout, Map.of(), ProxyRules.direct());
    }

    /** HTTPS with the JVM trust store, direct, 5 s to connect, 10 s per read. */
    public static TransportSettings defaults() {
        return new TransportSettings(Set.of(), Set.of(), List.of(), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public TransportSettings withPlainHttp(String host) {
        return new TransportSettings(
                plus(plainHttpHosts, host), skipTlsVerifyHosts, caFiles, connectTimeout, readTimeout, hostTls, proxies);
    }

    public TransportSettings withSkipTlsVerify(String host) {
        return new TransportSettings(
                plainHttpHosts, plus(skipTlsVerifyHosts, host), caFiles, connectTimeout, readTimeout, hostTls, proxies);
    }

    /** Trusts the CAs of {@code pem} for every host. */
    public TransportSettings withCaFile(Path pem) {
        List<Path> files = new java.util.ArrayList<>(caFiles);
        files.add(pem);
        return new TransportSettings(
                plainHttpHosts, skipTlsVerifyHosts, files, connectTimeout, readTimeout, hostTls, proxies);
    }

    public TransportSettings withTimeouts(Duration connect, Duration read) {
        return new TransportSettings(plainHttpHosts, skipTlsVerifyHosts, caFiles, connect, read, hostTls, proxies);
    }

    /**
     * Adds TLS settings for one host (host[:port] as in references); they combine with what the host has so far
     * by {@link HostTls#overriddenBy}: add them weakest first (certs.d, then a policy).
     */
    public TransportSettings withHostTls(String host, HostTls tls) {
        Map<String, HostTls> copy = new java.util.HashMap<>(hostTls);
        copy.merge(host.toLowerCase(Locale.ROOT), tls, HostTls::overriddenBy);
        return new TransportSettings(
                plainHttpHosts, skipTlsVerifyHosts, caFiles, connectTimeout, readTimeout, copy, proxies);
    }

    public TransportSettings withProxies(ProxyRules rules) {
        return new TransportSettings(
                plainHttpHosts, skipTlsVerifyHosts, caFiles, connectTimeout, readTimeout, hostTls, rules);
    }

    /**
     * The TLS settings of {@code host} (host[:port]): its own, looked up as written and, for port 443, without
     * the port; verification skipped when {@code skipTlsVerifyHosts} lists it. CAs trusted for every host
     * ({@link #caFiles}) are not included.
     */
    public HostTls tlsFor(String host) {
        String key = host.toLowerCase(Locale.ROOT);
        HostTls own = hostTls.get(key);
        if (own == null && key.endsWith(":443")) {
            own = hostTls.get(stripPort(key));
        }
        if (own == null && key.equals(stripPort(key))) {
            own = hostTls.get(key + ":443");
        }
        HostTls tls = own == null ? HostTls.none() : own;
        return skipsTlsVerify(host) && !tls.skipVerify() ? tls.skippingVerification("--skip-tls-verify") : tls;
    }

    /** The proxy for a {@code scheme} request made for {@code registry}; empty means direct. */
    public java.util.Optional<HttpProxy> proxyFor(String registry, String scheme) {
        return proxies.select(registry, scheme);
    }

    /** True when {@code host} may be reached over plain HTTP: listed, or loopback. */
    public boolean allowsPlainHttp(String host) {
        return plainHttpHosts.contains(host.toLowerCase(Locale.ROOT)) || isLoopback(host);
    }

    public boolean skipsTlsVerify(String host) {
        String key = host.toLowerCase(Locale.ROOT);
        HostTls own = hostTls.get(key);
        return skipTlsVerifyHosts.contains(key) || own != null && own.skipVerify();
    }

    /** True for {@code localhost}, {@code 127.0.0.0/8} and {@code [::1]}, with or without a port. */
    public static boolean isLoopback(String host) {
        String name = stripPort(host.toLowerCase(Locale.ROOT));
        if (name.equals("localhost") || name.equals("[::1]") || name.equals("::1")) {
            return true;
        }
        String[] octets = name.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    static String stripPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 || host.indexOf(':') != colon ? host : host.substring(0, colon);
    }

    private static Set<String> lower(Set<String> hosts) {
        return hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> plus(Set<String> hosts, String host) {
        Set<String> copy = new java.util.HashSet<>(hosts);
        copy.add(host.toLowerCase(Locale.ROOT));
        return copy;
    }
}

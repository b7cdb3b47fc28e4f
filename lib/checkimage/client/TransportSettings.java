package checkimage.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to reach registries: which hosts may speak plain HTTP, which skip TLS verification, extra trusted CAs,
 * and connection timeouts. Hosts are compared case-insensitively with their port, as written in references
 * ({@code registry.local:5000}).
 *
 * <p>HTTPS is the default and the JVM trust store is always trusted. Plain HTTP is allowed for hosts listed in
 * {@code plainHttpHosts} and, as Docker does, for loopback hosts; TLS verification is skipped only for hosts
 * listed in {@code skipTlsVerifyHosts}.
 */
public record TransportSettings(Set<String> plainHttpHosts, Set<String> skipTlsVerifyHosts, List<Path> caFiles,
                                Duration connectTimeout, Duration readTimeout) {

    public TransportSettings {
        plainHttpHosts = lower(plainHttpHosts);
        skipTlsVerifyHosts = lower(skipTlsVerifyHosts);
        caFiles = List.copyOf(caFiles);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /** HTTPS with the JVM trust store, 5 s to connect, 10 s per read. */
    public static TransportSettings defaults() {
        return new TransportSettings(Set.of(), Set.of(), List.of(), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public TransportSettings withPlainHttp(String host) {
        return new TransportSettings(plus(plainHttpHosts, host), skipTlsVerifyHosts, caFiles, connectTimeout, readTimeout);
    }

    public TransportSettings withSkipTlsVerify(String host) {
        return new TransportSettings(plainHttpHosts, plus(skipTlsVerifyHosts, host), caFiles, connectTimeout, readTimeout);
    }

    public TransportSettings withCaFile(Path pem) {
        List<Path> files = new java.util.ArrayList<>(caFiles);
        files.add(pem);
        return new TransportSettings(plainHttpHosts, skipTlsVerifyHosts, files, connectTimeout, readTimeout);
    }

    public TransportSettings withTimeouts(Duration connect, Duration read) {
        return new TransportSettings(plainHttpHosts, skipTlsVerifyHosts, caFiles, connect, read);
    }

    /** True when {@code host} may be reached over plain HTTP: listed, or loopback. */
    public boolean allowsPlainHttp(String host) {
        return plainHttpHosts.contains(host.toLowerCase(Locale.ROOT)) || isLoopback(host);
    }

    public boolean skipsTlsVerify(String host) {
        return skipTlsVerifyHosts.contains(host.toLowerCase(Locale.ROOT));
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

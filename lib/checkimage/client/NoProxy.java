package checkimage.client;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hosts that bypass the proxy, read from {@code NO_PROXY} the way Go's {@code golang.org/x/net/http/httpproxy}
 * reads it: a comma-separated list; {@code *} alone matches every host; an IP literal or a CIDR range matches
 * addresses (IP literals in the request only, no DNS); {@code example.com} matches {@code example.com} and its
 * subdomains, {@code .example.com} and {@code *.example.com} its subdomains only; an entry may carry a port
 * ({@code registry.corp:5000}, {@code [::1]:5000}), which must then match too. Matching ignores case.
 * Also takes the JVM's {@code http.nonProxyHosts} form: {@code |}-separated, {@code *} as a wildcard at either end.
 */
public final class NoProxy {

    private sealed interface Entry permits Any, Cidr, Domain, Glob {
        boolean matches(String host, byte[] address, int port);
    }

    private record Any() implements Entry {
        public boolean matches(String host, byte[] address, int port) {
            return true;
        }
    }

    private record Cidr(byte[] network, int prefix, int port) implements Entry {
        public boolean matches(String host, byte[] address, int port) {
            if (address == null || address.length != network.length || this.port >= 0 && this.port != port) {
                return false;
            }
            int bits = address.length * 8;
            BigInteger mask = BigInteger.ONE
                    .shiftLeft(bits)
                    .subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private record Domain(String suffix, boolean alsoItself, int port) implements Entry {
        public boolean matches(String host, byte[] address, int port) {
            boolean named = host.endsWith(suffix) || alsoItself && host.equals(suffix.substring(1));
            return named && (this.port < 0 || this.port == port);
        }
    }

    private record Glob(String pattern) implements Entry {
        public boolean matches(String host, byte[] address, int port) {
            boolean start = pattern.startsWith("*");
            boolean end = pattern.endsWith("*") && pattern.length() > 1;
            String core = pattern.substring(start ? 1 : 0, pattern.length() - (end ? 1 : 0));
            return start && end
                    ? host.contains(core)
                    : start ? host.endsWith(core) : end ? host.startsWith(core) : host.equals(core);
        }
    }

    private static final NoProxy NONE = new NoProxy(List.of(), "");

    private final List<Entry> entries;
    private final String text;

    private NoProxy(List<Entry> entries, String text) {
        this.entries = List.copyOf(entries);
        this.text = text;
    }

    /** Nothing bypasses the proxy. */
    public static NoProxy none() {
        return NONE;
    }

    /** Parses a {@code NO_PROXY} value; malformed entries are skipped, as Go does. */
    public static NoProxy parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        List<Entry> entries = new ArrayList<>();
        for (String raw : value.split(",")) {
            String item = raw.trim().toLowerCase(Locale.ROOT);
            if (item.equals("*")) {
                return new NoProxy(List.of(new Any()), value);
            }
            Entry entry = item.isEmpty() ? null : entry(item);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return new NoProxy(entries, value);
    }

    /** Parses the JVM's {@code http.nonProxyHosts}: {@code |}-separated host globs such as {@code *.corp|localhost}. */
    public static NoProxy parseJvm(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        List<Entry> entries = new ArrayList<>();
        for (String raw : value.split("\\|")) {
            String item = raw.trim().toLowerCase(Locale.ROOT);
            if (item.equals("*")) {
                return new NoProxy(List.of(new Any()), value);
            }
            if (!item.isEmpty()) {
                entries.add(new Glob(item));
            }
        }
        return new NoProxy(entries, value);
    }

    /** True when a request to {@code host} (a name or IP literal, brackets allowed) on {@code port} goes direct. */
    public boolean matches(String host, int port) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        byte[] address = literal(name);
        for (Entry entry : entries) {
            if (!(entry instanceof Domain && address != null) && entry.matches(name, address, port)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static Entry entry(String item) {
        int slash = item.indexOf('/');
        if (slash > 0) {
            byte[] network = literal(item.substring(0, slash));
            String bits = item.substring(slash + 1);
            if (network == null || !bits.matches("\\d{1,3}") || Integer.parseInt(bits) > network.length * 8) {
                return null;
            }
            return new Cidr(network, Integer.parseInt(bits), -1);
        }
        String host = item;
        int port = -1;
        int colon = item.lastIndexOf(':');
        boolean bracketed = item.startsWith("[");
        if (colon > 0 && (bracketed ? item.indexOf(']') == colon - 1 : item.indexOf(':') == colon)) {
            String digits = item.substring(colon + 1);
            if (!digits.matches("\\d{1,5}")) {
                return null;
            }
            port = Integer.parseInt(digits);
            host = item.substring(0, colon);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            return null;
        }
        byte[] address = literal(host);
        if (address != null) {
            return new Cidr(address, address.length * 8, port);
        }
        if (host.startsWith("*.")) {
            host = host.substring(1);
        }
        boolean itself = !host.startsWith(".");
        return new Domain(itself ? "." + host : host, itself, port);
    }

    /** The bytes of an IPv4 or IPv6 literal, or null for a name (never a DNS lookup). */
    static byte[] literal(String text) {
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = text.contains(":") && text.matches("[0-9a-f:.]+");
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            byte[] bytes = new byte[4];
            String[] octets = text.split("\\.");
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(octets[i]);
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}

package checkimage.registries;

import checkimage.reference.ImageReference;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One registry as a runtime file or the policy describes it: registries.conf's {@code [[registry]]}, a containerd
 * {@code hosts.toml}, Docker's {@code registry-mirrors}, or a policy {@code registry(…)} block.
 *
 * @param prefix what it applies to: {@code host}, {@code host/path} (whole path segments) or {@code *.domain}
 * @param location where references under the prefix really live (registries.conf's {@code location}); empty keeps them
 * @param insecure TLS of the registry is not verified
 * @param blocked pulling from it is forbidden
 * @param mirrors tried first, in order
 * @param tls the registry's own CA, client certificate and verification settings
 * @param origin the file (and entry) it comes from, e.g. {@code /etc/containers/registries.conf [[registry]] #2}
 */
public record RegistryEntry(
        String prefix,
        Optional<Location> location,
        boolean insecure,
        boolean blocked,
        List<Mirror> mirrors,
        TlsFiles tls,
        String origin) {

    public RegistryEntry {
        prefix = normalizePrefix(prefix);
        Objects.requireNonNull(location, "location");
        mirrors = List.copyOf(mirrors);
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(origin, "origin");
    }

    /** An entry that only lists mirrors for {@code prefix}. */
    public static RegistryEntry mirrored(String prefix, List<Mirror> mirrors, String origin) {
        return new RegistryEntry(prefix, Optional.empty(), false, false, mirrors, TlsFiles.none(), origin);
    }

    /** True for a {@code *.domain} prefix. */
    public boolean isWildcard() {
        return prefix.startsWith("*.");
    }

    /**
     * How well this entry matches {@code reference}: the length of the matched prefix, or -1 when it does not
     * apply. A prefix matches whole path segments ({@code example.com/foo} matches {@code example.com/foo/bar},
     * not {@code example.com/foobar}); {@code *.example.com} matches hosts below example.com.
     */
    public int matchLength(ImageReference reference) {
        if (isWildcard()) {
            String host = hostWithoutPort(reference.domain());
            return host.endsWith(prefix.substring(1)) ? prefix.length() : -1;
        }
        String name = reference.domain() + "/" + reference.path();
        return name.equals(prefix) || name.startsWith(prefix + "/") ? prefix.length() : -1;
    }

    /** The part of the reference's path below the prefix (empty when the prefix names the whole repository). */
    public String remainder(ImageReference reference) {
        if (isWildcard()) {
            return reference.path();
        }
        String name = reference.domain() + "/" + reference.path();
        return name.length() == prefix.length() ? "" : name.substring(prefix.length() + 1);
    }

    /** Where the reference's registry really is: the location, or the prefix itself (the reference's host for a wildcard). */
    public Location effectiveLocation(ImageReference reference) {
        if (location.isPresent()) {
            return location.get();
        }
        if (isWildcard()) {
            return new Location(reference.domain(), "");
        }
        return Location.parse(prefix);
    }

    /**
     * The prefix as references spell it: lower-case host, Docker Hub's API hosts as {@code docker.io}, no
     * trailing slash.
     */
    static String normalizePrefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("a registry prefix is empty");
        }
        String text = prefix.trim();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        int slash = text.indexOf('/');
        String host = (slash < 0 ? text : text.substring(0, slash)).toLowerCase(Locale.ROOT);
        if (host.equals("registry-1.docker.io") || host.equals("index.docker.io")) {
            host = ImageReference.DOCKER_HUB;
        }
        if (host.startsWith("*") && (!host.startsWith("*.") || slash >= 0 || host.indexOf('*', 1) >= 0)) {
            throw new IllegalArgumentException("wildcard prefix '" + prefix + "' must look like *.example.com");
        }
        return slash < 0 ? host : host + text.substring(slash);
    }

    private static String hostWithoutPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}

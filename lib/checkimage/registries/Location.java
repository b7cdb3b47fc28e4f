package checkimage.registries;

import checkimage.reference.ImageReference;
import checkimage.reference.InvalidReferenceException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a registry or mirror lives: a host (with port) and an optional repository path prefix, as in
 * registries.conf's {@code location = "harbor.corp/dockerhub-proxy"}. A prefix is how Harbor, Artifactory and
 * Nexus serve a proxy project: {@code docker.io/library/nginx} through {@code harbor.corp/dockerhub-proxy} is
 * {@code harbor.corp/dockerhub-proxy/library/nginx}.
 *
 * @param host the registry host as in references, lower case, e.g. {@code harbor.corp:8443}
 * @param path the repository prefix without slashes at either end; empty for none
 */
public record Location(String host, String path) {

    public Location {
        if (host == null || host.isEmpty() || host.contains("/")) {
            throw new IllegalArgumentException("'" + host + "' is not a registry host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals(ImageReference.DOCKER_HUB_API_HOST) || host.equals("index.docker.io")) {
            host = ImageReference.DOCKER_HUB; // references name Docker Hub so; its API host follows from that
        }
        path = path == null ? "" : path;
    }

    /**
     * Reads {@code host[:port][/path]}, or an {@code http(s)://} URL of that shape (the scheme is for the caller:
     * see {@link #isPlainHttpUrl}); a trailing slash is ignored.
     */
    public static Location parse(String text) {
        String rest = text == null ? "" : text.trim();
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
        }
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (host.isEmpty() || path.contains("//") || path.contains("@") || path.contains(":")) {
            throw new IllegalArgumentException("'" + text + "' is not a location like host[:port][/path]");
        }
        return new Location(host, path);
    }

    /** True for an {@code http://} URL: a mirror to be reached over plain HTTP. */
    public static boolean isPlainHttpUrl(String text) {
        return text != null && text.trim().toLowerCase(Locale.ROOT).startsWith("http://");
    }

    /**
     * The reference {@code reference} becomes here, with {@code remainder} (the part of its repository path below
     * the matched prefix, possibly empty) appended to this location's path; empty when that is no valid name.
     */
    public Optional<ImageReference> rewrite(ImageReference reference, String remainder) {
        String path = this.path.isEmpty() ? remainder : remainder.isEmpty() ? this.path : this.path + "/" + remainder;
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String text = host + "/" + path + (reference.tag() == null ? "" : ":" + reference.tag())
                + (reference.digest() == null ? "" : "@" + reference.digest());
        try {
            ImageReference rewritten = ImageReference.parse(text);
            return rewritten.domain().equals(host) ? Optional.of(rewritten) : Optional.empty();
        } catch (InvalidReferenceException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return path.isEmpty() ? host : host + "/" + path;
    }
}

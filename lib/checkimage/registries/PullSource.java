package checkimage.registries;

import checkimage.reference.ImageReference;
import java.util.Objects;
import java.util.Optional;

/**
 * One place to ask for a reference: a mirror (with the repository as the mirror names it) or the registry itself
 * (rewritten when a {@code location} says so).
 *
 * @param reference what to ask for, e.g. {@code harbor.corp/dockerhub-proxy/library/nginx:1.27}
 * @param mirror the mirror, when this is one
 * @param insecure TLS is not verified for this host
 * @param tls this host's CA, client certificate and verification settings
 * @param origin where this source was configured, e.g. {@code registries.conf (/etc/containers/registries.conf)}
 */
public record PullSource(
        ImageReference reference, Optional<Mirror> mirror, boolean insecure, TlsFiles tls, String origin) {

    public PullSource {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(mirror, "mirror");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(origin, "origin");
    }

    /** The registry itself, as referenced, with nothing configured. */
    public static PullSource direct(ImageReference reference) {
        return new PullSource(reference, Optional.empty(), false, TlsFiles.none(), "");
    }

    public boolean isMirror() {
        return mirror.isPresent();
    }

    /** The host requests go to, e.g. {@code registry-1.docker.io} or {@code harbor.corp}. */
    public String host() {
        return reference.registryHost();
    }

    @Override
    public String toString() {
        return (isMirror() ? "mirror " : "")
                + reference.name()
                + (insecure ? " (insecure)" : "")
                + (origin.isEmpty() ? "" : " from " + origin);
    }
}

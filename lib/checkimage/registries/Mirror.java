package checkimage.registries;

import java.util.Objects;

/**
 * One mirror of a registry, tried before it.
 *
 * @param location where the mirror lives, with its repository prefix
 * @param insecure TLS is not verified (and a loopback or {@code http://} mirror may speak plain HTTP)
 * @param plainHttp the mirror was given as an {@code http://} URL
 * @param pullFrom for which references the mirror is used
 * @param tls the mirror's own CA, client certificate and verification settings
 */
public record Mirror(Location location, boolean insecure, boolean plainHttp, PullFrom pullFrom, TlsFiles tls) {

    public Mirror {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(pullFrom, "pullFrom");
        Objects.requireNonNull(tls, "tls");
    }

    /** A mirror for all references, verified TLS. */
    public static Mirror of(Location location) {
        return new Mirror(location, false, false, PullFrom.ALL, TlsFiles.none());
    }

    @Override
    public String toString() {
        return (plainHttp ? "http://" : "")
                + location
                + (pullFrom == PullFrom.ALL ? "" : " (" + pullFrom.word() + ")")
                + (insecure ? " (insecure)" : "")
                + (tls.isEmpty() ? "" : " (" + tls + ")");
    }
}

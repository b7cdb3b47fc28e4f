package checkimage.client;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A client certificate for mutual TLS: a PEM certificate chain and its PEM private key (PKCS#8, as
 * {@code openssl} 3 writes it). {@code origin} says where it was configured, e.g.
 * {@code /etc/docker/certs.d/registry.corp:5000} or {@code policy.groovy, line 4}; the key's content is never shown.
 */
public record ClientCertificate(Path certificate, Path key, String origin) {

    public ClientCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return certificate + " (" + origin + ")";
    }
}

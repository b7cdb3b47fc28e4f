package checkimage.policy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@code registry} block's {@code clientCert 'client.pem', 'client.key'}: the PEM certificate and its PKCS#8
 * key presented to that registry (mutual TLS); absolute paths that existed when the policy loaded.
 */
public record ClientCertFiles(Path certificate, Path key, String origin) {

    public ClientCertFiles {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(origin, "origin");
    }
}

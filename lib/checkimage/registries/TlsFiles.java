package checkimage.registries;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS settings a runtime file gives one host: extra CAs, a client certificate and key (mTLS), or no
 * verification (containerd's {@code ca}, {@code client}, {@code skip_verify}). Paths only: nothing is read here.
 *
 * @param caFiles PEM files of CAs trusted for this host only
 * @param clientCert the client certificate (PEM), if any
 * @param clientKey its key (PEM), if any; never printed beyond its path
 * @param skipVerify do not verify the host's certificate
 */
public record TlsFiles(List<Path> caFiles, Optional<Path> clientCert, Optional<Path> clientKey, boolean skipVerify) {

    public TlsFiles {
        caFiles = List.copyOf(caFiles);
        Objects.requireNonNull(clientCert, "clientCert");
        Objects.requireNonNull(clientKey, "clientKey");
    }

    /** Nothing set. */
    public static TlsFiles none() {
        return new TlsFiles(List.of(), Optional.empty(), Optional.empty(), false);
    }

    public boolean isEmpty() {
        return caFiles.isEmpty() && clientCert.isEmpty() && !skipVerify;
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "default TLS";
        }
        StringBuilder text = new StringBuilder();
        caFiles.forEach(
                ca -> text.append(text.length() == 0 ? "" : ", ").append("CA ").append(ca));
        clientCert.ifPresent(cert -> text.append(text.length() == 0 ? "" : ", ")
                .append("client cert ")
                .append(cert));
        if (skipVerify) {
            text.append(text.length() == 0 ? "" : ", ").append("TLS not verified");
        }
        return text.toString();
    }
}

package checkimage.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The TLS settings of one registry host (host[:port] as in references): CA certificates trusted for that host
 * only (besides the JVM trust store and the CAs every host trusts), a client certificate to present, and
 * whether verification is skipped. Every request made for that registry (ping, token realm, manifests,
 * redirects) uses them, as Docker and the containers tools do with {@code certs.d/<host>/}.
 *
 * <p>Built from {@code certs.d} directories ({@link CertsDirectories}), a policy's {@code registry(…)} block,
 * or, later, a containerd {@code hosts.toml} ({@code ca}, {@code client}, {@code skip_verify}); combined with
 * {@link #overriddenBy}.
 *
 * @param caFiles PEM bundles trusted for this host
 * @param clientCertificate the certificate presented when the server asks for one
 * @param skipVerify do not verify the server's certificate or host name
 * @param sources where the settings came from, for {@code -v}
 */
public record HostTls(
        List<Path> caFiles, Optional<ClientCertificate> clientCertificate, boolean skipVerify, List<String> sources) {

    public HostTls {
        caFiles = List.copyOf(new LinkedHashSet<>(caFiles));
        Objects.requireNonNull(clientCertificate, "clientCertificate");
        sources = List.copyOf(new LinkedHashSet<>(sources));
    }

    /** Nothing beyond the defaults. */
    public static HostTls none() {
        return new HostTls(List.of(), Optional.empty(), false, List.of());
    }

    public static HostTls ofCaFiles(List<Path> caFiles, String source) {
        return new HostTls(caFiles, Optional.empty(), false, List.of(source));
    }

    public static HostTls ofClientCertificate(ClientCertificate certificate) {
        return new HostTls(List.of(), Optional.of(certificate), false, List.of(certificate.origin()));
    }

    /**
     * These settings combined with {@code stronger} ones: CA files add up, {@code stronger}'s client certificate
     * replaces this one's, and skipping verification sticks once either asks for it.
     */
    public HostTls overriddenBy(HostTls stronger) {
        List<Path> cas = new ArrayList<>(caFiles);
        cas.addAll(stronger.caFiles);
        List<String> all = new ArrayList<>(sources);
        all.addAll(stronger.sources);
        return new HostTls(
                cas,
                stronger.clientCertificate.isPresent() ? stronger.clientCertificate : clientCertificate,
                skipVerify || stronger.skipVerify,
                all);
    }

    /** These settings with verification skipped. */
    public HostTls skippingVerification(String source) {
        return overriddenBy(new HostTls(List.of(), Optional.empty(), true, List.of(source)));
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        caFiles.forEach(ca -> parts.add("CA " + ca));
        clientCertificate.ifPresent(cert -> parts.add("client certificate " + cert.certificate()));
        if (skipVerify) {
            parts.add("TLS verification skipped");
        }
        return (parts.isEmpty() ? "default trust" : String.join(", ", parts))
                + (sources.isEmpty() ? "" : " from " + String.join(", ", sources));
    }
}

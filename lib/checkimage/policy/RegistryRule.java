package checkimage.policy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code registry('host') { ... }} block: how to reach the registries whose host matches.
 *
 * @param host the host pattern, e.g. {@code ghcr.io} or {@code *.dkr.ecr.*.amazonaws.com}
 * @param mirrors pull-through mirrors to try first, in order ({@code http} or {@code https} URLs)
 * @param plainHttp speak plain HTTP to this registry instead of HTTPS
 * @param skipTlsVerify do not verify its TLS certificate
 * @param caFiles extra CA certificates (PEM) to trust for it; absolute paths that existed at load time
 * @param credentials its credential chain; empty means the policy's default chain
 * @param origin where the block starts, e.g. {@code policy.groovy, line 2}
 * @param proxy its proxy or {@code noProxy()}; empty: the general rules
 * @param clientCert the client certificate presented to it
 * @param rate its request pace ({@code limits { rate '10/s' }}), if any
 */
public record RegistryRule(
        HostPattern host,
        List<URI> mirrors,
        boolean plainHttp,
        boolean skipTlsVerify,
        List<Path> caFiles,
        List<CredentialSpec> credentials,
        String origin,
        Optional<ProxySetting> proxy,
        Optional<ClientCertFiles> clientCert,
        Optional<RequestRate> rate) {

    public RegistryRule {
        Objects.requireNonNull(host, "host");
        mirrors = List.copyOf(mirrors);
        caFiles = List.copyOf(caFiles);
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(clientCert, "clientCert");
        Objects.requireNonNull(rate, "rate");
    }

    /** A block without proxy, client certificate or pace settings. */
    public RegistryRule(
            HostPattern host,
            List<URI> mirrors,
            boolean plainHttp,
            boolean skipTlsVerify,
            List<Path> caFiles,
            List<CredentialSpec> credentials,
            String origin) {
        this(
                host,
                mirrors,
                plainHttp,
                skipTlsVerify,
                caFiles,
                credentials,
                origin,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** True when this block applies to {@code host} (as in {@code ImageReference.domain()}). */
    public boolean matches(String host) {
        return this.host.matches(host);
    }
}

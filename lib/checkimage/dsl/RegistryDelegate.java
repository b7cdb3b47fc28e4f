package checkimage.dsl;

import checkimage.policy.ClientCertFiles;
import checkimage.policy.CredentialSpec;
import checkimage.policy.HostPattern;
import checkimage.policy.RegistryRule;
import checkimage.policy.RequestRate;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A {@code registry('host') { ... }} block. Builds a {@link RegistryRule}. */
public final class RegistryDelegate extends BlockDelegate {

    private final HostPattern host;
    private final String origin;
    private final List<URI> mirrors = new ArrayList<>();
    private final List<Path> caFiles = new ArrayList<>();
    private List<CredentialSpec> credentials = List.of();
    private boolean plainHttp;
    private boolean skipTlsVerify;
    private final ProxyChoice proxy = new ProxyChoice();
    private ClientCertFiles clientCert;
    private java.util.Optional<RequestRate> rate = java.util.Optional.empty();

    RegistryDelegate(ScriptContext context, String where, HostPattern host, String origin) {
        super(context, where);
        this.host = host;
        this.origin = origin;
    }

    /** Pull-through mirrors to try before the registry, in order, e.g. {@code mirror 'https://mirror.corp.example:5000'}. */
    @Keyword("URLs like 'https://mirror.example.com'")
    public void mirror(String... urls) {
        if (urls == null || urls.length == 0) {
            throw wrongArguments("mirror", (Object[]) urls);
        }
        for (String url : urls) {
            mirrors.add(mirrorUrl(url));
        }
    }

    /** Speak plain HTTP to this registry instead of HTTPS. */
    @Keyword(Keyword.NO_ARGUMENTS)
    public void plainHttp() {
        plainHttp = true;
    }

    /** Do not verify this registry's TLS certificate (prefer {@code caFile}). */
    @Keyword(Keyword.NO_ARGUMENTS)
    public void skipTlsVerify() {
        skipTlsVerify = true;
    }

    /** Also trust the CA certificates in this PEM file for this registry; relative to the policy file. */
    @Keyword("a PEM file path like 'corp-ca.pem'")
    public void caFile(String path) {
        if (path == null || path.isEmpty()) {
            throw wrongArguments("caFile", path);
        }
        caFiles.add(context.existingFile("caFile", path));
    }

    /** This registry's credential chain, used instead of the default one. */
    @Keyword("a block, like credentials { helper 'ecr-login' }")
    public void credentials(
            @DelegatesTo(value = CredentialsDelegate.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        requireBlock("credentials", body);
        once("credentials");
        credentials = run(body, new CredentialsDelegate(context, nestedWhere(where(), "credentials", null)))
                .build();
    }

    /** Reach this registry (its token realm and redirects too) through this HTTP proxy, e.g. {@code proxy 'http://user:pass@proxy.corp:3128'}. */
    @Keyword("a URL like 'http://proxy.corp:3128'")
    public void proxy(String url) {
        once("proxy");
        proxy.through(url, context.origin());
    }

    /** Reach this registry (its token realm and redirects too) directly, whatever the environment's proxy settings. */
    @Keyword(Keyword.NO_ARGUMENTS)
    public void noProxy() {
        once("noProxy");
        proxy.direct(context.origin());
    }

    /** Present this client certificate (PEM) and PKCS#8 key to this registry; relative to the policy file. */
    @Keyword("a certificate and a key file, like clientCert 'client.pem', 'client.key'")
    public void clientCert(String certificate, String key) {
        once("clientCert");
        if (certificate == null || certificate.isEmpty() || key == null || key.isEmpty()) {
            throw wrongArguments("clientCert", certificate, key);
        }
        clientCert = new ClientCertFiles(
                context.existingFile("clientCert", certificate),
                context.existingFile("clientCert", key),
                context.origin());
    }

    /** This registry's limits, e.g. {@code limits { rate '10/s' }}. */
    @Keyword("a block, like limits { rate '10/s' }")
    public void limits(
            @DelegatesTo(value = RegistryLimitsDelegate.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        requireBlock("limits", body);
        once("limits");
        rate = run(body, new RegistryLimitsDelegate(context, nestedWhere(where(), "limits", null)))
                .build();
    }

    RegistryRule build() {
        return new RegistryRule(
                host,
                mirrors,
                plainHttp,
                skipTlsVerify,
                caFiles,
                credentials,
                origin,
                proxy.setting(),
                java.util.Optional.ofNullable(clientCert),
                rate);
    }

    private URI mirrorUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw wrongArguments("mirror", url);
        }
        if (uri.getRawUserInfo() != null) {
            throw new ScriptProblem("a mirror URL cannot carry credentials; give them in a credentials block");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean fits = (scheme.equals("https") || scheme.equals("http"))
                && uri.getHost() != null
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null;
        if (!fits) {
            throw wrongArguments("mirror", url);
        }
        return uri;
    }
}

package checkimage.cli;

import checkimage.client.CertsDirectories;
import checkimage.client.ClientCertificate;
import checkimage.client.HostTls;
import checkimage.client.HttpProxy;
import checkimage.client.ImageCheckerBuilder;
import checkimage.client.ProxyRules;
import checkimage.credentials.Environment;
import checkimage.policy.Policy;
import checkimage.policy.ProxySetting;
import checkimage.policy.RegistryRule;
import checkimage.reference.ImageReference;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proxies and TLS per host for a run, combined in the documented order, strongest first: command-line flags
 * ({@code --skip-tls-verify}; {@code --ca-file} adds CAs for every host), the policy (its top-level
 * {@code proxy}/{@code noProxy()}, and per registry {@code proxy}, {@code noProxy()}, {@code caFile},
 * {@code clientCert}, which also apply to that block's mirrors), certs.d directories ({@code --certs-dir} or the
 * defaults), then the environment ({@code https.proxyHost} and friends, else {@code HTTPS_PROXY},
 * {@code HTTP_PROXY}, {@code NO_PROXY}) and the JVM trust store. CAs add up; for everything else the stronger
 * setting wins.
 */
final class NetworkSettings {

    private NetworkSettings() {}

    static void configure(
            ImageCheckerBuilder builder,
            CheckImageCommand command,
            Terminal terminal,
            Policy policy,
            Collection<ImageReference> references,
            Map<String, HostTls> runtimeTls) {
        Environment environment = Environment.of(terminal.env(), Path.of(System.getProperty("user.home")));
        List<Path> dirs = command.certsDirs.isEmpty() ? CertsDirectories.defaults(environment) : command.certsDirs;
        for (Map.Entry<String, HostTls> entry : CertsDirectories.read(dirs).entrySet()) {
            builder.hostTls(entry.getKey(), entry.getValue());
        }
        // the runtime's files (hosts.toml) are stronger than certs.d, weaker than the policy
        runtimeTls.forEach(builder::hostTls);
        ProxyRules proxies = ProxyRules.fromEnvironment(terminal.env(), terminal.properties());
        if (policy != null) {
            proxies = applyPolicy(builder, policy, references, proxies);
        }
        builder.proxies(proxies);
    }

    private static ProxyRules applyPolicy(
            ImageCheckerBuilder builder, Policy policy, Collection<ImageReference> references, ProxyRules environment) {
        ProxyRules rules = environment;
        if (policy.proxy().isPresent()) {
            ProxySetting general = policy.proxy().get();
            rules = rules.withGeneral(proxy(general), general.origin());
        }
        Set<String> hosts = new LinkedHashSet<>();
        references.forEach(r -> hosts.add(r.domain()));
        for (String host : hosts) {
            Optional<RegistryRule> found = policy.registryFor(host);
            if (found.isEmpty()) {
                continue;
            }
            RegistryRule rule = found.get();
            Set<String> reached = new LinkedHashSet<>();
            reached.add(host);
            rule.mirrors().forEach(mirror -> reached.add(mirror.getAuthority().toLowerCase(java.util.Locale.ROOT)));
            for (String target : reached) {
                if (!rule.caFiles().isEmpty()) {
                    builder.hostTls(target, HostTls.ofCaFiles(rule.caFiles(), "policy (" + rule.origin() + ")"));
                }
                if (rule.clientCert().isPresent()) {
                    var files = rule.clientCert().get();
                    builder.hostTls(
                            target,
                            HostTls.ofClientCertificate(new ClientCertificate(
                                    files.certificate(), files.key(), "policy (" + files.origin() + ")")));
                }
                if (rule.proxy().isPresent()) {
                    rules = rules.withRegistry(target, proxy(rule.proxy().get()));
                }
            }
        }
        return rules;
    }

    private static Optional<HttpProxy> proxy(ProxySetting setting) {
        Optional<URI> url = setting.url();
        return url.map(u -> HttpProxy.parse(u.toString(), "proxy (" + setting.origin() + ")"));
    }
}

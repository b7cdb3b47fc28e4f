package checkimage.cli;

import checkimage.client.ClientCertificate;
import checkimage.client.HostTls;
import checkimage.client.ImageCheckerBuilder;
import checkimage.credentials.Environment;
import checkimage.nodeconfig.ContainerdHosts;
import checkimage.nodeconfig.DockerDaemonConfig;
import checkimage.nodeconfig.RegistriesConf;
import checkimage.nodeconfig.RegistriesConfFiles;
import checkimage.policy.Policy;
import checkimage.policy.RequestRate;
import checkimage.reference.ImageReference;
import checkimage.registries.PullSource;
import checkimage.registries.RegistryLayer;
import checkimage.registries.RegistryRoutes;
import checkimage.registries.Route;
import checkimage.registries.TlsFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runtime's registry configuration for one run, in the documented order (policy first, then
 * {@code --registries-conf}, {@code --containerd-hosts}, {@code --docker-daemon-config}): where each reference is
 * pulled from, the transport settings of the hosts involved, request paces, and what -v says about it.
 */
final class RuntimeRegistries {

    static final Path SYSTEM_CONTAINERS = Path.of("/etc/containers");

    private RuntimeRegistries() {}

    /** The file layers (the policy's mirrors are added by the builder on top). */
    static RegistryRoutes load(CheckImageCommand command, Environment environment, PrintStream err) {
        List<RegistryLayer> layers = new ArrayList<>();
        if (!"none".equals(command.registriesConf)) {
            List<Path> files = command.registriesConf == null
                    ? RegistriesConfFiles.locate(environment, SYSTEM_CONTAINERS)
                    : List.of(existing(Path.of(command.registriesConf), "--registries-conf"));
            if (!files.isEmpty()) {
                layers.add(RegistriesConf.read(files));
            }
        }
        if (command.containerdHosts != null) {
            layers.add(
                    ContainerdHosts.read(command.containerdHosts, note -> err.println("check-image: note: " + note)));
        }
        if (command.dockerDaemonConfig != null) {
            layers.add(DockerDaemonConfig.read(
                    existing(command.dockerDaemonConfig, "--docker-daemon-config"),
                    note -> err.println("check-image: note: " + note)));
        }
        return new RegistryRoutes(layers);
    }

    /** The policy's mirrors for the registries of these references, as the top layer. */
    static RegistryRoutes withPolicy(RegistryRoutes routes, Policy policy, Collection<ImageReference> references) {
        if (policy == null) {
            return routes;
        }
        List<checkimage.registries.RegistryEntry> entries = new ArrayList<>();
        Set<String> hosts = new LinkedHashSet<>();
        references.forEach(r -> hosts.add(r.domain()));
        for (String host : hosts) {
            policy.registryFor(host).filter(rule -> !rule.mirrors().isEmpty()).ifPresent(rule -> {
                List<checkimage.registries.Mirror> mirrors = new ArrayList<>();
                for (java.net.URI uri : rule.mirrors()) {
                    String path = uri.getPath() == null ? "" : uri.getPath();
                    mirrors.add(new checkimage.registries.Mirror(
                            checkimage.registries.Location.parse(uri.getAuthority() + path),
                            false,
                            "http".equalsIgnoreCase(uri.getScheme()),
                            checkimage.registries.PullFrom.ALL,
                            checkimage.registries.TlsFiles.none()));
                }
                entries.add(checkimage.registries.RegistryEntry.mirrored(host, mirrors, "policy " + rule.origin()));
            });
        }
        return entries.isEmpty() ? routes : routes.withTop(new RegistryLayer("policy", entries));
    }

    private static Path existing(Path file, String flag) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new UsageException(flag + " " + file + ": no such file");
        }
        return file;
    }

    /**
     * The CA files and client certificates the runtime's files (containerd {@code hosts.toml} {@code ca} and
     * {@code client}) give the hosts these references are pulled from, by host; CAs of one host add up.
     */
    static Map<String, HostTls> hostTls(RegistryRoutes routes, Collection<ImageReference> references) {
        Map<String, HostTls> tls = new LinkedHashMap<>();
        for (ImageReference reference : references) {
            for (PullSource source : routes.route(reference).sources()) {
                TlsFiles files = source.tls();
                if (files.caFiles().isEmpty() && files.clientCert().isEmpty()) {
                    continue;
                }
                String origin = source.origin().isEmpty() ? "containerd hosts.toml" : source.origin();
                HostTls host = new HostTls(
                        files.caFiles(),
                        files.clientCert()
                                .map(cert -> new ClientCertificate(
                                        cert, files.clientKey().orElse(cert), origin)),
                        false,
                        List.of(origin));
                tls.merge(source.reference().registryHost(), host, HostTls::overriddenBy);
            }
        }
        return tls;
    }

    /** Insecure and plain-HTTP hosts of the sources these references use; a skipped verification is warned about. */
    static void configureHosts(
            ImageCheckerBuilder builder,
            RegistryRoutes routes,
            Collection<ImageReference> references,
            PrintStream err) {
        Set<String> warned = new LinkedHashSet<>();
        for (ImageReference reference : references) {
            for (PullSource source : routes.route(reference).sources()) {
                String host = source.reference().domain();
                if (source.mirror().map(m -> m.plainHttp()).orElse(false)) {
                    builder.plainHttp(host);
                }
                if ((source.insecure() || source.tls().skipVerify()) && warned.add(host)) {
                    err.println("check-image: warning: TLS certificates of " + host + " are not verified ("
                            + source.origin() + ")");
                    builder.skipTlsVerify(host);
                }
            }
        }
        builder.routes(routes);
    }

    /** {@code --rate HOST=N/s} flags, over the policy's per-registry {@code limits { rate … }}. */
    static void configureRates(
            ImageCheckerBuilder builder, List<String> flags, Policy policy, Collection<ImageReference> references) {
        Map<String, Double> rates = new LinkedHashMap<>();
        if (policy != null) {
            for (ImageReference reference : references) {
                policy.registryFor(reference.domain())
                        .flatMap(rule -> rule.rate())
                        .ifPresent(rate -> rates.put(reference.domain(), rate.perSecond()));
            }
        }
        for (String flag : flags) {
            int equals = flag.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--rate '" + flag + "' is not like HOST=10/s");
            }
            try {
                rates.put(
                        flag.substring(0, equals).trim(),
                        RequestRate.parse(flag.substring(equals + 1)).perSecond());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--rate " + e.getMessage());
            }
        }
        rates.forEach(builder::rate);
    }

    /** -v: for each registry of these references, where its images come from and from which file. */
    static void explain(RegistryRoutes routes, Collection<ImageReference> references, PrintStream err) {
        Map<String, ImageReference> firstPerRegistry = new LinkedHashMap<>();
        references.forEach(r -> firstPerRegistry.putIfAbsent(r.domain(), r));
        routes.layers().stream()
                .filter(l -> !l.unqualifiedSearch().isEmpty())
                .findFirst()
                .ifPresent(l -> err.println("check-image: unqualified-search-registries " + l.unqualifiedSearch()
                        + " are not used: short names stay on docker.io, as Docker and the kubelet resolve them"));
        for (ImageReference reference : firstPerRegistry.values()) {
            Route route = routes.route(reference);
            if (route.sources().size() == 1
                    && !route.isBlocked()
                    && route.origin().origin().isEmpty()) {
                continue;
            }
            err.println("check-image: registry " + reference.domain() + ":");
            routes.explain(reference).forEach(line -> err.println("  " + line));
        }
    }

    /** -v: the policy's CA files of each registry of the run, with the block they come from. */
    static void explainPolicyTrust(Policy policy, Collection<ImageReference> references, PrintStream err) {
        if (policy == null) {
            return;
        }
        Set<String> hosts = new LinkedHashSet<>();
        references.forEach(r -> hosts.add(r.domain()));
        for (String host : hosts) {
            policy.registryFor(host)
                    .filter(rule -> !rule.caFiles().isEmpty())
                    .ifPresent(rule -> err.println("check-image: registry " + host + ": CA files " + rule.caFiles()
                            + " (policy " + rule.origin() + ")"));
        }
    }
}

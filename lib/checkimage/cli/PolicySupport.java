package checkimage.cli;

import checkimage.client.ImageCheckerBuilder;
import checkimage.client.RetryPolicy;
import checkimage.credentials.ContainersAuthSource;
import checkimage.credentials.Credential;
import checkimage.credentials.CredentialChain;
import checkimage.credentials.CredentialHelpers;
import checkimage.credentials.CredentialSource;
import checkimage.credentials.DockerConfigSource;
import checkimage.credentials.Environment;
import checkimage.dsl.PolicyLoader;
import checkimage.policy.CredentialSpec;
import checkimage.policy.Limits;
import checkimage.policy.Policy;
import checkimage.policy.RegistryRule;
import checkimage.reference.ImageReference;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Applies a loaded policy to a run: per-registry transport settings and mirrors, platforms, limits (flags given on
 * the command line win) and credentials. The only class of the CLI that touches the DSL, so Groovy is loaded only
 * when {@code --policy} is given.
 */
final class PolicySupport {

    private PolicySupport() {}

    static Policy load(Path file, Map<String, String> env) {
        return new PolicyLoader().load(file, env);
    }

    /**
     * Registry settings for every host these references use; a skipped TLS verification is warned about. CA files
     * and proxies are per host: see {@link NetworkSettings}.
     */
    static void configureRegistries(
            ImageCheckerBuilder builder, Policy policy, Collection<ImageReference> references, PrintStream err) {
        Set<String> hosts = new LinkedHashSet<>();
        references.forEach(r -> hosts.add(r.domain()));
        for (String host : hosts) {
            RegistryRule rule = policy.registryFor(host).orElse(null);
            if (rule == null) {
                continue;
            }
            // mirrors: RuntimeRegistries puts them in the top layer of the routes, where -v can show them
            if (rule.plainHttp()) {
                builder.plainHttp(host);
            }
            if (rule.skipTlsVerify()) {
                err.println("check-image: warning: TLS certificates of " + host + " are not verified (" + rule.origin()
                        + ")");
                builder.skipTlsVerify(host);
            }
        }
    }

    /** Platforms and limits from the policy where the command line did not set them. */
    static void configureDefaults(
            ImageCheckerBuilder builder, Policy policy, boolean platformsGiven, Predicate<String> flagGiven) {
        if (!platformsGiven) {
            builder.platforms(policy.platforms());
        }
        Limits limits = policy.limits();
        if (!flagGiven.test("--concurrency")) {
            limits.concurrency().ifPresent(builder::concurrency);
        }
        if (!flagGiven.test("--per-registry")) {
            limits.perRegistry().ifPresent(builder::perRegistry);
        }
        if (!flagGiven.test("--timeout")) {
            limits.timeout().ifPresent(builder::timeout);
        }
        RetryPolicy defaults = RetryPolicy.defaults();
        limits.retries()
                .ifPresent(n -> builder.retry(new RetryPolicy(n + 1, defaults.baseDelay(), defaults.maxDelay())));
    }

    /**
     * Explicit credentials first; then, for a registry the policy gives credentials (its own or the default chain),
     * that chain; else the standard chain.
     */
    static CredentialSource credentials(
            Policy policy,
            CredentialSource explicit,
            CredentialSource standard,
            Environment environment,
            CredentialHelpers helpers) {
        Map<List<CredentialSpec>, CredentialSource> chains = new ConcurrentHashMap<>();
        return (registry, repository) -> {
            Credential given = explicit.lookup(registry, repository);
            if (!(given instanceof Credential.Anonymous)) {
                return given;
            }
            List<CredentialSpec> specs = policy.credentialsFor(registry);
            if (specs.isEmpty()) {
                return standard.lookup(registry, repository);
            }
            return chains.computeIfAbsent(specs, s -> chain(s, environment, helpers))
                    .lookup(registry, repository);
        };
    }

    private static CredentialSource chain(
            List<CredentialSpec> specs, Environment environment, CredentialHelpers helpers) {
        List<CredentialSource> sources = new ArrayList<>();
        for (CredentialSpec spec : specs) {
            sources.add(source(spec, environment, helpers));
        }
        return new CredentialChain(sources);
    }

    private static CredentialSource source(CredentialSpec spec, Environment environment, CredentialHelpers helpers) {
        return switch (spec.kind()) {
            case ENV -> {
                Credential credential = ((CredentialSpec.Env) spec).credential();
                yield (registry, repository) -> credential;
            }
            case HELPER -> {
                String name = ((CredentialSpec.Helper) spec).name();
                String source = "policy helper " + name + " (" + spec.origin() + ")";
                yield (registry, repository) ->
                        helpers.helper(name).get(registry, source).orElse(Credential.anonymous());
            }
            case DOCKER_CONFIG -> DockerConfigSource.load(environment, helpers);
            case PODMAN_AUTH -> ContainersAuthSource.load(environment, helpers);
            case AUTH_FILE ->
                ContainersAuthSource.authFile(
                        ((CredentialSpec.AuthFile) spec).path(), "policy (" + spec.origin() + ")", helpers);
        };
    }
}

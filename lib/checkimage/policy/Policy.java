package checkimage.policy;

import checkimage.reference.ImageReference;
import checkimage.reference.Platform;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded policy: immutable data, no Groovy. The DSL ({@code checkimage.dsl}) builds it; the command line
 * and the engine consume it.
 *
 * @param source the policy's file name, e.g. {@code policy.groovy}
 * @param registries {@code registry} blocks, in file order; hosts are distinct
 * @param credentials the default credential chain, for registries without their own; empty means the
 *     command line's default chain
 * @param rules {@code allow}, {@code deny} and {@code block} rules, in file order
 * @param tags the {@code tags} block
 * @param platforms platforms every image must offer; empty means no requirement
 * @param onUnknown what an unknown check result means
 * @param limits concurrency, per-registry concurrency, timeout, retries
 * @param proxy the top-level {@code proxy} or {@code noProxy()}, replacing the environment's proxies; empty: none given
 * @param rulebook {@code image}, {@code match} and {@code warn} blocks, waivers, deprecated registries
 */
public record Policy(
        String source,
        List<RegistryRule> registries,
        List<CredentialSpec> credentials,
        List<Rule> rules,
        TagRules tags,
        List<Platform> platforms,
        OnUnknown onUnknown,
        Limits limits,
        Optional<ProxySetting> proxy,
        Rulebook rulebook) {

    public Policy {
        Objects.requireNonNull(source, "source");
        registries = List.copyOf(registries);
        credentials = List.copyOf(credentials);
        rules = List.copyOf(rules);
        Objects.requireNonNull(tags, "tags");
        platforms = List.copyOf(platforms);
        Objects.requireNonNull(onUnknown, "onUnknown");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(rulebook, "rulebook");
        Set<HostPattern> hosts = new HashSet<>();
        for (RegistryRule registry : registries) {
            if (!hosts.add(registry.host())) {
                throw new IllegalArgumentException("registry '" + registry.host() + "' is given twice");
            }
        }
    }

    /** A policy without a top-level proxy, image, match or warn blocks, waivers or deprecations. */
    public Policy(
            String source,
            List<RegistryRule> registries,
            List<CredentialSpec> credentials,
            List<Rule> rules,
            TagRules tags,
            List<Platform> platforms,
            OnUnknown onUnknown,
            Limits limits) {
        this(
                source,
                registries,
                credentials,
                rules,
                tags,
                platforms,
                onUnknown,
                limits,
                Optional.empty(),
                Rulebook.none());
    }

    /** A policy with no rules and no settings: everything allowed, best effort. */
    public static Policy empty(String source) {
        return new Policy(
                source, List.of(), List.of(), List.of(), TagRules.none(), List.of(), OnUnknown.PASS, Limits.none());
    }

    /** The rules of one kind, in file order. */
    public List<Rule> rules(Rule.Kind kind) {
        return rules.stream().filter(rule -> rule.kind() == kind).toList();
    }

    /**
     * The registry block for {@code host} (as in {@code ImageReference.domain()}): a block naming exactly that
     * host wins, else the first wildcard block that matches, in file order.
     */
    public Optional<RegistryRule> registryFor(String host) {
        Optional<RegistryRule> exact = registries.stream()
                .filter(r -> !r.host().isWildcard() && r.matches(host))
                .findFirst();
        return exact.isPresent()
                ? exact
                : registries.stream().filter(r -> r.matches(host)).findFirst();
    }

    /** The credential chain for {@code host}: its registry block's, else the default chain (maybe empty). */
    public List<CredentialSpec> credentialsFor(String host) {
        return registryFor(host)
                .map(RegistryRule::credentials)
                .filter(chain -> !chain.isEmpty())
                .orElse(credentials);
    }

    /** The verdict of the rules that need no registry, waivers judged by today's UTC date; see {@link PolicyEvaluator}. */
    public Verdict evaluate(ImageReference reference) {
        return new PolicyEvaluator(this).evaluate(reference);
    }

    /** The image rules (denying or warning) that apply to {@code reference}; empty means its config is never read. */
    public List<ImageRule> imageRulesFor(ImageReference reference) {
        return rulebook.imageRulesFor(reference);
    }
}

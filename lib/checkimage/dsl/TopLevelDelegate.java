package checkimage.dsl;

import checkimage.policy.CredentialSpec;
import checkimage.policy.Deprecation;
import checkimage.policy.HostPattern;
import checkimage.policy.InvalidPatternException;
import checkimage.policy.Limits;
import checkimage.policy.OnUnknown;
import checkimage.policy.Policy;
import checkimage.policy.RegistryRule;
import checkimage.policy.Rule;
import checkimage.policy.Rulebook;
import checkimage.policy.ScopedRules;
import checkimage.policy.TagRules;
import checkimage.policy.Waiver;
import checkimage.reference.Platform;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The top level of a policy file; {@link PolicyScript} sends every call here. Builds the {@link Policy}. */
public final class TopLevelDelegate extends BlockDelegate {

    private static final String PATTERNS = "reference patterns like 'docker.io/library/*'";

    private final Map<HostPattern, RegistryRule> registries = new LinkedHashMap<>();
    private final Map<HostPattern, Integer> registryLines = new HashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Set<Platform> platforms = new LinkedHashSet<>();
    private List<CredentialSpec> credentials = List.of();
    private TagRules tags = TagRules.none();
    private OnUnknown onUnknown = OnUnknown.PASS;
    private Limits limits = Limits.none();
    private final ProxyChoice proxy = new ProxyChoice();
    private final List<ScopedRules> scoped = new ArrayList<>();
    private final List<Waiver> waivers = new ArrayList<>();
    private final List<Deprecation> deprecations = new ArrayList<>();

    TopLevelDelegate(ScriptContext context) {
        super(context, "");
    }

    /** How to reach the registries whose host matches {@code host}: mirrors, TLS, credentials. */
    @Keyword("a host and a block, like registry('ghcr.io') { ... }")
    public void registry(
            String host,
            @DelegatesTo(value = RegistryDelegate.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        requireBlock("registry", body, host);
        HostPattern pattern;
        try {
            pattern = HostPattern.parse(host);
        } catch (InvalidPatternException e) {
            throw new ScriptProblem("invalid host '" + host + "' in registry: " + e.reason());
        }
        Integer first = registryLines.putIfAbsent(pattern, context.line());
        if (first != null) {
            throw new ScriptProblem("registry '" + host + "' is given twice (first at line " + first + ")");
        }
        registries.put(
                pattern,
                run(
                                body,
                                new RegistryDelegate(
                                        context, nestedWhere(where(), "registry", host), pattern, context.origin()))
                        .build());
    }

    /** The default credential chain, for registries without their own {@code credentials} block. */
    @Keyword("a block, like credentials { dockerConfig() }")
    public void credentials(
            @DelegatesTo(value = CredentialsDelegate.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        requireBlock("credentials", body);
        once("credentials");
        credentials = run(body, new CredentialsDelegate(context, nestedWhere(where(), "credentials", null)))
                .build();
    }

    /** Allows references matching any pattern; once any allow exists, a reference none matches is not allowed. */
    @Keyword(PATTERNS)
    public void allow(String... patterns) {
        add(Rule.Kind.ALLOW, patterns);
    }

    /** Denies references matching any pattern, whatever allows them. */
    @Keyword(PATTERNS)
    public void deny(String... patterns) {
        add(Rule.Kind.DENY, patterns);
    }

    /** Blocks references matching any pattern, before deny and allow; {@code block 'quay.io'} blocks a registry. */
    @Keyword(PATTERNS)
    public void block(String... patterns) {
        add(Rule.Kind.BLOCK, patterns);
    }

    /** Rules on tags: forbidden tags, a required digest. */
    @Keyword("a block, like tags { forbid 'latest' }")
    public void tags(@DelegatesTo(value = TagsDelegate.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        requireBlock("tags", body);
        once("tags");
        tags = run(body, new TagsDelegate(context, nestedWhere(where(), "tags", null)))
                .build();
    }

    /** Platforms every image must offer, e.g. {@code platforms 'linux/amd64', 'linux/arm64'}. */
    @Keyword("strings like 'linux/amd64'")
    public void platforms(String... values) {
        if (values == null
                || values.length == 0
                || java.util.Arrays.asList(values).contains(null)) {
            throw wrongArguments("platforms", (Object[]) values);
        }
        for (String value : values) {
            try {
                platforms.add(Platform.parse(value));
            } catch (IllegalArgumentException e) {
                throw new ScriptProblem(e.getMessage());
            }
        }
    }

    /** What an unknown result (network, rate limit, server trouble) means: {@code 'pass'} (the default) or {@code 'fail'}. */
    @Keyword("'fail' or 'pass'")
    public void onUnknown(String value) {
        once("onUnknown");
        for (OnUnknown candidate : OnUnknown.values()) {
            if (candidate.keyword().equals(value)) {
                onUnknown = candidate;
                return;
            }
        }
        throw new ScriptProblem("unknown value '" + value + "' for onUnknown; expected one of: fail, pass");
    }

    /** Concurrency, per-registry concurrency, timeout per image and retries. */
    @Keyword("a block, like limits { concurrency 16 }")
    public void limits(@DelegatesTo(value = LimitsDelegate.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        requireBlock("limits", body);
        once("limits");
        limits = run(body, new LimitsDelegate(context, nestedWhere(where(), "limits", null)))
                .build();
    }

    /** Reach every registry without its own setting through this HTTP proxy, e.g. {@code proxy 'http://user:pass@proxy.corp:3128'}. */
    @Keyword("a URL like 'http://proxy.corp:3128'")
    public void proxy(String url) {
        once("proxy");
        proxy.through(url, context.origin());
    }

    /** Reach every registry without its own setting directly, whatever the environment's proxy settings. */
    @Keyword(Keyword.NO_ARGUMENTS)
    public void noProxy() {
        once("noProxy");
        proxy.direct(context.origin());
    }

    /** Rules on the image itself (its config and manifest), for every reference. */
    @Keyword("a block, like image { maxAge '180d' }")
    public void image(@DelegatesTo(value = ImageDelegate.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        requireBlock("image", body);
        String origin = context.origin();
        scoped.add(new ScopedRules(
                ScopedRules.Severity.DENY,
                List.of(),
                TagRules.none(),
                run(body, new ImageDelegate(context, nestedWhere(where(), "image", null)))
                        .build(),
                origin));
    }

    /** Tag and image rules for the references matching any pattern: {@code match('ghcr.io/acme/**') { ... }}. */
    @Keyword("reference patterns and a block, like match('ghcr.io/acme/**') { ... }")
    public void match(@DelegatesTo(value = MatchDelegate.class, strategy = Closure.DELEGATE_ONLY) Object... arguments) {
        scoped.add(Scopes.match(this, "match", arguments, ScopedRules.Severity.DENY));
    }

    /** Rules that warn instead of deny: {@code warn { image { requireLabel '...' } }}. */
    @Keyword("a block, like warn { image { requireLabel 'org.opencontainers.image.licenses' } }")
    public void warn(@DelegatesTo(value = WarnDelegate.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        requireBlock("warn", body);
        scoped.addAll(run(body, new WarnDelegate(context, nestedWhere(where(), "warn", null)))
                .build());
    }

    /** Until a date, rules that would deny matching references only warn: {@code waive 'x/*', until: '2027-03-31', reason: 'OPS-1'}. */
    @Keyword("a reference pattern with until: 'YYYY-MM-DD' and reason: '...'")
    public void waive(Map<String, Object> named, String pattern) {
        Map<String, String> values = NamedArguments.read("waive", named, List.of("until", "reason"));
        String origin = context.origin();
        String until = values.get("until");
        String reason = values.get("reason");
        if (until == null || reason == null || reason.isBlank()) {
            throw new ScriptProblem(
                    "waive '" + pattern + "' needs " + (until == null ? "until: 'YYYY-MM-DD'" : "reason: '...'")
                            + "; every waiver is dated and explained, like waive '" + pattern
                            + "', until: '2027-03-31', reason: 'OPS-1234'");
        }
        checkimage.policy.ReferenceGlob glob = ReferenceGlobs.compile("waive", pattern);
        java.time.LocalDate date;
        try {
            date = checkimage.policy.PolicyValues.date(until);
        } catch (IllegalArgumentException e) {
            throw new ScriptProblem("invalid date '" + until + "' in waive '" + pattern + "'; expected "
                    + checkimage.policy.PolicyValues.DATE_FORMS);
        }
        waivers.add(new Waiver(glob, date, reason, origin));
    }

    /** {@code waive 'x'} without until and reason. */
    @Keyword("a reference pattern with until: 'YYYY-MM-DD' and reason: '...'")
    public void waive(String pattern) {
        waive(Map.of(), pattern);
    }

    /** References matching the pattern are denied, with a hint: {@code deprecated 'k8s.gcr.io', use: 'registry.k8s.io'}. */
    @Keyword("a reference pattern with use: 'its replacement'")
    public void deprecated(Map<String, Object> named, String pattern) {
        Map<String, String> values = NamedArguments.read("deprecated", named, List.of("use"));
        if (values.get("use") == null || values.get("use").isBlank()) {
            throw new ScriptProblem("deprecated '" + pattern + "' needs use: '...', the replacement to name");
        }
        deprecations.add(
                new Deprecation(ReferenceGlobs.compile("deprecated", pattern), values.get("use"), context.origin()));
    }

    /** {@code deprecated 'x'} without use. */
    @Keyword("a reference pattern with use: 'its replacement'")
    public void deprecated(String pattern) {
        deprecated(Map.of(), pattern);
    }

    Policy build() {
        return new Policy(
                context.fileName(),
                List.copyOf(registries.values()),
                credentials,
                rules,
                tags,
                List.copyOf(platforms),
                onUnknown,
                limits,
                proxy.setting(),
                new Rulebook(scoped, waivers, deprecations));
    }

    private void add(Rule.Kind kind, String[] patterns) {
        if (patterns == null || patterns.length == 0) {
            throw wrongArguments(kind.keyword(), (Object[]) patterns);
        }
        String origin = context.origin();
        for (String pattern : patterns) {
            try {
                rules.add(Rule.of(kind, pattern, origin));
            } catch (InvalidPatternException e) {
                throw new ScriptProblem("invalid pattern '" + pattern + "' in " + kind.keyword() + ": " + e.reason());
            }
        }
    }
}

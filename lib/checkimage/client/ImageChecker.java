package checkimage.client;

import checkimage.auth.Challenge;
import checkimage.credentials.Credential;
import checkimage.credentials.CredentialException;
import checkimage.credentials.CredentialSource;
import checkimage.policy.Policy;
import checkimage.reference.ImageReference;
import checkimage.reference.InvalidReferenceException;
import checkimage.reference.Platform;
import checkimage.registries.PullSource;
import checkimage.registries.Route;
import checkimage.result.Cause;
import checkimage.result.CheckOutcome;
import checkimage.result.CheckResult;
import checkimage.result.RegistryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "can this image be pulled?" for one reference or many, speaking the registry v2 protocol the way
 * go-containerregistry's transport narrates it:
 * <ol>
 *   <li>ping {@code GET /v2/} once per registry ({@link Pinger}); 200 means no authentication, 401 carries the
 *       challenges, of which a Bearer one with a realm is preferred over Basic;</li>
 *   <li>ask the {@link CredentialSource} for the repository's credential (anonymous when none);</li>
 *   <li>Basic: send the credential; Bearer: fetch a token for {@code repository:<path>:pull} from the realm, with
 *       the credential as Basic (or an identity token by OAuth2 POST), and cache it ({@link Authenticator});</li>
 *   <li>{@code HEAD /v2/<path>/manifests/<tag|digest>} with OCI and Docker Accept types ({@link ManifestProber});
 *       a 401 whose challenge says {@code insufficient_scope} or {@code invalid_token} fetches one fresh token
 *       and tries once more;</li>
 *   <li>read the answer into a {@link CheckOutcome} ({@link ManifestInspector}): digest, media type and size,
 *       verified digests, required platforms, or why not;</li>
 *   <li>built with a {@link Policy} whose image rules apply to the reference, and the image found: read its
 *       manifest and config blob and judge the rules ({@link ImageRuleStep}); the
 *       result's {@link CheckResult#findings()} carry the denial and the warnings. An image that cannot be read
 *       for its rules is unknown, never denied. A reference the policy's reference rules refuse is not checked.</li>
 * </ol>
 * Batches run concurrently with a per-registry bound, share the token cache and the connection pool, check each
 * distinct reference once and return results in input order. A checker is cheap to keep in a JShell session:
 * close it when done.
 *
 * <pre>{@code
 * try (var checker = ImageChecker.builder().build()) {
 *     System.out.println(checker.check("nginx:1.27"));
 * }
 * }</pre>
 */
public final class ImageChecker implements AutoCloseable {

    private final CheckerOptions options;
    private final Transport transport;
    private final RequestStats stats = new RequestStats();
    private final RegistryTally tally = new RegistryTally();
    private final Pinger pinger;
    private final Authenticator authenticator;
    private final ManifestProber prober;
    private final ManifestInspector inspector;
    private final BatchRunner batches;
    private final CredentialSource credentials;
    private final TokenBroker tokens;
    private final ImageRuleStep imageRules;

    ImageChecker(CheckerOptions options, Transport transport) {
        this(options, transport, null);
    }

    ImageChecker(CheckerOptions options, Transport transport, Policy policy) {
        this.options = options;
        this.transport = transport;
        RequestSender.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
        Transport observed =
                new ObservedTransport(transport, new RequestPacer(options.pace(), options.clock(), sleeper), tally);
        RequestSender sender = new RequestSender(
                observed, options.retry(), stats, options.listener(), sleeper, new java.util.SplittableRandom());
        this.pinger = new Pinger(sender, options.transport());
        this.credentials = new MemoizedCredentials(options.credentials());
        this.tokens = new TokenBroker(
                new TokenFetcher(sender, options.clock()),
                pinger,
                credentials,
                options.clock(),
                options.tokenBatch(),
                options.timeout());
        this.authenticator = new Authenticator(tokens);
        this.prober = new ManifestProber(sender);
        this.inspector = new ManifestInspector(prober, new PlatformVerifier(prober));
        this.imageRules =
                policy == null ? null : new ImageRuleStep(policy, prober, options.clock(), options.platforms());
        this.batches = new BatchRunner(options.concurrency(), options.perRegistry());
    }

    /** A builder with HTTPS, the JVM trust store, anonymous access and the default limits. */
    public static ImageCheckerBuilder builder() {
        return new ImageCheckerBuilder();
    }

    /** Checks one reference as written ({@code "nginx"}, {@code "ghcr.io/acme/app@sha256:…"}). */
    public CheckResult check(String input) {
        return checkAll(List.of(input)).get(0);
    }

    public CheckResult check(ImageReference reference) {
        return run(reference, reference.toString());
    }

    /** Checks references, each distinct one once, concurrently; the results are in input order. */
    public List<CheckResult> check(List<ImageReference> references) {
        return checkAll(references.stream().map(ImageReference::toString).toList());
    }

    /** Checks inputs as written; an input that is no reference gives an invalid-reference result, without a request. */
    public List<CheckResult> checkAll(List<String> inputs) {
        Map<String, ImageReference> unique = new LinkedHashMap<>();
        List<Object> parsed = new ArrayList<>();
        for (String input : inputs) {
            try {
                ImageReference reference = ImageReference.parse(input);
                unique.putIfAbsent(reference.toString(), reference);
                parsed.add(reference);
            } catch (InvalidReferenceException e) {
                parsed.add(new CheckResult(
                        input, new CheckOutcome.InvalidReference(input, e.getMessage()), "", Duration.ZERO));
            }
        }
        prefetchTokens(unique.values());
        Map<String, CheckResult> done =
                batches.run(unique.values(), ImageReference::registryHost, r -> run(r, r.toString()));
        tokens.rethrowUnreported();
        List<CheckResult> results = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Object item = parsed.get(i);
            results.add(
                    item instanceof CheckResult invalid ? invalid : relabel(done.get(item.toString()), inputs.get(i)));
        }
        return results;
    }

    /** How many pings, token, manifest and blob requests this checker has made so far. */
    public RequestStats stats() {
        return stats;
    }

    /** Per registry host: requests sent so far and the rate limit it reported, if any. */
    public List<RegistryUsage> registryUsage() {
        return tally.usage();
    }

    @Override
    public void close() {
        batches.close();
        transport.close();
        tokens.close();
    }

    /** The token broker, for specs. */
    TokenBroker tokens() {
        return tokens;
    }

    /** Starts the batched token requests of every registry with more than one reference; they run meanwhile. */
    private void prefetchTokens(java.util.Collection<ImageReference> references) {
        Map<String, List<ImageReference>> byRegistry = new LinkedHashMap<>();
        for (ImageReference reference : references) {
            // where the routes send it; a mirrored reference is left to its mirrors, which may well serve it
            Route route = options.routes().route(reference);
            if (route.sources().size() == 1 && !route.isBlocked()) {
                ImageReference target = route.origin().reference();
                byRegistry
                        .computeIfAbsent(target.registryHost(), h -> new ArrayList<>())
                        .add(target);
            }
        }
        byRegistry.values().forEach(tokens::prefetch);
    }

    /**
     * Mirrors first, in order, then the registry itself (both as the routes say, paths and rewrites included):
     * the first accessible mirror wins, otherwise the registry's own answer stands.
     */
    private CheckResult run(ImageReference reference, String input) {
        long start = System.nanoTime();
        Optional<CheckResult> refused = imageRules == null ? Optional.empty() : imageRules.refused(reference, input);
        if (refused.isPresent()) {
            return refused.get();
        }
        Route route = options.routes().route(reference);
        for (PullSource source : route.sources()) {
            if (!source.isMirror()) {
                continue;
            }
            CheckResult mirrored = runAt(source.reference(), reference, input);
            options.listener()
                    .onStep(
                            reference,
                            "mirror " + source.reference().name() + ": "
                                    + mirrored.outcome().reason());
            if (mirrored.outcome() instanceof CheckOutcome.Accessible found) {
                CheckOutcome accessible = new CheckOutcome.Accessible(
                        reference, found.digest(), found.mediaType(), found.size(), found.platforms());
                return new CheckResult(
                        input,
                        accessible,
                        mirrored.credentialSource(),
                        Duration.ofNanos(System.nanoTime() - start),
                        source.host(),
                        source.reference().path(),
                        mirrored.proxy(),
                        mirrored.findings());
            }
        }
        ImageReference target = route.origin().reference();
        CheckResult direct = runAt(target, reference, input);
        CheckOutcome outcome = direct.outcome() instanceof CheckOutcome.Accessible found && !target.equals(reference)
                ? new CheckOutcome.Accessible(
                        reference, found.digest(), found.mediaType(), found.size(), found.platforms())
                : direct.outcome();
        return new CheckResult(
                input,
                outcome,
                direct.credentialSource(),
                Duration.ofNanos(System.nanoTime() - start),
                direct.endpoint(),
                target.path(),
                direct.proxy(),
                direct.findings());
    }

    /** Checks {@code reference} (the image itself or its mirror); image rules are judged for {@code judged}. */
    private CheckResult runAt(ImageReference reference, ImageReference judged, String input) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.after(options.timeout());
        Credential credential;
        try {
            credential = credentials.lookup(reference.domain(), reference.path());
        } catch (CredentialException e) {
            CheckOutcome failed =
                    new CheckOutcome.Unknown(reference, Cause.CREDENTIALS, e.getMessage(), null, List.of());
            return new CheckResult(input, failed, "", Duration.ofNanos(System.nanoTime() - start));
        }
        ImageRuleStep.Judged checked;
        try {
            checked = handshake(reference, judged, credential, deadline);
        } catch (CheckAbort abort) {
            checked = new ImageRuleStep.Judged(abort.toOutcome(reference), List.of());
        } catch (TransportException e) {
            checked = new ImageRuleStep.Judged(
                    new CheckOutcome.Unknown(reference, e.kind(), e.getMessage(), null, List.of()), List.of());
        }
        CheckOutcome outcome = checked.outcome();
        if (options.listener().listens()) {
            options.listener().onStep(reference, "result: " + outcome.reason());
        }
        return new CheckResult(
                input,
                outcome,
                credential.source(),
                Duration.ofNanos(System.nanoTime() - start),
                reference.registryHost(),
                reference.path(),
                proxyOf(reference.registryHost()),
                checked.findings());
    }

    /** The proxy the registry's requests go through ({@code http://host:port}), empty when direct. */
    private String proxyOf(String registry) {
        boolean plain = options.transport().plainHttpHosts().contains(registry.toLowerCase(java.util.Locale.ROOT));
        return options.transport()
                .proxyFor(registry, plain ? "http" : "https")
                .map(HttpProxy::toString)
                .orElse("");
    }

    private ImageRuleStep.Judged handshake(
            ImageReference reference, ImageReference judged, Credential credential, Deadline deadline)
            throws CheckAbort, TransportException {
        if (options.listener().listens()) {
            String registry = reference.registryHost();
            String proxy = proxyOf(registry);
            options.listener()
                    .onStep(
                            reference,
                            "route to " + registry + ": " + (proxy.isEmpty() ? "direct" : "through proxy " + proxy)
                                    + "; TLS: " + options.transport().tlsFor(registry)
                                    + (options.transport().caFiles().isEmpty()
                                            ? ""
                                            : " + --ca-file "
                                                    + options.transport().caFiles()));
        }
        RegistrySession session = pinger.session(reference.registryHost(), deadline);
        if (options.listener().listens()) {
            options.listener().onStep(reference, "credential: " + credential);
        }
        Authorization auth = authenticator.authorize(reference, session, credential, deadline);
        RegistryResponse head = prober.head(reference, session, auth, deadline);
        Optional<Challenge> retry = authenticator.refusal(head, auth);
        if (retry.isPresent()) {
            options.listener()
                    .onStep(reference, "token refused (" + retry.get().error().orElse("") + "); fetching a fresh one");
            auth = authenticator.reauthorize(reference, session, retry.get(), credential, deadline);
            head = prober.head(reference, session, auth, deadline);
        }
        CheckOutcome outcome =
                inspector.inspect(reference, session, auth, credential.toString(), head, options.platforms(), deadline);
        if (imageRules == null || !(outcome instanceof CheckOutcome.Accessible found)) {
            return new ImageRuleStep.Judged(outcome, List.of());
        }
        return imageRules.judge(reference, judged, found, session, auth, deadline);
    }

    private static CheckResult relabel(CheckResult result, String input) {
        return result.input().equals(input)
                ? result
                : new CheckResult(
                        input,
                        result.outcome(),
                        result.credentialSource(),
                        result.elapsed(),
                        result.endpoint(),
                        result.endpointRepository(),
                        result.proxy(),
                        result.findings());
    }

    @Override
    public String toString() {
        return "ImageChecker[" + options.concurrency() + " at once, " + options.perRegistry()
                + " per registry, timeout "
                + options.timeout().toMillis() + " ms"
                + (options.platforms().isEmpty() ? "" : ", platforms " + options.platforms())
                + "; so far " + stats + "]";
    }

    /** The options this checker was built with (platforms, limits), for reports. */
    public List<Platform> requiredPlatforms() {
        return options.platforms();
    }
}

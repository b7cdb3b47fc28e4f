package checkimage.client;

import checkimage.credentials.CredentialSource;
import checkimage.policy.Policy;
import checkimage.reference.Platform;
import checkimage.registries.Location;
import checkimage.registries.Mirror;
import checkimage.registries.RegistryEntry;
import checkimage.registries.RegistryLayer;
import checkimage.registries.RegistryRoutes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds an {@link ImageChecker}. Defaults: HTTPS with the JVM trust store, anonymous credentials, 30 s per
 * image, 16 checks at once and 8 per registry, three tries for 429/502/503/504 and resets.
 */
public final class ImageCheckerBuilder {

    private CredentialSource credentials = CredentialSource.anonymous();
    private TransportSettings transport = TransportSettings.defaults();
    private RetryPolicy retry = RetryPolicy.defaults();
    private Duration timeout = Duration.ofSeconds(30);
    private int concurrency = DEFAULT_CONCURRENCY;
    private int perRegistry = DEFAULT_PER_REGISTRY;
    private int tokenBatch = DEFAULT_TOKEN_BATCH;
    private final List<Platform> platforms = new ArrayList<>();
    private final java.util.Map<String, List<Mirror>> mirrors = new java.util.LinkedHashMap<>();
    private RegistryRoutes routes = RegistryRoutes.none();
    private RequestPace pace = RequestPace.none();
    private CheckListener listener = CheckListener.silent();
    private Clock clock = Clock.systemUTC();
    private Function<TransportSettings, Transport> transportFactory;
    private Policy policy;

    /** Repositories per token request when a batch prefetches tokens; see the README's benchmark for the choice. */
    public static final int DEFAULT_TOKEN_BATCH = 50;

    /**
     * Checks at once, in all and per registry (HTTP/2 streams on one connection, or up to that many HTTP/1.1
     * connections). scripts/bench measured 8, 16 and 32 per registry within its noise at 200 images; 8 stays
     * the polite default, {@code --per-registry} raises it.
     */
    public static final int DEFAULT_CONCURRENCY = 16;

    public static final int DEFAULT_PER_REGISTRY = 8;

    ImageCheckerBuilder() {}

    /** Where credentials come from; anonymous by default. */
    public ImageCheckerBuilder credentials(CredentialSource source) {
        this.credentials = source;
        return this;
    }

    /** All transport settings at once (plain-HTTP hosts, TLS, CA files, connection timeouts). */
    public ImageCheckerBuilder transport(TransportSettings settings) {
        this.transport = settings;
        return this;
    }

    /** Allows plain HTTP for {@code host} (with port, as in references). */
    public ImageCheckerBuilder plainHttp(String host) {
        this.transport = transport.withPlainHttp(host);
        return this;
    }

    /** Skips TLS certificate and host name verification for {@code host}. Dangerous; say so to the user. */
    public ImageCheckerBuilder skipTlsVerify(String host) {
        this.transport = transport.withSkipTlsVerify(host);
        return this;
    }

    /**
     * Trusts the CA certificates in a PEM file for every host, besides the JVM trust store. The file is read now: a missing or
     * malformed one is an {@link IllegalArgumentException} naming it.
     */
    public ImageCheckerBuilder caFile(Path pem) {
        checkCaFile(pem);
        this.transport = transport.withCaFile(pem);
        return this;
    }

    private static void checkCaFile(Path pem) {
        try {
            TrustMaterial.readCertificates(pem);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(
                    e instanceof java.nio.file.NoSuchFileException
                            ? "CA file " + pem + ": no such file"
                            : e.getMessage());
        }
    }

    /**
     * TLS settings for one registry host (host[:port] as in references): CAs trusted for it only, a client
     * certificate, skipping verification. Settings given for one host combine by {@link HostTls#overriddenBy}:
     * give the weakest first (certs.d, then a policy). The files are read now: a missing or malformed one is an
     * {@link IllegalArgumentException} naming it (never showing a key).
     */
    public ImageCheckerBuilder hostTls(String host, HostTls tls) {
        for (Path ca : tls.caFiles()) {
            checkCaFile(ca);
        }
        tls.clientCertificate().ifPresent(KeyMaterial::check);
        this.transport = transport.withHostTls(host, tls);
        return this;
    }

    /** Which proxy carries each registry's requests; direct by default. */
    public ImageCheckerBuilder proxies(ProxyRules rules) {
        this.transport = transport.withProxies(rules);
        return this;
    }

    /** The overall deadline for one image, retries included. */
    public ImageCheckerBuilder timeout(Duration perImage) {
        this.timeout = perImage;
        return this;
    }

    public ImageCheckerBuilder connectTimeouts(Duration connect, Duration read) {
        this.transport = transport.withTimeouts(connect, read);
        return this;
    }

    /** How many images are checked at once, in all. */
    public ImageCheckerBuilder concurrency(int checks) {
        this.concurrency = checks;
        return this;
    }

    /** How many images of one registry are checked at once. */
    public ImageCheckerBuilder perRegistry(int checks) {
        this.perRegistry = checks;
        return this;
    }

    /** How many repositories one token request may ask for in a batch; 1 turns prefetching off. */
    public ImageCheckerBuilder tokenBatch(int scopesPerRequest) {
        this.tokenBatch = scopesPerRequest;
        return this;
    }

    public ImageCheckerBuilder retry(RetryPolicy policy) {
        this.retry = policy;
        return this;
    }

    /** Requires the image to exist for a platform, e.g. {@code linux/amd64}; repeatable. */
    public ImageCheckerBuilder platform(String platform) {
        this.platforms.add(Platform.parse(platform));
        return this;
    }

    public ImageCheckerBuilder platforms(List<Platform> required) {
        this.platforms.addAll(required);
        return this;
    }

    /**
     * Tries {@code mirror} (a pull-through mirror, e.g. {@code https://mirror.corp.example:5000}) before
     * {@code registry} (as in references, {@code docker.io}); mirrors are tried in the order added and the registry
     * itself last. A path is a repository prefix: through {@code https://harbor.corp/dockerhub-proxy},
     * {@code docker.io/library/nginx} is asked as {@code harbor.corp/dockerhub-proxy/library/nginx}. An
     * {@code http://} mirror is reached over plain HTTP. These mirrors win over those of {@link #routes}.
     */
    public ImageCheckerBuilder mirror(String registry, java.net.URI mirror) {
        if (mirror.getHost() == null
                || !("https".equalsIgnoreCase(mirror.getScheme()) || "http".equalsIgnoreCase(mirror.getScheme()))) {
            throw new IllegalArgumentException("mirror '" + mirror + "' is not an http(s) URL with a host");
        }
        String path = mirror.getPath() == null ? "" : mirror.getPath();
        Location location = Location.parse(mirror.getAuthority() + path);
        boolean plain = "http".equalsIgnoreCase(mirror.getScheme());
        mirrors.computeIfAbsent(registry, r -> new ArrayList<>())
                .add(new Mirror(
                        location,
                        false,
                        plain,
                        checkimage.registries.PullFrom.ALL,
                        checkimage.registries.TlsFiles.none()));
        if (plain) {
            plainHttp(location.host());
        }
        return this;
    }

    /**
     * Where references are pulled from: rewrites, mirrors, blocked registries from the runtime's files (see
     * {@link RegistryRoutes}). Transport settings of the hosts involved (insecure, TLS) are the caller's to give.
     */
    public ImageCheckerBuilder routes(RegistryRoutes registryRoutes) {
        this.routes = registryRoutes;
        return this;
    }

    /** Sends {@code host} at most {@code perSecond} requests a second (a token bucket on the {@link #clock}). */
    public ImageCheckerBuilder rate(String host, double perSecond) {
        this.pace = pace.with(host, perSecond);
        return this;
    }

    /** Hears each handshake step (for -v); never given secrets. */
    public ImageCheckerBuilder listener(CheckListener stepListener) {
        this.listener = stepListener;
        return this;
    }

    public ImageCheckerBuilder clock(Clock tokenClock) {
        this.clock = tokenClock;
        return this;
    }

    /** Replaces the HTTP transport (fault-injection tests). */
    public ImageCheckerBuilder transportFactory(Function<TransportSettings, Transport> factory) {
        this.transportFactory = factory;
        return this;
    }

    /**
     * Applies a policy's rules in every check: a reference its reference rules refuse is not checked, and its
     * image rules are judged on the image found ({@link checkimage.result.CheckResult#findings()}). Registry
     * settings, platforms and limits of the policy are not applied here; the command line does that.
     */
    public ImageCheckerBuilder policy(Policy rules) {
        this.policy = rules;
        return this;
    }

    public ImageChecker build() {
        RegistryRoutes all = routes;
        if (!mirrors.isEmpty()) {
            List<RegistryEntry> entries = new ArrayList<>();
            mirrors.forEach((registry, list) -> entries.add(RegistryEntry.mirrored(registry, list, "")));
            all = all.withTop(new RegistryLayer("policy", entries));
        }
        CheckerOptions options = new CheckerOptions(
                credentials,
                transport,
                retry,
                timeout,
                concurrency,
                perRegistry,
                tokenBatch,
                platforms,
                all,
                pace,
                listener,
                clock);
        Transport wire = transportFactory != null
                ? transportFactory.apply(transport)
                : new HttpClientTransport(transport, Math.max(perRegistry, 2));
        return new ImageChecker(options, wire, policy);
    }
}

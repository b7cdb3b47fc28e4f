package checkimage.client;

import checkimage.result.Cause;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP transport: Apache HttpClient 5's async client with a pooled connection manager, HTTP/2 over
 * TLS where the registry offers it by ALPN and HTTP/1.1 keep-alive otherwise. Redirects, retries, cookies and
 * authentication caching are all off: the handshake decides each of them itself.
 *
 * <p>Each request is made for a registry and takes that registry's route ({@link Route}): its proxy (a
 * {@code CONNECT} tunnel for https, an absolute-URI request for http; proxy credentials answer the proxy's 407
 * challenge) and its TLS material (the CAs trusted for every host, the registry's own and the connected host's
 * own CAs, a client certificate). One client per distinct route, built when first used, so a run that needs no
 * TLS never sets TLS up and hosts with the same settings share connections. The Authorization secret and the
 * proxy password are revealed here, when the request is sent, and nowhere else.
 */
public final class HttpClientTransport implements Transport {

    static final String USER_AGENT = "check-image/0.1";

    /** What one client is built for: trust and key material, and the proxy (empty: direct). */
    record Route(
            List<Path> caFiles,
            Optional<ClientCertificate> clientCertificate,
            boolean skipVerify,
            Optional<HttpProxy> proxy) {}

    /** A started client and the key manager that knows whether a server asked for a client certificate. */
    private record RouteClient(Route route, CloseableHttpAsyncClient client, KeyMaterial keys) {}

    private final TransportSettings settings;
    private final int maxConnections;
    private final ConcurrentHashMap<Route, RouteClient> clients = new ConcurrentHashMap<>();

    public HttpClientTransport(TransportSettings settings, int maxConnections) {
        this.settings = settings;
        this.maxConnections = Math.max(2, maxConnections);
    }

    @Override
    public RegistryResponse send(RegistryRequest request, Deadline deadline) throws TransportException {
        return send(request.uri().getAuthority(), request, deadline);
    }

    @Override
    public RegistryResponse send(String registry, RegistryRequest request, Deadline deadline)
            throws TransportException {
        if (deadline.isExpired()) {
            throw new TransportException(
                    Cause.TIMEOUT, "deadline passed before " + request.method() + " " + request.uri());
        }
        Duration read = deadline.cap(settings.readTimeout());
        SimpleHttpRequest http = build(request, read);
        RouteClient route = clientFor(route(registry, request.uri()));
        Future<RegistryResponse> future = route.client()
                .execute(
                        SimpleRequestProducer.create(http),
                        new BoundedBodyConsumer(request.maxBody(), request.uri()),
                        null);
        RegistryResponse response;
        try {
            response = future.get(deadline.remaining().toMillis() + 1, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TransportException(
                    Cause.TIMEOUT,
                    "no answer from " + request.uri().getAuthority() + " before the deadline"
                            + route.route()
                                    .proxy()
                                    .map(p -> " (through proxy " + p + ")")
                                    .orElse(""));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(
                    Cause.TIMEOUT,
                    "interrupted while waiting for " + request.uri().getAuthority());
        } catch (ExecutionException e) {
            throw TransportFailures.classify(
                    request, registry, route.route(), route.keys(), e.getCause() == null ? e : e.getCause());
        }
        if (response.status() == 407 && route.route().proxy().isPresent()) {
            throw TransportFailures.proxyAuthentication(route.route().proxy().get(), registry, request);
        }
        return response;
    }

    /** The route of a request to {@code target} made for {@code registry}. */
    Route route(String registry, java.net.URI target) {
        String connected = target.getAuthority();
        HostTls tls = settings.tlsFor(registry);
        if (!connected.equalsIgnoreCase(registry)) {
            tls = tls.overriddenBy(settings.tlsFor(connected));
        }
        List<Path> cas = new ArrayList<>(settings.caFiles());
        cas.addAll(tls.caFiles());
        return new Route(
                List.copyOf(new java.util.LinkedHashSet<>(cas)),
                tls.clientCertificate(),
                settings.skipsTlsVerify(connected),
                settings.proxyFor(registry, target.getScheme()));
    }

    private SimpleHttpRequest build(RegistryRequest request, Duration read) {
        SimpleRequestBuilder builder =
                SimpleRequestBuilder.create(request.method()).setUri(request.uri());
        builder.setHeader("User-Agent", USER_AGENT);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.setHeader(header.getKey(), header.getValue());
        }
        if (request.authorization() != null) {
            builder.setHeader("Authorization", request.authorization().revealForHeader());
        }
        if (request.formBody() != null) {
            builder.setBody(request.formBody().revealForHeader(), ContentType.APPLICATION_FORM_URLENCODED);
        }
        builder.setRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(read.isZero() ? Duration.ofMillis(1) : read))
                .setRedirectsEnabled(false)
                .build());
        return builder.build();
    }

    /** The client of a route, started on first use. */
    private RouteClient clientFor(Route route) {
        RouteClient existing = clients.get(route);
        return existing != null ? existing : clients.computeIfAbsent(route, this::start);
    }

    private RouteClient start(Route route) {
        KeyMaterial keys = KeyMaterial.of(route.clientCertificate());
        SSLContext context =
                route.skipVerify() ? TrustMaterial.trustingAll(keys) : TrustMaterial.verifying(route.caFiles(), keys);
        CloseableHttpAsyncClient client = create(settings, maxConnections, context, route.skipVerify(), route.proxy());
        client.start();
        return new RouteClient(route, client, keys);
    }

    /** The client of {@link #start}, direct, built but not started ({@link TransportPreloader} builds one to throw away). */
    static CloseableHttpAsyncClient create(
            TransportSettings settings, int maxConnections, SSLContext sslContext, boolean skipHostnameCheck) {
        return create(settings, maxConnections, sslContext, skipHostnameCheck, Optional.empty());
    }

    private static CloseableHttpAsyncClient create(
            TransportSettings settings,
            int maxConnections,
            SSLContext sslContext,
            boolean skipHostnameCheck,
            Optional<HttpProxy> proxy) {
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create().setSslContext(sslContext);
        if (skipHostnameCheck) {
            tls.setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        }
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setTlsStrategy(tls.buildAsync())
                        .setDefaultTlsConfig(TlsConfig.custom()
                                .setVersionPolicy(HttpVersionPolicy.NEGOTIATE)
                                .setHandshakeTimeout(Timeout.of(settings.connectTimeout()))
                                .build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                                .build())
                        .setMessageMultiplexing(true)
                        .setMaxConnTotal(maxConnections * 4)
                        .setMaxConnPerRoute(maxConnections)
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(USER_AGENT);
        proxy.ifPresent(p -> {
            builder.setProxy(new HttpHost("http", p.host(), p.port()));
            // answers only the proxy's own challenge (407); a registry's 401 stays the handshake's business
            builder.setDefaultCredentialsProvider((scope, context) -> p.hasCredentials() && isProxy(scope, p)
                    ? new UsernamePasswordCredentials(
                            p.username().orElseThrow(),
                            p.password().revealForHeader().toCharArray())
                    : null);
        });
        if (proxy.isEmpty()) {
            builder.setDefaultCredentialsProvider((scope, context) -> null);
        }
        return builder.build();
    }

    private static boolean isProxy(AuthScope scope, HttpProxy proxy) {
        return proxy.host().equalsIgnoreCase(scope.getHost()) && scope.getPort() == proxy.port();
    }

    @Override
    public void close() {
        for (RouteClient route : clients.values()) {
            route.client().close(CloseMode.IMMEDIATE);
        }
    }
}

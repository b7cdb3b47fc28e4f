package checkimage.client;

import checkimage.result.Cause;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The one HTTP transport: Apache HttpClient 5's async client with a pooled connection manager, HTTP/2 over
 * TLS where the registry offers it by ALPN and HTTP/1.1 keep-alive otherwise. Redirects, retries, cookies and
 * authentication caching are all off: the handshake decides each of them itself.
 *
 * <p>Hosts listed for {@code --skip-tls-verify} get their own client (trust-all, no host name check), built
 * only when first used. The Authorization secret is revealed here, when the request is built, and nowhere else.
 */
public final class HttpClientTransport implements Transport {

    static final String USER_AGENT = "check-image/0.1";

    private final TransportSettings settings;
    private final int maxConnections;
    private volatile CloseableHttpAsyncClient verifying;
    private volatile CloseableHttpAsyncClient trustingAll;

    public HttpClientTransport(TransportSettings settings, int maxConnections) {
        this.settings = settings;
        this.maxConnections = Math.max(2, maxConnections);
    }

    @Override
    public RegistryResponse send(RegistryRequest request, Deadline deadline) throws TransportException {
        if (deadline.isExpired()) {
            throw new TransportException(Cause.TIMEOUT, "deadline passed before " + request.method() + " " + request.uri());
        }
        Duration read = deadline.cap(settings.readTimeout());
        SimpleHttpRequest http = build(request, read);
        Future<RegistryResponse> future = clientFor(request.uri().getAuthority()).execute(
                SimpleRequestProducer.create(http), new BoundedBodyConsumer(request.maxBody(), request.uri()), null);
        try {
            return future.get(deadline.remaining().toMillis() + 1, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TransportException(Cause.TIMEOUT, "no answer from " + request.uri().getAuthority() + " before the deadline");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(Cause.TIMEOUT, "interrupted while waiting for " + request.uri().getAuthority());
        } catch (ExecutionException e) {
            throw classify(request, e.getCause() == null ? e : e.getCause());
        }
    }

    private SimpleHttpRequest build(RegistryRequest request, Duration read) {
        SimpleRequestBuilder builder = SimpleRequestBuilder.create(request.method()).setUri(request.uri());
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

    /** The client for a host, started on first use: a run that needs no TLS never sets TLS up. */
    private CloseableHttpAsyncClient clientFor(String authority) {
        boolean skip = settings.skipsTlsVerify(authority);
        CloseableHttpAsyncClient client = skip ? trustingAll : verifying;
        if (client != null) {
            return client;
        }
        synchronized (this) {
            if (skip && trustingAll == null) {
                trustingAll = start(TrustMaterial.trustingAll(), true);
            } else if (!skip && verifying == null) {
                verifying = start(TrustMaterial.verifying(settings.caFiles()), false);
            }
            return skip ? trustingAll : verifying;
        }
    }

    private CloseableHttpAsyncClient start(SSLContext sslContext, boolean skipHostnameCheck) {
        CloseableHttpAsyncClient client = create(settings, maxConnections, sslContext, skipHostnameCheck);
        client.start();
        return client;
    }

    /** The client of {@link #start}, built but not started ({@link TransportPreloader} builds one to throw away). */
    static CloseableHttpAsyncClient create(TransportSettings settings, int maxConnections, SSLContext sslContext,
                                           boolean skipHostnameCheck) {
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create().setSslContext(sslContext);
        if (skipHostnameCheck) {
            tls.setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        }
        return HttpAsyncClients.custom()
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
                .setUserAgent(USER_AGENT)
                .build();
    }

    private static TransportException classify(RegistryRequest request, Throwable failure) {
        String where = request.method() + " " + request.uri();
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof UnknownHostException) {
            return new TransportException(Cause.DNS, "cannot resolve host " + request.uri().getHost());
        }
        if (failure instanceof SSLException) {
            return new TransportException(Cause.TLS, "TLS failure on " + where + ": " + detail);
        }
        if (failure instanceof ConnectTimeoutException || failure instanceof SocketTimeoutException
                || failure instanceof TimeoutException) {
            return new TransportException(Cause.TIMEOUT, "timed out on " + where);
        }
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return new TransportException(Cause.CONNECT, "cannot connect to " + request.uri().getAuthority() + ": " + detail);
        }
        if (failure instanceof SocketException || failure instanceof org.apache.hc.core5.http.ConnectionClosedException) {
            return new TransportException(Cause.CONNECT, "connection lost on " + where + ": " + detail, true);
        }
        return new TransportException(Cause.UNEXPECTED_RESPONSE, "request failed on " + where + ": " + detail);
    }

    @Override
    public void close() {
        for (CloseableHttpAsyncClient client : new CloseableHttpAsyncClient[] {verifying, trustingAll}) {
            if (client != null) {
                client.close(CloseMode.IMMEDIATE);
            }
        }
    }
}

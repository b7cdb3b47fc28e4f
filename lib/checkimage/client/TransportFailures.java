package checkimage.client;

import checkimage.result.Cause;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.TunnelRefusedException;
import org.apache.hc.core5.http.ConnectionClosedException;

/**
 * Turns a failed exchange into a {@link TransportException} with a cause and a one-line message: DNS, TLS,
 * timeout, connect; through a proxy, trouble reaching it or a refused tunnel is cause {@code proxy}, naming the
 * proxy (never its credentials) and the registry; a TLS failure after the server asked for a client
 * certificate says so.
 */
final class TransportFailures {

    private TransportFailures() {}

    static TransportException classify(
            RegistryRequest request,
            String registry,
            HttpClientTransport.Route route,
            KeyMaterial keys,
            Throwable failure) {
        String where = request.method() + " " + request.uri();
        String detail = HttpProxy.redact(
                failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        if (route.proxy().isPresent()) {
            TransportException viaProxy = throughProxy(route.proxy().get(), registry, request, failure, detail);
            if (viaProxy != null) {
                return viaProxy;
            }
        }
        if (keys.wasRequested()
                && (failure instanceof SSLException
                        || failure instanceof SocketException
                        || failure instanceof ConnectionClosedException)) {
            return clientCertificateFailure(request, route, detail);
        }
        if (failure instanceof UnknownHostException) {
            return new TransportException(
                    Cause.DNS, "cannot resolve host " + request.uri().getHost());
        }
        if (failure instanceof SSLException) {
            return new TransportException(Cause.TLS, "TLS failure on " + where + ": " + detail);
        }
        if (failure instanceof ConnectTimeoutException
                || failure instanceof SocketTimeoutException
                || failure instanceof TimeoutException) {
            return new TransportException(Cause.TIMEOUT, "timed out on " + where);
        }
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return new TransportException(
                    Cause.CONNECT, "cannot connect to " + request.uri().getAuthority() + ": " + detail);
        }
        if (failure instanceof SocketException || failure instanceof ConnectionClosedException) {
            return new TransportException(Cause.CONNECT, "connection lost on " + where + ": " + detail, true);
        }
        return new TransportException(Cause.UNEXPECTED_RESPONSE, "request failed on " + where + ": " + detail);
    }

    /** A 407 from the proxy: unknown with cause proxy, never an authentication verdict on the registry. */
    static TransportException proxyAuthentication(HttpProxy proxy, String registry, RegistryRequest request) {
        return new TransportException(
                Cause.PROXY,
                "proxy " + proxy + " answered 407 Proxy Authentication Required for "
                        + request.uri().getAuthority() + " (registry " + registry + "): "
                        + (proxy.hasCredentials()
                                ? "it rejected the proxy credentials"
                                : "give credentials in the proxy URL"));
    }

    private static TransportException throughProxy(
            HttpProxy proxy, String registry, RegistryRequest request, Throwable failure, String detail) {
        String target = request.uri().getAuthority() + " (registry " + registry + ")";
        if (failure instanceof TunnelRefusedException refused) {
            int status =
                    refused.getResponse() == null ? 0 : refused.getResponse().getCode();
            if (status == 407) {
                return proxyAuthentication(proxy, registry, request);
            }
            return new TransportException(
                    Cause.PROXY,
                    "proxy " + proxy + " refused the tunnel to " + target + ": "
                            + (status == 0 ? detail : status + " " + reason(refused)));
        }
        if (failure instanceof UnknownHostException) {
            return new TransportException(
                    Cause.PROXY, "cannot resolve proxy host " + proxy.host() + " (for " + target + ")");
        }
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return new TransportException(
                    Cause.PROXY, "cannot connect to proxy " + proxy + " (for " + target + "): " + detail);
        }
        if (failure instanceof ConnectTimeoutException) {
            return new TransportException(
                    Cause.PROXY, "timed out connecting to proxy " + proxy + " (for " + target + ")");
        }
        if (failure instanceof SocketException || failure instanceof ConnectionClosedException) {
            return new TransportException(
                    Cause.PROXY, "connection through proxy " + proxy + " to " + target + " lost: " + detail, true);
        }
        return null;
    }

    private static String reason(TunnelRefusedException refused) {
        String phrase = refused.getResponse().getReasonPhrase();
        return phrase == null ? "" : phrase;
    }

    private static TransportException clientCertificateFailure(
            RegistryRequest request, HttpClientTransport.Route route, String detail) {
        String host = request.uri().getAuthority();
        String message = route.clientCertificate()
                .map(cert -> host + " requires a client certificate and refused the one offered, " + cert)
                .orElse(host + " requires a client certificate and none is configured for it " + "(certs.d/" + host
                        + "/*.cert + *.key, or clientCert in the policy's registry block)");
        return new TransportException(Cause.TLS, message + ": " + detail);
    }
}

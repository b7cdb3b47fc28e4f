package checkimage.client;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.core5.io.CloseMode;

/**
 * Loads and initializes the TLS and HttpClient classes of a first request on a background thread, while the
 * command line is still being parsed. A short run spends most of its time in class loading, static
 * initializers and interpreted first executions: the JSSE provider set-up, a ClientHello with its key share,
 * the certificate machinery and building an HttpClient 5 async client cost ~80 ms on the request path. Done
 * here on the otherwise idle second core, the first ping finds them ready.
 *
 * <p>Nothing here touches the network, the trust store or any setting: the context trusts nothing, the
 * engine only writes a ClientHello into a buffer, and the client is built and closed without being started.
 * Any failure is ignored; the real request path does the same work and reports its own trouble.
 */
public final class TransportPreloader {

    private TransportPreloader() {}

    /** Starts the preloading on a daemon thread and returns at once. */
    public static void startInBackground() {
        Thread thread = new Thread(TransportPreloader::preload, "check-image-preload");
        thread.setDaemon(true);
        thread.start();
    }

    static void preload() {
        try {
            CertificateFactory.getInstance("X.509");
            CertPathValidator.getInstance("PKIX");
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingNothing()}, null);
            writeClientHello(context);
            HttpClientTransport.create(TransportSettings.defaults(), 2, context, false)
                    .close(CloseMode.IMMEDIATE);
        } catch (GeneralSecurityException | SSLException | RuntimeException | LinkageError ignored) {
            // best effort: the request path initializes whatever is missing itself
        }
    }

    /** Runs an SSLEngine's first handshake step: the ClientHello and its key share, into a buffer. */
    private static void writeClientHello(SSLContext context) throws SSLException {
        SSLEngine engine = context.createSSLEngine("preload.invalid", 443);
        engine.setUseClientMode(true);
        engine.beginHandshake();
        engine.wrap(
                ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
        engine.closeOutbound();
    }

    /** Never asked: no handshake gets that far. Rejects everything to be safe. */
    private static final class TrustingNothing implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the preloading context trusts nothing");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the preloading context trusts nothing");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

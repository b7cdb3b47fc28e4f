package checkimage.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the SSL contexts: the JVM trust store plus extra CA bundles, or (for listed hosts only) trust-all. */
final class TrustMaterial {

    private TrustMaterial() {}

    /**
     * The JVM's default trust managers and, if any, one more trusting the certificates in {@code caFiles}. The
     * extra CAs are tried first and the JVM trust store (some 150 certificates to parse) is loaded only when a
     * chain is not signed by one of them, which keeps a run against a private registry fast to start.
     */
    static SSLContext verifying(List<Path> caFiles) {
        return verifying(caFiles, null);
    }

    /** Like {@link #verifying(List)}, presenting client certificates through {@code keys} (null: none). */
    static SSLContext verifying(List<Path> caFiles, javax.net.ssl.KeyManager keys) {
        try {
            List<Supplier<X509TrustManager>> managers = new ArrayList<>();
            if (!caFiles.isEmpty()) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int index = 0;
                for (Path file : caFiles) {
                    for (X509Certificate cert : readCertificates(file)) {
                        store.setCertificateEntry("ca-" + index++, cert);
                    }
                }
                X509TrustManager extra = trustManager(store);
                managers.add(() -> extra);
            }
            managers.add(new JvmDefault());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keys == null ? null : new javax.net.ssl.KeyManager[] {keys},
                    new TrustManager[] {new AnyOfTrustManager(managers)},
                    null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    /** A context that accepts any certificate: only for hosts the operator listed with --skip-tls-verify. */
    static SSLContext trustingAll() {
        return trustingAll(null);
    }

    /** Like {@link #trustingAll()}, presenting client certificates through {@code keys} (null: none). */
    static SSLContext trustingAll(javax.net.ssl.KeyManager keys) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keys == null ? null : new javax.net.ssl.KeyManager[] {keys},
                    new TrustManager[] {new AcceptingTrustManager()},
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The certificates of a PEM bundle; a file without any is an error naming it. */
    static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends java.security.cert.Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> result = new ArrayList<>();
            certs.forEach(c -> result.add((X509Certificate) c));
            if (result.isEmpty()) {
                throw new IOException("no PEM certificate in CA file " + file);
            }
            return result;
        } catch (CertificateException e) {
            throw new IOException("CA file " + file + " is not a PEM certificate bundle: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager available");
    }

    /** The JVM's default trust manager, loaded on first use. */
    private static final class JvmDefault implements Supplier<X509TrustManager> {
        private volatile X509TrustManager manager;

        @Override
        public X509TrustManager get() {
            X509TrustManager loaded = manager;
            if (loaded == null) {
                try {
                    loaded = trustManager(null);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("cannot load the JVM trust store: " + e.getMessage(), e);
                }
                manager = loaded;
            }
            return loaded;
        }
    }

    /** Trusts a chain when any of its delegates does, asking them in order. */
    private static final class AnyOfTrustManager implements X509TrustManager {
        private final List<Supplier<X509TrustManager>> delegates;

        AnyOfTrustManager(List<Supplier<X509TrustManager>> delegates) {
            this.delegates = List.copyOf(delegates);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException last = null;
            for (Supplier<X509TrustManager> delegate : delegates) {
                try {
                    delegate.get().checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    last = e;
                }
            }
            throw last != null ? last : new CertificateException("no trust manager");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegates.stream()
                    .flatMap(d -> java.util.Arrays.stream(d.get().getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }

    private static final class AcceptingTrustManager implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // deliberately accepts: only used for hosts given with --skip-tls-verify
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // no client certificates
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

package checkimage.client;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * The client side of mutual TLS: a key manager presenting a {@link ClientCertificate} (or none), which also
 * notes whether the server asked for a certificate, so that a failed handshake can say a client certificate
 * was required. Errors name the files, never the key's content.
 */
final class KeyMaterial extends X509ExtendedKeyManager {

    private static final char[] STORE_PASSWORD = new char[0];

    private final X509KeyManager delegate;
    private volatile boolean requested;

    private KeyMaterial(X509KeyManager delegate) {
        this.delegate = delegate;
    }

    /** A key manager presenting {@code certificate}, or nothing when empty. */
    static KeyMaterial of(java.util.Optional<ClientCertificate> certificate) {
        return new KeyMaterial(certificate.map(KeyMaterial::load).orElse(null));
    }

    /** Reads the certificate chain and its PKCS#8 key now, so a bad file is reported before any request. */
    static void check(ClientCertificate certificate) {
        load(certificate);
    }

    /** True once a server asked this key manager for a client certificate. */
    boolean wasRequested() {
        return requested;
    }

    boolean presentsCertificate() {
        return delegate != null;
    }

    private static X509KeyManager load(ClientCertificate certificate) {
        try {
            List<X509Certificate> chain = TrustMaterial.readCertificates(certificate.certificate());
            PrivateKey key = privateKey(certificate.key());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, STORE_PASSWORD, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, STORE_PASSWORD);
            return (X509KeyManager) factory.getKeyManagers()[0];
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "client certificate " + certificate.certificate() + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("client certificate " + certificate.certificate() + " or its key "
                    + certificate.key() + " cannot be used: " + e.getClass().getSimpleName());
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("key " + file + ": no such file");
        } catch (IOException e) {
            throw new IOException("key " + file + " cannot be read");
        }
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IOException("key " + file + " is not an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY); "
                    + "convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        } catch (IllegalArgumentException e) {
            throw new IOException("key " + file + " is not valid PEM");
        }
        for (String algorithm : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IOException("key " + file + " is not an EC, RSA or Ed25519 private key");
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        requested = true;
        if (delegate == null) {
            return null;
        }
        // present our certificate whoever the server names as issuers: it is the one configured for this host
        for (String type : keyType) {
            String[] aliases = delegate.getClientAliases(type, null);
            if (aliases != null && aliases.length > 0) {
                return aliases[0];
            }
        }
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return chooseEngineClientAlias(keyType, issuers, null);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return delegate == null ? null : delegate.getClientAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return delegate == null ? null : delegate.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return delegate == null ? null : delegate.getPrivateKey(alias);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}

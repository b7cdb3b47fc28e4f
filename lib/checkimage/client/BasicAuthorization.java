package checkimage.client;

import checkimage.credentials.Credential;
import checkimage.credentials.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds {@code Authorization: Basic …} values (RFC 7617) as secrets. */
final class BasicAuthorization {

    private BasicAuthorization() {}

    /** The Basic header value for a credential, or null for anonymous. */
    static Secret of(Credential credential) {
        if (credential instanceof Credential.UsernamePassword user) {
            return encode(user.username(), user.password());
        }
        if (credential instanceof Credential.IdentityToken identity) {
            return encode(identity.username() == null ? "<token>" : identity.username(), identity.token());
        }
        return null;
    }

    private static Secret encode(String username, Secret password) {
        byte[] pair = (username + ":" + password.revealForHeader()).getBytes(StandardCharsets.UTF_8);
        return Secret.of("Basic " + Base64.getEncoder().encodeToString(pair));
    }
}

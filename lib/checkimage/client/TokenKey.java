package checkimage.client;

import checkimage.auth.Challenge;
import checkimage.credentials.Credential;
import java.util.List;
import java.util.Objects;

/**
 * What a Bearer token was issued for: realm, service, scope (space-separated when several) and identity. The
 * credential is compared by value and never printed. Hashed on every check: equals and hashCode are written out
 * (see {@link Credential} for why).
 */
record TokenKey(String realm, String service, String scope, Credential credential) {
    @Override
    public boolean equals(Object other) {
        return other instanceof TokenKey that
                && realm.equals(that.realm)
                && service.equals(that.service)
                && scope.equals(that.scope)
                && credential.equals(that.credential);
    }

    @Override
    public int hashCode() {
        return Objects.hash(realm, service, scope, credential);
    }

    @Override
    public String toString() {
        return "TokenKey[" + realm + ", " + service + ", " + scope + ", " + credential.source() + "]";
    }

    static TokenKey of(Challenge challenge, List<String> scopes, Credential credential) {
        return new TokenKey(
                challenge.realm().orElse(""), challenge.service().orElse(""), String.join(" ", scopes), credential);
    }
}

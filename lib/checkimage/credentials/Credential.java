package checkimage.credentials;

import java.util.Objects;

/**
 * What a credential source found for one registry: nothing (anonymous), a username and password, or an
 * identity (refresh) token. Each carries the {@code source} it came from, for provenance in reports;
 * none of them ever prints its secret.
 *
 * <p>Credentials are hash keys on every check (token cache, batches); their {@code equals} and {@code hashCode}
 * are written out because a record's generated ones bootstrap method handles on first use, some 25 classes
 * spun per record type on a cold JVM.
 */
public sealed interface Credential {

    /** Where this credential came from, e.g. {@code job auth}, {@code docker config auths}, {@code anonymous}. */
    String source();

    /** No credential: anonymous access. */
    record Anonymous(String source) implements Credential {
        public Anonymous {
            Objects.requireNonNull(source, "source");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Anonymous that && source.equals(that.source);
        }

        @Override
        public int hashCode() {
            return source.hashCode();
        }

        @Override
        public String toString() {
            return "anonymous (" + source + ")";
        }
    }

    /** A username and password (or personal access token), sent as HTTP Basic. */
    record UsernamePassword(String username, Secret password, String source) implements Credential {
        public UsernamePassword {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof UsernamePassword that
                    && username.equals(that.username)
                    && password.equals(that.password)
                    && source.equals(that.source);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, password, source);
        }

        @Override
        public String toString() {
            return "user '" + username + "' (" + source + ")";
        }
    }

    /** An OAuth2 identity (refresh) token, exchanged for a Bearer token at the realm. */
    record IdentityToken(String username, Secret token, String source) implements Credential {
        public IdentityToken {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityToken that
                    && Objects.equals(username, that.username)
                    && token.equals(that.token)
                    && source.equals(that.source);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, token, source);
        }

        @Override
        public String toString() {
            return "identity token (" + source + ")";
        }
    }

    /** The anonymous credential, used when no source has anything for a registry. */
    static Credential anonymous() {
        return new Anonymous("anonymous");
    }
}

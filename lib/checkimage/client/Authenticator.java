package checkimage.client;

import checkimage.auth.Challenge;
import checkimage.auth.ChallengeParser;
import checkimage.auth.Scope;
import checkimage.credentials.Credential;
import checkimage.credentials.Secret;
import checkimage.reference.ImageReference;
import checkimage.result.Cause;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 2 and 3 of the handshake: turn the registry's chosen challenge and a credential into an Authorization
 * header for one repository. Basic sends the credential itself (never over plain HTTP to a non-loopback host);
 * Bearer asks the {@link TokenBroker} for a token for {@code repository:<path>:pull}. After a Bearer 401 it decides
 * whether a fresh token may help ({@link #refusal}) and gets one ({@link #reauthorize}).
 */
final class Authenticator {

    private final TokenBroker tokens;
    private final ChallengeParser challengeParser = new ChallengeParser();

    Authenticator(TokenBroker tokens) {
        this.tokens = tokens;
    }

    Authorization authorize(ImageReference reference, RegistrySession session, Credential credential, Deadline deadline)
            throws CheckAbort {
        if (session.chosen().isEmpty()) {
            return Authorization.NONE;
        }
        Challenge challenge = session.chosen().get();
        if (challenge.is("basic")) {
            return basic(session, credential);
        }
        return bearer(
                reference,
                session,
                challenge,
                List.of(Scope.repositoryPull(reference.path()).toString()),
                credential,
                deadline);
    }

    /**
     * A fresh token after a Bearer 401: the cached one is dropped and a new one is asked for with our scope plus
     * the scopes the new challenge names ({@code error="insufficient_scope"} or an expired token).
     */
    Authorization reauthorize(
            ImageReference reference,
            RegistrySession session,
            Challenge fresh,
            Credential credential,
            Deadline deadline)
            throws CheckAbort {
        Challenge base = session.chosen().orElseThrow();
        List<String> scopes =
                new ArrayList<>(List.of(Scope.repositoryPull(reference.path()).toString()));
        tokens.forget(base, scopes, credential);
        if (fresh.scope().isPresent()) {
            for (Scope named : Scope.parseAll(fresh.scope().get())) {
                if (!scopes.contains(named.toString())) {
                    scopes.add(named.toString());
                }
            }
        }
        return bearer(
                reference,
                session,
                fresh.realm().filter(r -> !r.isBlank()).isPresent() ? fresh : base,
                scopes,
                credential,
                deadline);
    }

    /**
     * The challenge of a 401 to a request that carried a Bearer token, when a fresh token may help: the token
     * lacked a scope ({@code insufficient_scope}) or was refused ({@code invalid_token}, e.g. expired); else empty,
     * and the 401 is the answer.
     */
    Optional<Challenge> refusal(RegistryResponse response, Authorization sent) {
        if (response.status() != 401 || sent.scheme() != Authorization.Scheme.BEARER) {
            return Optional.empty();
        }
        return challengeParser.parse(response.headerValues("www-authenticate")).stream()
                .filter(c -> c.is("bearer"))
                .filter(c -> c.error()
                        .filter(e -> e.equals("insufficient_scope") || e.equals("invalid_token"))
                        .isPresent())
                .findFirst();
    }

    private Authorization bearer(
            ImageReference reference,
            RegistrySession session,
            Challenge challenge,
            List<String> scopes,
            Credential credential,
            Deadline deadline)
            throws CheckAbort {
        Token token = tokens.token(reference, session, challenge, scopes, credential, deadline);
        return new Authorization(
                Secret.of("Bearer " + token.value().revealForHeader()),
                Authorization.Scheme.BEARER,
                !(credential instanceof Credential.Anonymous));
    }

    private static Authorization basic(RegistrySession session, Credential credential) throws CheckAbort {
        if (credential instanceof Credential.Anonymous) {
            return new Authorization(null, Authorization.Scheme.BASIC, false);
        }
        if (session.isPlainHttp() && !TransportSettings.isLoopback(session.host())) {
            throw CheckAbort.unknown(
                    Cause.REFUSED_INSECURE,
                    "refusing to send " + credential + " over plain HTTP to " + session.host()
                            + "; use HTTPS for registries that need credentials");
        }
        return new Authorization(BasicAuthorization.of(credential), Authorization.Scheme.BASIC, true);
    }
}

package checkimage.client;

import checkimage.auth.Challenge;
import checkimage.auth.Scope;
import checkimage.credentials.Credential;
import checkimage.credentials.Secret;
import checkimage.reference.ImageReference;
import checkimage.result.Cause;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 2 and 3 of the handshake: turn the registry's chosen challenge and a credential into an Authorization
 * header for one repository. Basic sends the credential itself (never over plain HTTP to a non-loopback host);
 * Bearer fetches a token for {@code repository:<path>:pull} and caches it per realm, service, scope and identity.
 */
final class Authenticator {

    private final TokenFetcher fetcher;
    private final TokenCache cache;
    private final PendingTokens pending;

    Authenticator(TokenFetcher fetcher, TokenCache cache, PendingTokens pending) {
        this.fetcher = fetcher;
        this.cache = cache;
        this.pending = pending;
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
        return bearer(reference, session, challenge, List.of(Scope.repositoryPull(reference.path()).toString()), credential, deadline);
    }

    /**
     * A fresh token after a Bearer 401: the cached one is dropped and a new one is asked for with our scope plus
     * the scopes the new challenge names ({@code error="insufficient_scope"} or an expired token).
     */
    Authorization reauthorize(ImageReference reference, RegistrySession session, Challenge fresh, Credential credential,
                              Deadline deadline) throws CheckAbort {
        Challenge base = session.chosen().orElseThrow();
        List<String> scopes = new ArrayList<>(List.of(Scope.repositoryPull(reference.path()).toString()));
        cache.invalidate(key(base, scopes, credential));
        if (fresh.scope().isPresent()) {
            for (Scope named : Scope.parseAll(fresh.scope().get())) {
                if (!scopes.contains(named.toString())) {
                    scopes.add(named.toString());
                }
            }
        }
        return bearer(reference, session, fresh.realm().filter(r -> !r.isBlank()).isPresent() ? fresh : base, scopes, credential, deadline);
    }

    /**
     * Fetches one token for many repositories of one registry ({@code scopes}, all for {@code credential}) and
     * caches it under each scope, so the checks that follow need no token request of their own. Does nothing
     * for registries that do not use Bearer tokens.
     */
    void prefetch(ImageReference sample, RegistrySession session, List<String> scopes, Credential credential,
                  Deadline deadline) throws CheckAbort {
        Challenge challenge = session.chosen().orElse(null);
        if (challenge == null || !challenge.is("bearer") || scopes.isEmpty()) {
            return;
        }
        List<String> missing = scopes.stream().filter(s -> cache.get(key(challenge, List.of(s), credential)) == null).toList();
        if (missing.isEmpty()) {
            return;
        }
        Token token = fetcher.fetch(sample, session, challenge, missing, credential, deadline);
        cache.putForEach(key(challenge, missing, credential), missing, token);
    }

    private Authorization bearer(ImageReference reference, RegistrySession session, Challenge challenge, List<String> scopes,
                                 Credential credential, Deadline deadline) throws CheckAbort {
        TokenCache.Key key = key(challenge, scopes, credential);
        Token token = cache.get(key);
        if (token == null && scopes.size() == 1) {
            pending.await(reference.registryHost(), scopes.get(0), credential, deadline);
            token = cache.get(key);
        }
        if (token == null) {
            token = fetcher.fetch(reference, session, challenge, scopes, credential, deadline);
            cache.put(key, token);
        }
        return new Authorization(Secret.of("Bearer " + token.value().revealForHeader()), Authorization.Scheme.BEARER,
                !(credential instanceof Credential.Anonymous));
    }

    private static Authorization basic(RegistrySession session, Credential credential) throws CheckAbort {
        if (credential instanceof Credential.Anonymous) {
            return new Authorization(null, Authorization.Scheme.BASIC, false);
        }
        if (session.isPlainHttp() && !TransportSettings.isLoopback(session.host())) {
            throw CheckAbort.unknown(Cause.REFUSED_INSECURE, "refusing to send " + credential + " over plain HTTP to "
                    + session.host() + "; use HTTPS for registries that need credentials");
        }
        return new Authorization(BasicAuthorization.of(credential), Authorization.Scheme.BASIC, true);
    }

    private static TokenCache.Key key(Challenge challenge, List<String> scopes, Credential credential) {
        return new TokenCache.Key(challenge.realm().orElse(""), challenge.service().orElse(""), String.join(" ", scopes), credential);
    }
}

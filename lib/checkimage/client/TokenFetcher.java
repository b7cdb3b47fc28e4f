package checkimage.client;

import checkimage.auth.Challenge;
import checkimage.credentials.Credential;
import checkimage.credentials.Secret;
import checkimage.reference.ImageReference;
import checkimage.result.Cause;
import checkimage.result.CheckOutcome.Rejection;
import checkimage.result.RegistryErrors;
import checkimage.result.ResponseClassifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.net.WWWFormCodec;

/**
 * Step 3 of the handshake for Bearer registries: ask the challenge's realm for a token (distribution token
 * spec). Username and password go as HTTP Basic on {@code GET realm?service=…&scope=…}; an identity token uses
 * the OAuth2 form {@code POST} ({@code grant_type=refresh_token}), falling back to GET when the realm answers 404.
 * A realm on plain HTTP is refused for an HTTPS registry, and Basic credentials never go over plain HTTP to a
 * host that is not loopback.
 */
final class TokenFetcher {

    static final int MAX_TOKEN_BODY = 1 << 20;
    static final String CLIENT_ID = "check-image";

    private final RequestSender sender;
    private final Clock clock;

    TokenFetcher(RequestSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    Token fetch(
            ImageReference reference,
            RegistrySession session,
            Challenge bearer,
            List<String> scopes,
            Credential credential,
            Deadline deadline)
            throws CheckAbort {
        URI realm = realmOf(session, bearer);
        String service = bearer.service().orElse(null);
        RegistryResponse response;
        try {
            if (credential instanceof Credential.IdentityToken identity) {
                response = post(reference, realm, service, scopes, identity, deadline);
                if (response.status() == 404 || response.status() == 405) {
                    response = get(reference, realm, service, scopes, credential, deadline);
                }
            } else {
                response = get(reference, realm, service, scopes, credential, deadline);
            }
        } catch (TransportException e) {
            throw CheckAbort.unknown(
                    e.kind(), "token request to " + realm.getAuthority() + " failed: " + e.getMessage());
        }
        return interpret(realm, credential, response);
    }

    /**
     * The token request as Docker's and containerd's clients send it: {@code service} only when the challenge
     * names a non-empty one, one {@code scope} parameter per scope in order, and {@code account} with the
     * username when Basic credentials go along (Docker does). No {@code offline_token}: no refresh token is wanted.
     */
    private RegistryResponse get(
            ImageReference reference,
            URI realm,
            String service,
            List<String> scopes,
            Credential credential,
            Deadline deadline)
            throws TransportException, CheckAbort {
        URIBuilder query = new URIBuilder(realm);
        if (service != null && !service.isEmpty()) {
            query.addParameter("service", service);
        }
        scopes.forEach(scope -> query.addParameter("scope", scope));
        String account = account(credential);
        if (account != null) {
            query.addParameter("account", account);
        }
        RegistryRequest request = RegistryRequest.get(build(query, realm), MAX_TOKEN_BODY);
        if (!(credential instanceof Credential.Anonymous)) {
            refuseCleartext(realm, credential);
            request = request.withAuthorization(BasicAuthorization.of(credential));
        }
        return sender.send(reference, RequestStats.Kind.TOKEN, request, deadline);
    }

    /**
     * The OAuth2 refresh-token form as Docker's and containerd's clients send it: all scopes space-separated in
     * one {@code scope}, {@code service} always (empty when the challenge names none), and our {@code client_id}.
     */
    private RegistryResponse post(
            ImageReference reference,
            URI realm,
            String service,
            List<String> scopes,
            Credential.IdentityToken identity,
            Deadline deadline)
            throws TransportException, CheckAbort {
        refuseCleartext(realm, identity);
        String form = WWWFormCodec.format(
                List.of(
                        new BasicNameValuePair("grant_type", "refresh_token"),
                        new BasicNameValuePair("service", service == null ? "" : service),
                        new BasicNameValuePair("scope", String.join(" ", scopes)),
                        new BasicNameValuePair("client_id", CLIENT_ID),
                        new BasicNameValuePair("refresh_token", identity.token().revealForHeader())),
                StandardCharsets.UTF_8);
        return sender.send(
                reference,
                RequestStats.Kind.TOKEN,
                RegistryRequest.postForm(realm, Secret.of(form), MAX_TOKEN_BODY),
                deadline);
    }

    private static String account(Credential credential) {
        String username = credential instanceof Credential.UsernamePassword basic
                ? basic.username()
                : credential instanceof Credential.IdentityToken identity ? identity.username() : null;
        return username == null || username.isEmpty() ? null : username;
    }

    private static URI build(URIBuilder query, URI realm) throws CheckAbort {
        try {
            return query.build();
        } catch (java.net.URISyntaxException e) {
            throw CheckAbort.unknown(
                    Cause.UNEXPECTED_RESPONSE, "cannot build a token request for the realm of " + realm.getAuthority());
        }
    }

    private Token interpret(URI realm, Credential credential, RegistryResponse response) throws CheckAbort {
        int status = response.status();
        if (status == 200) {
            try {
                return TokenResponse.parse(response.body(), clock.instant());
            } catch (IllegalArgumentException e) {
                throw CheckAbort.unknown(
                        Cause.UNEXPECTED_RESPONSE, "token server " + realm.getAuthority() + ": " + e.getMessage());
            }
        }
        var errors = RegistryErrors.parse(response.body());
        boolean anonymous = credential instanceof Credential.Anonymous;
        Rejection rejection = ResponseClassifier.tokenRejection(status, !anonymous);
        if (rejection != null) {
            throw CheckAbort.rejected(
                    rejection,
                    anonymous
                            ? "token server " + realm.getAuthority() + " refused anonymous access (" + status
                                    + "); credentials are required"
                            : "token server " + realm.getAuthority() + " rejected the credentials (" + status + ") of "
                                    + credential,
                    errors);
        }
        throw CheckAbort.unknown(
                ResponseClassifier.causeOf(status),
                "token server " + realm.getAuthority() + " answered " + status,
                RequestSender.retryAfter(response, clock.instant()),
                errors);
    }

    private static URI realmOf(RegistrySession session, Challenge bearer) throws CheckAbort {
        URI realm;
        try {
            realm = URI.create(bearer.realm().orElse("").trim());
        } catch (IllegalArgumentException e) {
            throw CheckAbort.unknown(Cause.UNEXPECTED_RESPONSE, session.host() + " named an invalid token realm");
        }
        String scheme = realm.getScheme() == null ? "" : realm.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || realm.getHost() == null) {
            throw CheckAbort.unknown(
                    Cause.UNEXPECTED_RESPONSE, session.host() + " named a token realm that is not an http(s) URL");
        }
        if (scheme.equals("http") && !session.isPlainHttp()) {
            throw CheckAbort.unknown(
                    Cause.REFUSED_INSECURE,
                    "refusing token realm " + realm.getScheme() + "://" + realm.getAuthority()
                            + " on plain HTTP for the HTTPS registry " + session.host());
        }
        return realm;
    }

    private static void refuseCleartext(URI realm, Credential credential) throws CheckAbort {
        if ("http".equalsIgnoreCase(realm.getScheme()) && !TransportSettings.isLoopback(realm.getAuthority())) {
            throw CheckAbort.unknown(
                    Cause.REFUSED_INSECURE,
                    "refusing to send " + credential + " over plain HTTP to " + realm.getAuthority());
        }
    }
}

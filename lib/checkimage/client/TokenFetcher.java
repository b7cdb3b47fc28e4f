package checkimage.client;

import checkimage.auth.Challenge;
import checkimage.credentials.Credential;
import checkimage.credentials.Secret;
import checkimage.reference.ImageReference;
import checkimage.result.Cause;
import checkimage.result.CheckOutcome.Rejection;
import checkimage.result.RegistryErrors;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

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

    Token fetch(ImageReference reference, RegistrySession session, Challenge bearer, List<String> scopes,
                Credential credential, Deadline deadline) throws CheckAbort {
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
            throw CheckAbort.unknown(e.kind(), "token request to " + realm.getAuthority() + " failed: " + e.getMessage());
        }
        return interpret(realm, credential, response);
    }

    private RegistryResponse get(ImageReference reference, URI realm, String service, List<String> scopes,
                                 Credential credential, Deadline deadline) throws TransportException, CheckAbort {
        StringBuilder query = new StringBuilder();
        if (service != null) {
            query.append("service=").append(encode(service));
        }
        for (String scope : scopes) {
            query.append(query.length() == 0 ? "" : "&").append("scope=").append(encode(scope));
        }
        RegistryRequest request = RegistryRequest.get(withQuery(realm, query.toString()), MAX_TOKEN_BODY);
        if (!(credential instanceof Credential.Anonymous)) {
            refuseCleartext(realm, credential);
            request = request.withAuthorization(BasicAuthorization.of(credential));
        }
        return sender.send(reference, RequestStats.Kind.TOKEN, request, deadline);
    }

    private RegistryResponse post(ImageReference reference, URI realm, String service, List<String> scopes,
                                  Credential.IdentityToken identity, Deadline deadline) throws TransportException, CheckAbort {
        refuseCleartext(realm, identity);
        String form = "grant_type=refresh_token"
                + (service == null ? "" : "&service=" + encode(service))
                + "&scope=" + encode(String.join(" ", scopes))
                + "&client_id=" + CLIENT_ID
                + "&refresh_token=" + encode(identity.token().revealForHeader());
        return sender.send(reference, RequestStats.Kind.TOKEN, RegistryRequest.postForm(realm, Secret.of(form), MAX_TOKEN_BODY), deadline);
    }

    private Token interpret(URI realm, Credential credential, RegistryResponse response) throws CheckAbort {
        int status = response.status();
        if (status == 200) {
            try {
                return TokenResponse.parse(response.body(), clock.instant());
            } catch (IllegalArgumentException e) {
                throw CheckAbort.unknown(Cause.UNEXPECTED_RESPONSE, "token server " + realm.getAuthority() + ": " + e.getMessage());
            }
        }
        var errors = RegistryErrors.parse(response.body());
        if (status == 401 || status == 403) {
            boolean anonymous = credential instanceof Credential.Anonymous;
            throw CheckAbort.rejected(anonymous ? Rejection.DENIED : Rejection.BAD_CREDENTIALS, anonymous
                    ? "token server " + realm.getAuthority() + " refused anonymous access (" + status + "); credentials are required"
                    : "token server " + realm.getAuthority() + " rejected the credentials (" + status + ") of " + credential, errors);
        }
        throw CheckAbort.unknown(Pinger.statusCause(status), "token server " + realm.getAuthority() + " answered " + status,
                RequestSender.retryAfter(response, clock.instant()), errors);
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
            throw CheckAbort.unknown(Cause.UNEXPECTED_RESPONSE, session.host() + " named a token realm that is not an http(s) URL");
        }
        if (scheme.equals("http") && !session.isPlainHttp()) {
            throw CheckAbort.unknown(Cause.REFUSED_INSECURE, "refusing token realm " + realm.getScheme() + "://"
                    + realm.getAuthority() + " on plain HTTP for the HTTPS registry " + session.host());
        }
        return realm;
    }

    private static void refuseCleartext(URI realm, Credential credential) throws CheckAbort {
        if ("http".equalsIgnoreCase(realm.getScheme()) && !TransportSettings.isLoopback(realm.getAuthority())) {
            throw CheckAbort.unknown(Cause.REFUSED_INSECURE, "refusing to send " + credential
                    + " over plain HTTP to " + realm.getAuthority());
        }
    }

    private static URI withQuery(URI realm, String query) {
        if (query.isEmpty()) {
            return realm;
        }
        String base = realm.toString();
        return URI.create(base + (realm.getRawQuery() == null ? "?" : "&") + query);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

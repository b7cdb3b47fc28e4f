package checkimage.client;

import checkimage.credentials.Secret;
import checkimage.json.Json;
import checkimage.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads a token server's JSON answer (distribution token spec, "Token Response Fields"): {@code token} or, as
 * OAuth2 servers send it, {@code access_token}; {@code expires_in} in seconds, 60 when absent or not positive;
 * {@code issued_at} (RFC 3339) when given, else the time of receipt; an optional {@code refresh_token}.
 */
final class TokenResponse {

    static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

    private TokenResponse() {}

    /** The token in {@code body}; a body without one is an {@link IllegalArgumentException} whose message has no token text. */
    static Token parse(byte[] body, Instant receivedAt) {
        Map<?, ?> fields;
        try {
            Object root = Json.parse(new String(body, StandardCharsets.UTF_8));
            if (!(root instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("token response is not a JSON object");
            }
            fields = map;
        } catch (JsonException e) {
            throw new IllegalArgumentException("token response is not JSON (" + e.getMessage() + ")");
        }
        String token = text(fields, "token");
        if (token == null) {
            token = text(fields, "access_token");
        }
        if (token == null) {
            throw new IllegalArgumentException("token response has neither 'token' nor 'access_token'");
        }
        Duration lifetime = lifetime(fields.get("expires_in"));
        Instant issued = issuedAt(text(fields, "issued_at"), receivedAt);
        if (!issued.plus(lifetime).isAfter(receivedAt)) {
            issued = receivedAt; // a server clock far behind ours must not hand us a token that is expired on arrival
        }
        String refresh = text(fields, "refresh_token");
        return new Token(Secret.of(token), issued.plus(lifetime), refresh == null ? null : Secret.of(refresh));
    }

    private static String text(Map<?, ?> fields, String name) {
        return fields.get(name) instanceof String s && !s.isEmpty() ? s : null;
    }

    private static Duration lifetime(Object expiresIn) {
        if (expiresIn instanceof Number n && n.longValue() > 0) {
            return Duration.ofSeconds(
                    Math.min(n.longValue(), Duration.ofDays(366).toSeconds()));
        }
        return DEFAULT_LIFETIME;
    }

    private static Instant issuedAt(String issuedAt, Instant receivedAt) {
        if (issuedAt == null) {
            return receivedAt;
        }
        try {
            Instant issued = Instant.parse(issuedAt);
            // a clock skew between us and the token server must not make fresh tokens look stale
            return issued.isAfter(receivedAt) || issued.isBefore(receivedAt.minus(Duration.ofMinutes(5)))
                    ? receivedAt
                    : issued;
        } catch (DateTimeParseException e) {
            return receivedAt;
        }
    }
}

package checkimage.credentials;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of an {@code auths} map, as {@code docker login}, {@code podman login} and Kubernetes write it:
 * {@code {"auth": base64("user:password")}}, or {@code {"username": .., "password": ..}}, or
 * {@code {"identitytoken": ..}}; {@code email}, {@code serveraddress} and other fields are ignored.
 *
 * <p>{@code auth} wins over {@code username}/{@code password}. It is split at the <em>first</em> colon, so a
 * password may contain colons (as docker's {@code decodeAuth} does); trailing NUL characters of the password
 * are dropped, as docker does too. An entry with nothing in it (docker writes {@code {}} when a credential
 * store holds the secret) yields no credential.
 *
 * @param key the key as written in the file, e.g. {@code https://index.docker.io/v1/}
 * @param username the username, or null
 * @param password the password, or null
 * @param identityToken the identity (refresh) token, or null
 */
record AuthEntry(String key, String username, Secret password, Secret identityToken) {

    /**
     * Decodes the entry {@code value} of {@code key}; {@code where} names the file and {@code path} the
     * entry's key path, e.g. {@code auths["ghcr.io"]}, for errors.
     */
    static AuthEntry decode(String key, Object value, String where, String path) {
        if (!(value instanceof Map<?, ?> fields)) {
            throw error(where, path, "expected an object, got " + CredentialFiles.kindOf(value));
        }
        String username = text(fields, "username", where, path);
        String password = text(fields, "password", where, path);
        String auth = text(fields, "auth", where, path);
        String token = text(fields, "identitytoken", where, path);
        if (auth != null && !auth.isEmpty()) {
            String pair = decodeBase64(auth, where, path + ".auth");
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw error(where, path + ".auth", "does not decode to username:password (no ':' found)");
            }
            if (colon == 0) {
                throw error(where, path + ".auth", "decodes to an empty username");
            }
            username = pair.substring(0, colon);
            password = stripTrailingNuls(pair.substring(colon + 1));
        }
        return new AuthEntry(
                key,
                username,
                password == null ? null : Secret.of(password),
                token == null || token.isEmpty() ? null : Secret.of(token));
    }

    /**
     * The credential this entry holds, with {@code source} as its provenance: an identity token when there is
     * one and {@code identityTokens} is true, else a username and password when either is given, else empty.
     */
    Optional<Credential> credential(String source, boolean identityTokens) {
        if (identityTokens && identityToken != null) {
            String user = username == null || username.isEmpty() ? null : username;
            return Optional.of(new Credential.IdentityToken(user, identityToken, source));
        }
        boolean hasUser = username != null && !username.isEmpty();
        boolean hasPassword = password != null && !password.isEmpty();
        if (!hasUser && !hasPassword) {
            return Optional.empty();
        }
        return Optional.of(new Credential.UsernamePassword(
                hasUser ? username : "", hasPassword ? password : Secret.of(""), source));
    }

    /** The key path of entry {@code key} in the map at {@code parent}: {@code auths["ghcr.io"]}. */
    static String path(String parent, String key) {
        return parent + "[\"" + key.replaceAll("\\p{Cntrl}", "?") + "\"]";
    }

    private static String text(Map<?, ?> fields, String name, String where, String path) {
        Object value = fields.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw error(where, path + "." + name, "expected a string, got " + CredentialFiles.kindOf(value));
    }

    private static String decodeBase64(String text, String where, String path) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text.replaceAll("\\s", ""));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // The decoder's message names the offending character: leave it out.
            throw error(where, path, "not valid base64");
        }
    }

    private static String stripTrailingNuls(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\0') {
            end--;
        }
        return text.substring(0, end);
    }

    private static CredentialException error(String where, String path, String problem) {
        return new CredentialException(where + ": " + path + ": " + problem);
    }

    @Override
    public String toString() {
        return "AuthEntry[" + key + "]";
    }
}

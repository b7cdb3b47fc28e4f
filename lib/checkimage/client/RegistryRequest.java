package checkimage.client;

import checkimage.credentials.Secret;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request of the handshake. The Authorization value is a {@link Secret} so that printing a request
 * never shows it; {@code maxBody} bounds how much of the response body is kept.
 */
public record RegistryRequest(
        String method, URI uri, Map<String, String> headers, Secret authorization, Secret formBody, int maxBody) {

    public RegistryRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
    }

    public static RegistryRequest get(URI uri, int maxBody) {
        return new RegistryRequest("GET", uri, Map.of(), null, null, maxBody);
    }

    public static RegistryRequest head(URI uri) {
        return new RegistryRequest("HEAD", uri, Map.of(), null, null, 0);
    }

    public RegistryRequest withHeader(String name, String value) {
        Map<String, String> copy = new java.util.HashMap<>(headers);
        copy.put(name, value);
        return new RegistryRequest(method, uri, copy, authorization, formBody, maxBody);
    }

    public RegistryRequest withAuthorization(Secret value) {
        return new RegistryRequest(method, uri, headers, value, formBody, maxBody);
    }

    public RegistryRequest withUri(URI other) {
        return new RegistryRequest(method, other, headers, authorization, formBody, maxBody);
    }

    /** A POST of an {@code application/x-www-form-urlencoded} body, which may carry a secret; it is never printed. */
    public static RegistryRequest postForm(URI uri, Secret formBody, int maxBody) {
        return new RegistryRequest("POST", uri, Map.of(), null, formBody, maxBody);
    }

    @Override
    public String toString() {
        return method + " " + uri + (authorization == null ? "" : " (authorized)");
    }
}

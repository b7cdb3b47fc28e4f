package checkimage.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** A response as the handshake sees it: status, headers by lower-case name, and a bounded body. */
public record RegistryResponse(
        int status, Map<String, List<String>> headers, byte[] body, boolean truncated, String protocol, URI uri) {

    public RegistryResponse {
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
        protocol = protocol == null ? "" : protocol;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a header, in order. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return status + " from " + uri + " (" + protocol + ", " + body.length + " bytes"
                + (truncated ? ", truncated" : "") + ")";
    }
}

package checkimage.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Collects a response keeping at most {@code maxBody} bytes of its body. Beyond that the body is read and
 * dropped (the response is marked truncated); a body that goes on far past the limit aborts the exchange,
 * so a hostile registry cannot make us read forever.
 */
final class BoundedBodyConsumer extends AbstractBinResponseConsumer<RegistryResponse> {

    private static final long DRAIN_LIMIT = 1L << 20;

    private final int maxBody;
    private final URI uri;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private HttpResponse response;
    private long seen;

    BoundedBodyConsumer(int maxBody, URI uri) {
        this.maxBody = Math.max(0, maxBody);
        this.uri = uri;
    }

    @Override
    protected void start(HttpResponse httpResponse, ContentType contentType) {
        this.response = httpResponse;
    }

    @Override
    protected int capacityIncrement() {
        return 16 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int length = src.remaining();
        seen += length;
        int room = (int) Math.max(0, Math.min(length, (long) maxBody - body.size()));
        if (room > 0) {
            byte[] chunk = new byte[room];
            src.get(chunk);
            body.write(chunk);
        }
        src.position(src.limit());
        if (seen > (long) maxBody + DRAIN_LIMIT) {
            throw new IOException(
                    "response body from " + uri.getHost() + " exceeds " + (maxBody + DRAIN_LIMIT) + " bytes");
        }
    }

    @Override
    protected RegistryResponse buildResult() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.getValue());
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        String protocol =
                response.getVersion() == null ? "" : response.getVersion().toString();
        return new RegistryResponse(
                response.getCode(), Map.copyOf(headers), body.toByteArray(), seen > maxBody, protocol, uri);
    }

    @Override
    public void releaseResources() {
        // nothing pooled
    }
}

package checkimage.client;

/** Sends one request and returns the response, following no redirects. Implementations are thread-safe. */
public interface Transport extends AutoCloseable {

    RegistryResponse send(RegistryRequest request, Deadline deadline) throws TransportException;

    /**
     * Sends a request made for {@code registry} (host[:port] as in references): ping, token realm, manifest or a
     * redirect of them. The registry chooses the route (proxy, TLS material); transports without routes ignore it.
     */
    default RegistryResponse send(String registry, RegistryRequest request, Deadline deadline)
            throws TransportException {
        return send(request, deadline);
    }

    @Override
    void close();
}

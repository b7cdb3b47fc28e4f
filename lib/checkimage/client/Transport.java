package checkimage.client;

/** Sends one request and returns the response, following no redirects. Implementations are thread-safe. */
public interface Transport extends AutoCloseable {

    RegistryResponse send(RegistryRequest request, Deadline deadline) throws TransportException;

    @Override
    void close();
}

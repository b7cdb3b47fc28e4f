package checkimage.client;

/**
 * Wraps the transport of a checker: paces each request to its host ({@link RequestPacer}) and tallies requests
 * and the rate-limit headers of the answers ({@link RegistryTally}), redirects and retries included.
 */
final class ObservedTransport implements Transport {

    private final Transport inner;
    private final RequestPacer pacer;
    private final RegistryTally tally;

    ObservedTransport(Transport inner, RequestPacer pacer, RegistryTally tally) {
        this.inner = inner;
        this.pacer = pacer;
        this.tally = tally;
    }

    @Override
    public RegistryResponse send(RegistryRequest request, Deadline deadline) throws TransportException {
        return observe(request, deadline, () -> inner.send(request, deadline));
    }

    /** Keeps the registry the request is made for, so that the inner transport takes that registry's route. */
    @Override
    public RegistryResponse send(String registry, RegistryRequest request, Deadline deadline)
            throws TransportException {
        return observe(request, deadline, () -> inner.send(registry, request, deadline));
    }

    private RegistryResponse observe(RegistryRequest request, Deadline deadline, Sending sending)
            throws TransportException {
        String host = request.uri().getAuthority() == null
                ? ""
                : request.uri().getAuthority().toLowerCase(java.util.Locale.ROOT);
        pacer.acquire(host, deadline);
        tally.sent(host);
        RegistryResponse response = sending.send();
        tally.answered(host, response);
        return response;
    }

    /** One send of the inner transport. */
    private interface Sending {
        RegistryResponse send() throws TransportException;
    }

    @Override
    public void close() {
        inner.close();
    }
}

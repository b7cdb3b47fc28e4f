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
        String host = request.uri().getAuthority() == null
                ? ""
                : request.uri().getAuthority().toLowerCase(java.util.Locale.ROOT);
        pacer.acquire(host, deadline);
        tally.sent(host);
        RegistryResponse response = inner.send(request, deadline);
        tally.answered(host, response);
        return response;
    }

    @Override
    public void close() {
        inner.close();
    }
}

package checkimage.client;

import checkimage.reference.Digest;
import checkimage.reference.ImageReference;

/**
 * Step 4 of the handshake: {@code HEAD /v2/<path>/manifests/<tag|digest>} with an Accept header listing OCI
 * index, OCI manifest, Docker manifest list and Docker schema 2; a bounded GET where HEAD is not enough; and
 * bounded blob reads for a single-platform image's config.
 */
final class ManifestProber {

    /** distribution refuses manifests above 4 MiB; so do we. */
    static final int MAX_MANIFEST = 4 << 20;

    static final int MAX_CONFIG = 1 << 20;

    private final RequestSender sender;

    ManifestProber(RequestSender sender) {
        this.sender = sender;
    }

    RegistryResponse head(ImageReference reference, RegistrySession session, Authorization auth, Deadline deadline)
            throws TransportException {
        RegistryRequest request = RegistryRequest.head(manifestUri(reference, session))
                .withHeader("Accept", MediaTypes.ACCEPT)
                .withAuthorization(auth.header());
        return sender.send(reference, RequestStats.Kind.MANIFEST, request, deadline);
    }

    RegistryResponse get(ImageReference reference, RegistrySession session, Authorization auth, Deadline deadline)
            throws TransportException {
        RegistryRequest request = RegistryRequest.get(manifestUri(reference, session), MAX_MANIFEST)
                .withHeader("Accept", MediaTypes.ACCEPT)
                .withAuthorization(auth.header());
        return sender.send(reference, RequestStats.Kind.MANIFEST, request, deadline);
    }

    RegistryResponse blob(
            ImageReference reference, RegistrySession session, Authorization auth, Digest digest, Deadline deadline)
            throws TransportException {
        RegistryRequest request = RegistryRequest.get(
                        session.resolve("/v2/" + reference.path() + "/blobs/" + digest), MAX_CONFIG)
                .withAuthorization(auth.header());
        return sender.send(reference, RequestStats.Kind.BLOB, request, deadline);
    }

    private static java.net.URI manifestUri(ImageReference reference, RegistrySession session) {
        return session.resolve("/v2/" + reference.path() + "/manifests/" + reference.identifier());
    }
}

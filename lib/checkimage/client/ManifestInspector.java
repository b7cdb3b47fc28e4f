package checkimage.client;

import checkimage.reference.Digest;
import checkimage.reference.ImageReference;
import checkimage.reference.InvalidReferenceException;
import checkimage.reference.Platform;
import checkimage.result.Cause;
import checkimage.result.CheckOutcome;
import checkimage.result.RegistryErrors;
import checkimage.result.ResponseClassifier;
import java.util.List;

/**
 * Step 5: read the manifest answer. A successful HEAD gives the digest ({@code Docker-Content-Digest}), media type
 * and size; when HEAD is refused (405/501) or names no digest, a bounded GET does, and the digest is then the
 * sha256 of the body. A digest reference must match what the registry reports and what it serves. Required
 * platforms are looked up in the manifest itself. Failures go to {@link ResponseClassifier}.
 */
final class ManifestInspector {

    private final ManifestProber prober;
    private final PlatformVerifier platforms;

    ManifestInspector(ManifestProber prober, PlatformVerifier platforms) {
        this.prober = prober;
        this.platforms = platforms;
    }

    CheckOutcome inspect(
            ImageReference reference,
            RegistrySession session,
            Authorization auth,
            String identity,
            RegistryResponse head,
            List<Platform> required,
            Deadline deadline)
            throws CheckAbort, TransportException {
        boolean headRefused = head.status() == 405 || head.status() == 501;
        RegistryResponse answer = headRefused ? prober.get(reference, session, auth, deadline) : head;
        if (!answer.isSuccess()) {
            return classify(reference, auth, identity, answer);
        }
        Digest reported = digestHeader(answer);
        RegistryResponse body = headRefused ? answer : null;
        if (body == null && (reported == null || !required.isEmpty())) {
            body = prober.get(reference, session, auth, deadline);
            if (!body.isSuccess()) {
                return classify(reference, auth, identity, body);
            }
        }
        Digest digest = verifiedDigest(reference, reported, body);
        String mediaType = MediaTypes.bare(answer.header("content-type"));
        long size = body != null ? body.body().length : contentLength(answer);
        if (required.isEmpty()) {
            return new CheckOutcome.Accessible(reference, digest, mediaType, size, List.of());
        }
        List<Platform> available = platforms.available(reference, session, auth, body, deadline);
        List<Platform> unmet = PlatformVerifier.unmet(required, available);
        if (!unmet.isEmpty()) {
            return new CheckOutcome.Missing(
                    reference,
                    "no image for platform " + join(unmet) + "; available: "
                            + (available.isEmpty() ? "none" : join(available)),
                    List.of());
        }
        return new CheckOutcome.Accessible(
                reference,
                digest,
                mediaType,
                size,
                available.stream().map(Platform::toString).toList());
    }

    private static Digest verifiedDigest(ImageReference reference, Digest reported, RegistryResponse body)
            throws CheckAbort {
        if (body != null && body.truncated()) {
            throw CheckAbort.unknown(
                    Cause.UNEXPECTED_RESPONSE,
                    "manifest of " + reference + " is larger than " + ManifestProber.MAX_MANIFEST + " bytes");
        }
        Digest requested = reference.digest();
        if (requested != null && reported != null && !requested.equals(reported)) {
            throw mismatch(reference, "reports", reported);
        }
        if (body != null) {
            Digest served = reported != null ? reported : requested != null ? requested : Digest.sha256Of(body.body());
            if (!served.matches(body.body())) {
                throw mismatch(reference, "serves content with digest", Digest.sha256Of(body.body()));
            }
            return served;
        }
        return reported;
    }

    private static CheckAbort mismatch(ImageReference reference, String what, Digest actual) {
        Digest expected = reference.digest();
        return CheckAbort.unknown(
                Cause.DIGEST_MISMATCH,
                reference.registryHost() + " " + what + " " + actual + " for " + reference
                        + (expected == null ? "" : ", not the requested " + expected));
    }

    private static Digest digestHeader(RegistryResponse response) {
        String value = response.header("docker-content-digest");
        if (value == null) {
            return null;
        }
        try {
            return Digest.parse(value.trim());
        } catch (InvalidReferenceException e) {
            return null;
        }
    }

    private static long contentLength(RegistryResponse response) {
        try {
            return Long.parseLong(
                    String.valueOf(response.header("content-length")).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static CheckOutcome classify(
            ImageReference reference, Authorization auth, String identity, RegistryResponse response) {
        return ResponseClassifier.classify(
                reference,
                new ResponseClassifier.Exchange(
                        response.status(),
                        auth.scheme() == Authorization.Scheme.BASIC,
                        auth.credentialed(),
                        identity,
                        RegistryErrors.parse(response.body()),
                        RequestSender.retryAfter(response, java.time.Instant.now())));
    }

    private static String join(List<Platform> platforms) {
        return String.join(", ", platforms.stream().map(Platform::toString).toList());
    }
}

package checkimage.client;

import checkimage.json.Json;
import checkimage.json.JsonException;
import checkimage.reference.Digest;
import checkimage.reference.ImageReference;
import checkimage.reference.InvalidReferenceException;
import checkimage.reference.Platform;
import checkimage.result.Cause;
import checkimage.result.ResponseClassifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the platforms an image offers: the {@code platform} of each entry of an index or manifest list
 * (ignoring buildx's {@code unknown/unknown} attestation entries), or, for a single-platform manifest, the
 * {@code os}/{@code architecture}/{@code variant} of its config blob.
 */
final class PlatformVerifier {

    private final ManifestProber prober;

    PlatformVerifier(ManifestProber prober) {
        this.prober = prober;
    }

    List<Platform> available(
            ImageReference reference,
            RegistrySession session,
            Authorization auth,
            RegistryResponse manifest,
            Deadline deadline)
            throws CheckAbort {
        Map<?, ?> root = object(manifest.body(), "manifest of " + reference);
        if (MediaTypes.isIndex(manifest.header("content-type")) || root.get("manifests") instanceof List<?>) {
            return fromIndex(root);
        }
        if (!(root.get("config") instanceof Map<?, ?> config)
                || !(config.get("digest") instanceof String configDigest)) {
            throw CheckAbort.unknown(
                    Cause.UNEXPECTED_RESPONSE, "manifest of " + reference + " has no config descriptor");
        }
        return List.of(fromConfig(reference, session, auth, configDigest, deadline));
    }

    /** The required platforms that none of the available ones satisfies. */
    static List<Platform> unmet(List<Platform> required, List<Platform> available) {
        return required.stream()
                .filter(r -> available.stream().noneMatch(a -> a.satisfies(r)))
                .toList();
    }

    private static List<Platform> fromIndex(Map<?, ?> root) {
        List<Platform> platforms = new ArrayList<>();
        if (root.get("manifests") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> descriptor && descriptor.get("platform") instanceof Map<?, ?> platform) {
                    Platform parsed = platformOf(platform);
                    if (parsed != null && !parsed.isUnknown() && !platforms.contains(parsed)) {
                        platforms.add(parsed);
                    }
                }
            }
        }
        return List.copyOf(platforms);
    }

    private Platform fromConfig(
            ImageReference reference,
            RegistrySession session,
            Authorization auth,
            String configDigest,
            Deadline deadline)
            throws CheckAbort {
        Digest digest;
        try {
            digest = Digest.parse(configDigest);
        } catch (InvalidReferenceException e) {
            throw CheckAbort.unknown(
                    Cause.UNEXPECTED_RESPONSE, "manifest of " + reference + " names an invalid config digest");
        }
        RegistryResponse blob;
        try {
            blob = prober.blob(reference, session, auth, digest, deadline);
        } catch (TransportException e) {
            throw CheckAbort.of(e);
        }
        if (!blob.isSuccess() || blob.truncated()) {
            throw CheckAbort.unknown(
                    blob.isSuccess() ? Cause.UNEXPECTED_RESPONSE : ResponseClassifier.causeOf(blob.status()),
                    "cannot read the config blob " + digest + " of " + reference + " (" + blob.status() + ")");
        }
        Platform platform = platformOf(object(blob.body(), "config blob of " + reference));
        if (platform == null) {
            throw CheckAbort.unknown(
                    Cause.UNEXPECTED_RESPONSE, "config blob of " + reference + " names no os/architecture");
        }
        return platform;
    }

    private static Platform platformOf(Map<?, ?> fields) {
        if (fields.get("os") instanceof String os && fields.get("architecture") instanceof String arch) {
            return new Platform(os, arch, fields.get("variant") instanceof String v ? v : null);
        }
        return null;
    }

    private static Map<?, ?> object(byte[] body, String what) throws CheckAbort {
        try {
            if (Json.parse(new String(body, StandardCharsets.UTF_8)) instanceof Map<?, ?> map) {
                return map;
            }
        } catch (JsonException e) {
            throw CheckAbort.unknown(Cause.UNEXPECTED_RESPONSE, what + " is not valid JSON: " + e.getMessage());
        }
        throw CheckAbort.unknown(Cause.UNEXPECTED_RESPONSE, what + " is not a JSON object");
    }
}

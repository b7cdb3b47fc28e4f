package checkimage.client;

import checkimage.json.Json;
import checkimage.json.JsonException;
import checkimage.policy.ImageFacts;
import checkimage.reference.Digest;
import checkimage.reference.ImageReference;
import checkimage.reference.InvalidReferenceException;
import checkimage.reference.Platform;
import checkimage.result.Cause;
import checkimage.result.ResponseClassifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what image rules need, after the check found the image: {@code GET} the manifest by its digest; for an
 * index, the manifest of each wanted platform (the required platforms, else linux/amd64); then {@code GET} each
 * config blob. A blob redirect to another host (a CDN) is followed without the Authorization header, as for
 * manifests ({@link RequestSender}). Each distinct manifest digest is read once per checker, and each distinct
 * config blob once: concurrent checks of the same image wait for the first.
 *
 * <p>The base image is the annotation {@value ImageFacts#BASE_NAME} of the platform manifest, else of the index,
 * else the config label of that name.
 */
final class ConfigFetcher {

    private static final Platform DEFAULT_PLATFORM = Platform.parse("linux/amd64");

    /** One fetch that may end the image's check early. */
    @FunctionalInterface
    private interface Fetch<T> {
        T get() throws CheckAbort;
    }

    private final ManifestProber prober;
    private final Map<String, CompletableFuture<List<ImageFacts>>> images = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Map<?, ?>>> configs = new ConcurrentHashMap<>();

    ConfigFetcher(ManifestProber prober) {
        this.prober = prober;
    }

    /** The facts of the image {@code digest} of {@code reference}, one per platform read. */
    List<ImageFacts> facts(
            ImageReference reference,
            Digest digest,
            List<Platform> required,
            RegistrySession session,
            Authorization auth,
            Deadline deadline)
            throws CheckAbort {
        List<Platform> wanted = required.isEmpty() ? List.of(DEFAULT_PLATFORM) : required;
        return once(images, digest + " " + wanted, () -> read(reference, digest, wanted, session, auth, deadline));
    }

    private List<ImageFacts> read(
            ImageReference reference,
            Digest digest,
            List<Platform> wanted,
            RegistrySession session,
            Authorization auth,
            Deadline deadline)
            throws CheckAbort {
        Map<?, ?> root = manifest(reference, digest, session, auth, deadline);
        if (!(root.get("manifests") instanceof List<?> entries)) {
            return List.of(facts(reference, root, Map.of(), session, auth, deadline));
        }
        Map<?, ?> indexAnnotations = root.get("annotations") instanceof Map<?, ?> a ? a : Map.of();
        List<ImageFacts> facts = new ArrayList<>();
        for (Platform platform : wanted) {
            Digest child = childFor(reference, entries, platform);
            facts.add(facts(
                    reference,
                    manifest(reference, child, session, auth, deadline),
                    indexAnnotations,
                    session,
                    auth,
                    deadline));
        }
        return List.copyOf(facts);
    }

    private ImageFacts facts(
            ImageReference reference,
            Map<?, ?> manifest,
            Map<?, ?> indexAnnotations,
            RegistrySession session,
            Authorization auth,
            Deadline deadline)
            throws CheckAbort {
        if (!(manifest.get("config") instanceof Map<?, ?> descriptor)
                || !(descriptor.get("digest") instanceof String text)) {
            throw CheckAbort.unknown(
                    Cause.UNEXPECTED_RESPONSE, "manifest of " + reference + " has no config descriptor");
        }
        Digest configDigest = digest(reference, text);
        Map<?, ?> config =
                once(configs, configDigest.toString(), () -> config(reference, configDigest, session, auth, deadline));
        Map<?, ?> inner = config.get("config") instanceof Map<?, ?> c ? c : Map.of();
        Map<String, String> labels = new LinkedHashMap<>();
        if (inner.get("Labels") instanceof Map<?, ?> found) {
            found.forEach((k, v) -> labels.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        Optional<String> base = annotation(manifest, ImageFacts.BASE_NAME)
                .or(() ->
                        Optional.ofNullable(indexAnnotations.get(ImageFacts.BASE_NAME) instanceof String s ? s : null))
                .or(() -> Optional.ofNullable(labels.get(ImageFacts.BASE_NAME)));
        String platform = config.get("os") + "/" + config.get("architecture")
                + (config.get("variant") instanceof String v ? "/" + v : "");
        return new ImageFacts(
                platform,
                created(config.get("created")),
                size(manifest),
                labels,
                Optional.ofNullable(inner.get("User") instanceof String u ? u : null),
                base);
    }

    private Map<?, ?> manifest(
            ImageReference reference, Digest digest, RegistrySession session, Authorization auth, Deadline deadline)
            throws CheckAbort {
        ImageReference pinned = new ImageReference(reference.domain(), reference.path(), reference.tag(), digest);
        RegistryResponse response;
        try {
            response = prober.get(pinned, session, auth, deadline);
        } catch (TransportException e) {
            throw CheckAbort.of(e);
        }
        return object(response, "manifest " + digest + " of " + reference, digest);
    }

    private Map<?, ?> config(
            ImageReference reference, Digest digest, RegistrySession session, Authorization auth, Deadline deadline)
            throws CheckAbort {
        RegistryResponse response;
        try {
            response = prober.blob(reference, session, auth, digest, deadline);
        } catch (TransportException e) {
            throw CheckAbort.of(e);
        }
        return object(response, "config blob " + digest + " of " + reference, digest);
    }

    private static Map<?, ?> object(RegistryResponse response, String what, Digest digest) throws CheckAbort {
        if (!response.isSuccess()) {
            throw CheckAbort.unknown(
                    ResponseClassifier.causeOf(response.status()),
                    "cannot read the " + what + " (" + response.status() + ")");
        }
        if (response.truncated()) {
            throw CheckAbort.unknown(Cause.UNEXPECTED_RESPONSE, "the " + what + " is too large to read");
        }
        if (!digest.matches(response.body())) {
            throw CheckAbort.unknown(Cause.DIGEST_MISMATCH, "the " + what + " does not match its digest");
        }
        try {
            if (Json.parse(new String(response.body(), StandardCharsets.UTF_8)) instanceof Map<?, ?> map) {
                return map;
            }
        } catch (JsonException e) {
            throw CheckAbort.unknown(
                    Cause.UNEXPECTED_RESPONSE, "the " + what + " is not valid JSON: " + e.getMessage());
        }
        throw CheckAbort.unknown(Cause.UNEXPECTED_RESPONSE, "the " + what + " is not a JSON object");
    }

    private static Digest childFor(ImageReference reference, List<?> entries, Platform platform) throws CheckAbort {
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> descriptor
                    && descriptor.get("platform") instanceof Map<?, ?> p
                    && p.get("os") instanceof String os
                    && p.get("architecture") instanceof String arch
                    && new Platform(os, arch, p.get("variant") instanceof String v ? v : null).satisfies(platform)
                    && descriptor.get("digest") instanceof String text) {
                return digest(reference, text);
            }
        }
        throw CheckAbort.unknown(
                Cause.UNEXPECTED_RESPONSE,
                "the index of " + reference + " has no " + platform + " image to read for the image rules");
    }

    private static Digest digest(ImageReference reference, String text) throws CheckAbort {
        try {
            return Digest.parse(text);
        } catch (InvalidReferenceException e) {
            throw CheckAbort.unknown(
                    Cause.UNEXPECTED_RESPONSE, "manifest of " + reference + " names an invalid digest");
        }
    }

    private static Optional<String> annotation(Map<?, ?> manifest, String key) {
        return manifest.get("annotations") instanceof Map<?, ?> a && a.get(key) instanceof String value
                ? Optional.of(value)
                : Optional.empty();
    }

    private static Optional<Instant> created(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static OptionalLong size(Map<?, ?> manifest) {
        if (!(manifest.get("layers") instanceof List<?> layers)) {
            return OptionalLong.empty();
        }
        long total = 0;
        for (Object layer : layers) {
            if (!(layer instanceof Map<?, ?> descriptor) || !(descriptor.get("size") instanceof Number n)) {
                return OptionalLong.empty();
            }
            total += n.longValue();
        }
        return OptionalLong.of(total);
    }

    private static <T> T once(Map<String, CompletableFuture<T>> memo, String key, Fetch<T> fetch) throws CheckAbort {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> first = memo.putIfAbsent(key, mine);
        if (first != null) {
            try {
                return first.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof CheckAbort abort) {
                    throw abort;
                }
                throw e;
            }
        }
        try {
            T value = fetch.get();
            mine.complete(value);
            return value;
        } catch (CheckAbort | RuntimeException e) {
            memo.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }
}

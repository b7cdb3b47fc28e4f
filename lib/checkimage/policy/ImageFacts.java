package checkimage.policy;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What image rules read about one platform's image: from its config blob ({@code created}, {@code config.Labels},
 * {@code config.User}) and its manifest (the layer sizes). An empty value means the image does not say.
 *
 * @param platform the platform, e.g. {@code linux/amd64}
 * @param created {@code created} of the config
 * @param size the sum of the layer sizes of the manifest (compressed, as pulled)
 * @param labels {@code config.Labels}
 * @param user {@code config.User}; empty when the config sets none
 * @param baseName the base image: the manifest annotation {@code org.opencontainers.image.base.name}, else the
 *     label of that name
 */
public record ImageFacts(
        String platform,
        Optional<Instant> created,
        OptionalLong size,
        Map<String, String> labels,
        Optional<String> user,
        Optional<String> baseName) {

    /** The OCI annotation (and label) naming the base image. */
    public static final String BASE_NAME = "org.opencontainers.image.base.name";

    public ImageFacts {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(size, "size");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(baseName, "baseName");
    }
}

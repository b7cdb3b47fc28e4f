package checkimage.registries;

import checkimage.reference.ImageReference;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one reference is pulled from: its sources in order (mirrors that serve it, then the registry itself) or,
 * for a blocked registry, why nothing may be asked.
 *
 * @param reference the reference as written
 * @param sources mirrors first, the registry itself last; never empty
 * @param blockedBy the entry that blocks the registry, e.g. {@code /etc/containers/registries.conf [[registry]] #1}
 */
public record Route(ImageReference reference, List<PullSource> sources, Optional<String> blockedBy) {

    public Route {
        Objects.requireNonNull(reference, "reference");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least the registry itself");
        }
        Objects.requireNonNull(blockedBy, "blockedBy");
    }

    /** Straight to the reference's registry. */
    public static Route direct(ImageReference reference) {
        return new Route(reference, List.of(PullSource.direct(reference)), Optional.empty());
    }

    /** The registry itself (the last source). */
    public PullSource origin() {
        return sources.get(sources.size() - 1);
    }

    public boolean isBlocked() {
        return blockedBy.isPresent();
    }
}

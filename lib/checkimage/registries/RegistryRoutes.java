package checkimage.registries;

import checkimage.reference.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides where each reference is pulled from, combining layers of settings in one order, highest first: the
 * policy's {@code registry(…)} blocks, then {@code --registries-conf} (registries.conf and its drop-ins), then
 * {@code --containerd-hosts}, then {@code --docker-daemon-config}. In each layer the entry with the longest
 * matching prefix applies; across layers:
 * <ul>
 *   <li>mirrors come from the highest layer whose entry lists any (they are not merged);</li>
 *   <li>a {@code location} rewrite and TLS settings likewise from the highest layer that sets them;</li>
 *   <li>{@code insecure} and {@code blocked} hold when any layer says so.</li>
 * </ul>
 * A mirror is rewritten with its path: {@code docker.io/library/nginx} through a mirror at
 * {@code harbor.corp/dockerhub-proxy} is {@code harbor.corp/dockerhub-proxy/library/nginx}. Mirrors whose
 * {@code pull-from-mirror} does not serve the reference (digest-only for a tag, tag-only for a digest) are left out.
 */
public final class RegistryRoutes {

    private final List<RegistryLayer> layers;

    /** Layers highest first. */
    public RegistryRoutes(List<RegistryLayer> layers) {
        this.layers = List.copyOf(layers);
    }

    /** Every reference straight to its registry. */
    public static RegistryRoutes none() {
        return new RegistryRoutes(List.of());
    }

    public List<RegistryLayer> layers() {
        return layers;
    }

    /** The same layers with {@code layer} above them. */
    public RegistryRoutes withTop(RegistryLayer layer) {
        List<RegistryLayer> all = new ArrayList<>();
        all.add(layer);
        all.addAll(layers);
        return new RegistryRoutes(all);
    }

    /** Where {@code reference} is pulled from. */
    public Route route(ImageReference reference) {
        List<Matched> matched = new ArrayList<>();
        for (RegistryLayer layer : layers) {
            layer.find(reference).ifPresent(entry -> matched.add(new Matched(layer, entry)));
        }
        if (matched.isEmpty()) {
            return Route.direct(reference);
        }
        Optional<String> blockedBy = matched.stream()
                .filter(m -> m.entry().blocked())
                .map(Matched::where)
                .findFirst();
        boolean insecure = matched.stream().anyMatch(m -> m.entry().insecure());
        Optional<Matched> tls =
                matched.stream().filter(m -> !m.entry().tls().isEmpty()).findFirst();
        List<PullSource> sources = new ArrayList<>(mirrorSources(reference, matched));
        Optional<Matched> relocated =
                matched.stream().filter(m -> m.entry().location().isPresent()).findFirst();
        ImageReference target = relocated
                .flatMap(m -> m.entry()
                        .effectiveLocation(reference)
                        .rewrite(reference, m.entry().remainder(reference)))
                .orElse(reference);
        // the registry's own line names the entry that changes how it is reached, if any
        String origin = relocated
                .or(() -> tls)
                .or(() -> matched.stream()
                        .filter(m -> m.entry().insecure() || m.entry().blocked())
                        .findFirst())
                .map(Matched::where)
                .orElse("");
        sources.add(new PullSource(
                target,
                Optional.empty(),
                insecure,
                tls.map(m -> m.entry().tls()).orElse(TlsFiles.none()),
                origin));
        return new Route(reference, sources, blockedBy);
    }

    /** The mirrors of the highest layer that lists any, rewritten with their paths, those that serve the reference. */
    private static List<PullSource> mirrorSources(ImageReference reference, List<Matched> matched) {
        List<PullSource> sources = new ArrayList<>();
        Optional<Matched> mirrored =
                matched.stream().filter(m -> !m.entry().mirrors().isEmpty()).findFirst();
        if (mirrored.isEmpty()) {
            return sources;
        }
        RegistryEntry entry = mirrored.get().entry();
        String remainder = entry.remainder(reference);
        for (Mirror mirror : entry.mirrors()) {
            if (!mirror.pullFrom().serves(reference.digest() != null)) {
                continue;
            }
            mirror.location()
                    .rewrite(reference, remainder)
                    .ifPresent(at -> sources.add(new PullSource(
                            at,
                            Optional.of(mirror),
                            mirror.insecure(),
                            mirror.tls(),
                            mirrored.get().where())));
        }
        return sources;
    }

    /**
     * What -v says about the registry of {@code reference}: each source with the file it comes from, or that the
     * registry is blocked.
     */
    public List<String> explain(ImageReference reference) {
        Route route = route(reference);
        List<String> lines = new ArrayList<>();
        route.blockedBy().ifPresent(where -> lines.add("blocked by " + where));
        for (PullSource source : route.sources()) {
            lines.add((source.isMirror() ? "mirror " : "registry ")
                    + source.reference().name()
                    + (source.insecure() ? ", insecure" : "")
                    + (source.tls().isEmpty() ? "" : ", " + source.tls())
                    + (source.isMirror()
                            ? source.mirror().get().pullFrom() == PullFrom.ALL
                                    ? ""
                                    : ", " + source.mirror().get().pullFrom().word()
                            : "")
                    + (source.origin().isEmpty() ? "" : " (" + source.origin() + ")"));
        }
        return lines;
    }

    @Override
    public String toString() {
        return "RegistryRoutes" + layers.stream().map(RegistryLayer::name).toList();
    }

    private record Matched(RegistryLayer layer, RegistryEntry entry) {
        String where() {
            return entry.origin().isEmpty() ? layer.name() : entry.origin();
        }
    }
}

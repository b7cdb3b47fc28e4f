package checkimage.policy;

import checkimage.reference.ImageReference;
import java.util.List;

/**
 * The rules beyond allow/deny/block and the top-level {@code tags}: {@code image}, {@code match} and
 * {@code warn} blocks, waivers and deprecated registries. Immutable.
 */
public record Rulebook(List<ScopedRules> scoped, List<Waiver> waivers, List<Deprecation> deprecations) {

    public Rulebook {
        scoped = List.copyOf(scoped);
        waivers = List.copyOf(waivers);
        deprecations = List.copyOf(deprecations);
    }

    public static Rulebook none() {
        return new Rulebook(List.of(), List.of(), List.of());
    }

    /** The image rules that apply to {@code reference}, denying or warning, in file order; empty means no fetch. */
    public List<ImageRule> imageRulesFor(ImageReference reference) {
        return scoped.stream()
                .filter(s -> s.appliesTo(reference))
                .flatMap(s -> s.image().stream())
                .toList();
    }
}

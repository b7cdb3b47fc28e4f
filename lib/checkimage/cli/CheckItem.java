package checkimage.cli;

import checkimage.credentials.PullSecret;
import checkimage.input.ImagePlace;
import java.util.List;
import java.util.Optional;

/**
 * One image reference to check, as written, where it came from (for reports), the place in a file that names it
 * (empty for IMAGE arguments) and the pull secrets of its Kubernetes pod, tried before the standard credentials.
 */
record CheckItem(String input, String origin, Optional<ImagePlace> place, List<PullSecret> pullSecrets) {

    CheckItem {
        pullSecrets = List.copyOf(pullSecrets);
    }

    /** An IMAGE argument. */
    CheckItem(String input, String origin) {
        this(input, origin, Optional.empty(), List.of());
    }

    /** An image named at {@code place}. */
    static CheckItem at(ImagePlace place) {
        return new CheckItem(place.text(), place.origin(), Optional.of(place), List.of());
    }

    /** An image of a Kubernetes pod with the pod's pull secrets. */
    static CheckItem at(ImagePlace place, List<PullSecret> pullSecrets) {
        return new CheckItem(place.text(), place.origin(), Optional.of(place), pullSecrets);
    }
}

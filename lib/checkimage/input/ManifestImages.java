package checkimage.input;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ManifestReader} found in one input (every {@code --manifest} file and the manifests of a scan):
 * the image places with their pods' pull secrets, in file and line order, and the notes.
 *
 * @param places every image place
 * @param notes warnings (a pull secret not in the input) and verbose notes (kinds without a pod spec,
 *     documents that are not Kubernetes objects)
 */
public record ManifestImages(List<ManifestPlace> places, List<InputNote> notes) {

    public ManifestImages {
        places = List.copyOf(Objects.requireNonNull(places, "places"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }

    /** The places and notes without the pull secrets, as every reader reports them. */
    public PlacedImages placedImages() {
        return new PlacedImages(places.stream().map(ManifestPlace::place).toList(), notes);
    }
}

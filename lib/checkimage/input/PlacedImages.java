package checkimage.input;

import java.util.List;
import java.util.Objects;

/**
 * What a reader found in one or more input files: the image places in file and line order, and the notes.
 *
 * @param places every place an image is named
 * @param notes warnings and verbose notes, in the order they were made
 */
public record PlacedImages(List<ImagePlace> places, List<InputNote> notes) {

    public PlacedImages {
        places = List.copyOf(Objects.requireNonNull(places, "places"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }
}

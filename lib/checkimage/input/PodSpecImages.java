package checkimage.input;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The images of one Kubernetes pod spec: every {@code image} of {@code containers}, {@code initContainers} and
 * {@code ephemeralContainers}, in that order, each at the line and column of its value, with a context such as
 * {@code Deployment shop/web, initContainer migrate}.
 *
 * <p>A value that is not a string ({@code image: 5}, a map), an empty one, and a container without
 * {@code image} become invalid places at their line: the API server would refuse them too, and the rest of the
 * input is still checked. A container list that is not a list is an input error.
 */
final class PodSpecImages {

    private static final List<String[]> LISTS = List.of(
            new String[] {"containers", "container"},
            new String[] {"initContainers", "initContainer"},
            new String[] {"ephemeralContainers", "ephemeralContainer"});

    private PodSpecImages() {}

    /** The places of {@code spec} (a pod spec map), named after {@code owner} ({@code Deployment shop/web}). */
    static List<ImagePlace> of(YamlNode spec, String owner) {
        List<ImagePlace> places = new ArrayList<>();
        for (String[] list : LISTS) {
            List<YamlNode> containers = spec.get(list[0]).items();
            for (int i = 0; i < containers.size(); i++) {
                places.add(placeOf(containers.get(i), owner + ", " + list[1] + " " + nameOf(containers.get(i), i)));
            }
        }
        // in line order: initContainers are often written after containers
        places.sort(Comparator.comparingInt((ImagePlace p) -> p.location().line())
                .thenComparingInt(p -> p.location().column()));
        return places;
    }

    private static ImagePlace placeOf(YamlNode container, String context) {
        container.requireMap();
        YamlNode image = container.get("image");
        if (image.isMissing()) {
            return ImagePlace.of("", image.location(), context).withInvalid("the container has no image");
        }
        if (!image.isString()) {
            String text = image.isMap() || image.isList() || image.isAbsent() ? "" : image.scalarText();
            return ImagePlace.of(text, image.location(), context)
                    .withInvalid(
                            image.isAbsent()
                                    ? "the image is empty"
                                    : "the image is " + image.kind() + ", not a string");
        }
        String text = image.scalarText();
        if (text.isBlank()) {
            return ImagePlace.of(text, image.location(), context).withInvalid("the image is empty");
        }
        return ImagePlace.of(text, image.location(), context);
    }

    private static String nameOf(YamlNode container, int index) {
        return container.isMap()
                ? container
                        .get("name")
                        .optionalString()
                        .filter(n -> !n.isEmpty())
                        .orElse("#" + (index + 1))
                : "#" + (index + 1);
    }
}

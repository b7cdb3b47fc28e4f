package checkimage.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the images of docker compose files: {@code services.<name>.image}, one place per service.
 *
 * <p>As {@code docker compose -f a.yaml -f b.yaml} does:
 * <ul>
 *   <li>Later files (and later YAML documents of a file) override earlier ones service by service: a later
 *       {@code image} replaces the earlier one, a {@code build} anywhere makes the service built locally, and
 *       compose's {@code !reset} tag removes an {@code image}, a {@code build} or a whole service.</li>
 *   <li>Image values are interpolated ({@link ComposeInterpolation}) from the environment given, then from the
 *       {@code .env} file next to the first file ({@link DotEnvParser}); the environment wins. An unset
 *       variable becomes empty with a warning naming file, line and variable; a missing required variable or
 *       an invalid template is an {@link InputException}. Only {@code image} values are interpolated: the
 *       rest of the file is not read.</li>
 *   <li>Anchors, aliases and merge keys ({@code <<: *x-common}) are followed; a value reached through an alias
 *       is located where the anchored value is written.</li>
 *   <li>A service with {@code build} is built locally: its image is a place {@linkplain
 *       ImagePlace#withNotChecked not checked} ("built locally (build:)"); with no {@code image} at all it
 *       gives no place, only a verbose note, since compose then names the image after the project.</li>
 *   <li>An image that is not a string, or is empty (also after interpolation), is an {@linkplain
 *       ImagePlace#withInvalid invalid} place at its line.</li>
 * </ul>
 * {@code extends} and top-level {@code include} are not followed (a verbose note says so). Errors read
 * {@code <file>: <key path>: line <n>: <problem>}.
 */
public final class ComposeReader {

    static final String BUILT_LOCALLY = "built locally (build:)";

    private final Map<String, String> environment;

    /** @param environment the variables compose would see (usually {@code System.getenv()}) */
    public ComposeReader(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** Reads {@code files} as one project, the first being the main file next to which {@code .env} is read. */
    public PlacedImages read(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no compose file given");
        }
        Path dotEnvFile = files.get(0).resolveSibling(".env");
        Map<String, String> dotEnv = Files.isRegularFile(dotEnvFile)
                ? DotEnvParser.parse(
                        InputText.read(dotEnvFile, ShownPath.of(dotEnvFile)),
                        ShownPath.of(dotEnvFile),
                        name -> Optional.ofNullable(environment.get(name)))
                : Map.of();
        Project project = new Project(dotEnv);
        for (Path file : files) {
            String shown = ShownPath.of(file);
            project.read(InputText.read(file, shown), shown);
        }
        return project.result();
    }

    /** Reads compose YAML {@code text}, named {@code source} in places and errors, with no {@code .env} file. */
    public PlacedImages read(String text, String source) {
        Project project = new Project(Map.of());
        project.read(text, source);
        return project.result();
    }

    /** What the files say about one service so far. */
    private static final class Service {
        private final String name;
        private SourceLocation declared;
        private ImagePlace image;
        private int imageFile;
        private boolean build;
        private boolean extendsOther;

        Service(String name) {
            this.name = name;
        }
    }

    private final class Project {
        private final ComposeInterpolation interpolation;
        private final Map<String, Service> services = new LinkedHashMap<>();
        private final List<InputNote> notes = new ArrayList<>();
        private int fileIndex = -1;

        Project(Map<String, String> dotEnv) {
            this.interpolation = new ComposeInterpolation(
                    name -> Optional.ofNullable(environment.getOrDefault(name, dotEnv.get(name))));
        }

        void read(String text, String shown) {
            fileIndex++;
            ComposeYaml yaml = new ComposeYaml(shown, text);
            for (Node root : yaml.documents()) {
                if (root != null && !ComposeYaml.isNull(root)) {
                    readDocument(root, yaml, shown);
                }
            }
        }

        private void readDocument(Node root, ComposeYaml yaml, String shown) {
            if (!(root instanceof MappingNode map)) {
                throw yaml.error(root, "", "expected a map of compose keys (services, volumes, …)");
            }
            Map<String, NodeTuple> top = yaml.entries(map, "");
            if (top.containsKey("include")) {
                notes.add(InputNote.verbose(shown + ": top-level include: is not followed"));
            }
            NodeTuple servicesEntry = top.get("services");
            if (servicesEntry == null || ComposeYaml.isNull(servicesEntry.getValueNode())) {
                return;
            }
            if (!(servicesEntry.getValueNode() instanceof MappingNode servicesMap)) {
                throw yaml.error(servicesEntry.getValueNode(), "services", "expected a map of services");
            }
            yaml.entries(servicesMap, "services").forEach((name, entry) -> readService(name, entry, yaml, shown));
        }

        private void readService(String name, NodeTuple entry, ComposeYaml yaml, String shown) {
            Node value = entry.getValueNode();
            String path = KeyPath.key("services", name);
            if (ComposeYaml.isReset(value)) {
                services.remove(name);
                return;
            }
            Service service = services.computeIfAbsent(name, Service::new);
            if (service.declared == null) {
                service.declared = yaml.location(entry.getKeyNode());
            }
            if (ComposeYaml.isNull(value)) {
                return;
            }
            if (!(value instanceof MappingNode map)) {
                throw yaml.error(value, path, "expected a map (the service's settings)");
            }
            Map<String, NodeTuple> settings = yaml.entries(map, path);
            NodeTuple image = settings.get("image");
            if (image != null) {
                service.image = ComposeYaml.isReset(image.getValueNode())
                        ? null
                        : image(image.getValueNode(), KeyPath.key(path, "image"), name, yaml, shown);
                service.imageFile = fileIndex;
            }
            NodeTuple build = settings.get("build");
            if (build != null) {
                Node buildValue = build.getValueNode();
                service.build = !ComposeYaml.isReset(buildValue) && !ComposeYaml.isNull(buildValue);
            }
            service.extendsOther |= settings.containsKey("extends");
        }

        private ImagePlace image(Node node, String path, String serviceName, ComposeYaml yaml, String shown) {
            SourceLocation at = yaml.location(node);
            String context = "service " + serviceName;
            if (!(node instanceof ScalarNode scalar)) {
                return ImagePlace.of("", at, context)
                        .withInvalid(
                                "image is a " + (node instanceof MappingNode ? "map" : "list") + ", expected a string");
            }
            String written = scalar.getValue();
            Tag tag = scalar.getTag();
            if (Tag.NULL.equals(tag)) {
                return ImagePlace.of(written, at, context).withInvalid("image is empty");
            }
            if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag)) {
                return ImagePlace.of(written, at, context)
                        .withInvalid("image is not a string (a " + (Tag.BOOL.equals(tag) ? "boolean" : "number")
                                + "); quote it");
            }
            ComposeInterpolation.Result result;
            try {
                result = interpolation.substitute(written);
            } catch (ComposeInterpolation.Failure e) {
                throw yaml.error(node, path, e.getMessage());
            }
            for (String unset : result.unset()) {
                notes.add(InputNote.warning(
                        at,
                        "the \"" + unset + "\" variable is not set; defaulting to a blank" + " string (" + context
                                + ")"));
            }
            ImagePlace place = ImagePlace.of(result.text().isEmpty() ? written : result.text(), at, context);
            place = result.firstVariable().map(place::withVariable).orElse(place);
            if (result.text().isEmpty()) {
                return place.withInvalid(written.isEmpty() ? "image is empty" : "image is empty after interpolation");
            }
            return place;
        }

        PlacedImages result() {
            List<ImagePlace> places = new ArrayList<>();
            List<Integer> files = new ArrayList<>();
            for (Service service : services.values()) {
                if (service.image != null) {
                    places.add(service.build ? service.image.withNotChecked(BUILT_LOCALLY) : service.image);
                    files.add(service.imageFile);
                } else {
                    notes.add(InputNote.verbose(service.declared.where() + ": service " + service.name
                            + (service.build
                                    ? " is built locally (build:) and names no image: nothing to check"
                                    : " names no image"
                                            + (service.extendsOther ? " (extends: is not followed)" : ""))));
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < places.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer>comparingInt(files::get)
                    .thenComparingInt(i -> places.get(i).location().line())
                    .thenComparingInt(i -> places.get(i).location().column()));
            return new PlacedImages(order.stream().map(places::get).toList(), notes);
        }
    }
}

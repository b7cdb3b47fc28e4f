package checkimage.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the images a Dockerfile pulls, as BuildKit resolves them.
 *
 * <ul>
 *   <li>Every {@code FROM} image (flags such as {@code --platform} ignored), context {@code stage <name>} or
 *       {@code stage <index>}. A {@code FROM} naming an earlier stage (case-insensitive) or {@code scratch}
 *       pulls nothing.</li>
 *   <li>{@code FROM} words are expanded ({@link ShellExpansion}) with the {@code ARG}s declared before the first
 *       {@code FROM}: their defaults (which may use earlier ones), replaced by {@code buildArgs} of the same
 *       name, and BuildKit's automatic platform ARGs ({@code TARGETPLATFORM}, {@code TARGETOS},
 *       {@code TARGETARCH}, {@code TARGETVARIANT} and the {@code BUILD…} ones), which take the first literal
 *       {@code --platform} of a {@code FROM}, else {@code linux/amd64}; {@code buildArgs} may set them too.
 *       A variable that is not declared expands to nothing, with a warning.</li>
 *   <li>{@code COPY --from=X} and {@code RUN --mount=…,from=X} name an image when X is neither a stage name
 *       nor a stage index; X is expanded with the stage's own {@code ARG}s (context {@code COPY --from},
 *       {@code RUN --mount}).</li>
 *   <li>The {@code # syntax=} directive names the BuildKit frontend image (context {@code syntax}).</li>
 * </ul>
 * Lines, continuations, comments, heredocs and directives are split by {@link DockerfileScanner}. A place
 * whose text came from a variable carries the first variable used. Errors read {@code <file>: line <n>:
 * <problem>}, e.g. {@code Dockerfile: line 3: FROM requires either one or three arguments}.
 */
public final class DockerfileReader {

    static final List<String> PLATFORM_ARGS = List.of(
            "TARGETPLATFORM",
            "TARGETOS",
            "TARGETARCH",
            "TARGETVARIANT",
            "BUILDPLATFORM",
            "BUILDOS",
            "BUILDARCH",
            "BUILDVARIANT");

    public DockerfileReader() {}

    /** Reads {@code file} with the given {@code --build-arg} values. */
    public PlacedImages read(Path file, Map<String, String> buildArgs) {
        String shown = ShownPath.of(file);
        return read(InputText.read(file, shown), shown, buildArgs);
    }

    /** Reads Dockerfile {@code text}, named {@code source} in places and errors. */
    public PlacedImages read(String text, String source, Map<String, String> buildArgs) {
        DockerfileScanner.Scanned scanned = DockerfileScanner.scan(text, Objects.requireNonNull(source, "source"));
        return new Build(scanned, source, Map.copyOf(buildArgs)).read();
    }

    private static final class Build {
        private final DockerfileScanner.Scanned scanned;
        private final String source;
        private final Map<String, String> buildArgs;
        private final List<ImagePlace> places = new ArrayList<>();
        private final List<InputNote> notes = new ArrayList<>();
        private final Map<String, String> global = new LinkedHashMap<>();
        private final List<String> allStages = new ArrayList<>();
        private final List<String> stagesSoFar = new ArrayList<>();
        private final Set<String> declared = new LinkedHashSet<>();
        private Map<String, String> stage;

        Build(DockerfileScanner.Scanned scanned, String source, Map<String, String> buildArgs) {
            this.scanned = scanned;
            this.source = source;
            this.buildArgs = buildArgs;
        }

        PlacedImages read() {
            for (DockerfileScanner.Directive directive : scanned.directives()) {
                if (directive.name().equals("syntax")) {
                    places.add(ImagePlace.of(
                            directive.value(),
                            new SourceLocation(source, directive.line(), directive.column()),
                            "syntax"));
                }
            }
            global.putAll(new PlatformArgs(firstLiteralPlatform(), buildArgs).values());
            collectStageNames();
            for (DockerfileLine line : scanned.instructions()) {
                String keyword = line.keyword().toUpperCase(Locale.ROOT);
                switch (keyword) {
                    case "ARG" -> arg(line);
                    case "FROM" -> from(line);
                    case "COPY" -> copy(line);
                    case "RUN" -> run(line);
                    default -> {}
                }
            }
            buildArgs.keySet().stream()
                    .filter(name -> !declared.contains(name) && !PLATFORM_ARGS.contains(name))
                    .sorted()
                    .forEach(name -> notes.add(InputNote.verbose(
                            source + ": build arg " + name + " is not declared by any ARG; it is not used")));
            return new PlacedImages(places, notes);
        }

        private List<DockerfileLine.Word> arguments(DockerfileLine line) {
            List<DockerfileLine.Word> words = line.words(0, scanned.escape());
            return words.subList(1, words.size());
        }

        private void arg(DockerfileLine line) {
            Map<String, String> scope = stage == null ? global : stage;
            for (DockerfileLine.Word word : arguments(line)) {
                int equals = word.text().indexOf('=');
                String name = equals < 0 ? word.text() : word.text().substring(0, equals);
                declared.add(name);
                String value;
                if (buildArgs.containsKey(name)) {
                    value = buildArgs.get(name);
                } else if (equals >= 0) {
                    value = expand(word.text().substring(equals + 1), scope, line)
                            .text();
                } else if (scope.containsKey(name)) {
                    value = scope.get(name);
                } else {
                    value = stage == null ? null : global.get(name);
                }
                scope.put(name, value);
            }
        }

        private void from(DockerfileLine line) {
            List<DockerfileLine.Word> words = withoutFlags(arguments(line));
            boolean named = words.size() == 3 && words.get(1).text().equalsIgnoreCase("AS");
            if (words.size() != 1 && !named) {
                throw error(line, "FROM requires either one or three arguments");
            }
            DockerfileLine.Word image = words.get(0);
            String name = named ? words.get(2).text().toLowerCase(Locale.ROOT) : null;
            String context = "stage " + (named ? words.get(2).text() : String.valueOf(stagesSoFar.size()));
            ShellExpansion.Result result = expand(image.text(), global, line);
            SourceLocation at = line.at(image.start(), source);
            for (String undeclared : result.undeclared()) {
                notes.add(InputNote.warning(
                        at,
                        "FROM uses " + undeclared + ", which no ARG before the first FROM"
                                + " declares; it expands to nothing (" + context + ")"));
            }
            String text = result.text();
            boolean stageReference = !text.isEmpty() && stagesSoFar.contains(text.toLowerCase(Locale.ROOT));
            stagesSoFar.add(name);
            stage = new HashMap<>();
            if (stageReference || text.equals("scratch")) {
                return;
            }
            ImagePlace place = ImagePlace.of(text.isEmpty() ? image.text() : text, at, context);
            place = result.firstVariable().map(place::withVariable).orElse(place);
            places.add(text.isEmpty() ? place.withInvalid("FROM names an empty image after ARG substitution") : place);
        }

        private void copy(DockerfileLine line) {
            for (DockerfileLine.Word flag : flags(arguments(line))) {
                if (flag.text().startsWith("--from=")) {
                    source(
                            line,
                            flag.text().substring("--from=".length()),
                            flag.start() + "--from=".length(),
                            "COPY --from");
                }
            }
        }

        private void run(DockerfileLine line) {
            for (DockerfileLine.Word flag : flags(arguments(line))) {
                if (!flag.text().startsWith("--mount=")) {
                    continue;
                }
                int offset = "--mount=".length();
                for (String field : flag.text().substring(offset).split(",", -1)) {
                    if (field.regionMatches(true, 0, "from=", 0, 5)) {
                        source(line, field.substring(5), flag.start() + offset + 5, "RUN --mount");
                    }
                    offset += field.length() + 1;
                }
            }
        }

        // A COPY --from or mount from= value: an image unless it names a stage or a stage index.
        private void source(DockerfileLine line, String written, int start, String context) {
            if (stage == null) {
                return;
            }
            ShellExpansion.Result result = expand(written, stage, line);
            String text = result.text();
            if ((!text.isEmpty() && allStages.contains(text.toLowerCase(Locale.ROOT))) || isStageIndex(text)) {
                return;
            }
            ImagePlace place = ImagePlace.of(text.isEmpty() ? written : text, line.at(start, source), context);
            place = result.firstVariable().map(place::withVariable).orElse(place);
            places.add(text.isEmpty() ? place.withInvalid(context + " names an empty image") : place);
        }

        private boolean isStageIndex(String text) {
            if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
                return false;
            }
            return Integer.parseInt(text) < allStages.size();
        }

        private void collectStageNames() {
            for (DockerfileLine line : scanned.instructions()) {
                if (line.keyword().equalsIgnoreCase("FROM")) {
                    List<DockerfileLine.Word> words = withoutFlags(arguments(line));
                    allStages.add(words.size() == 3 ? words.get(2).text().toLowerCase(Locale.ROOT) : null);
                }
            }
        }

        private Optional<String> firstLiteralPlatform() {
            for (DockerfileLine line : scanned.instructions()) {
                if (line.keyword().equalsIgnoreCase("FROM")) {
                    for (DockerfileLine.Word flag : flags(arguments(line))) {
                        if (flag.text().startsWith("--platform=")) {
                            String value = flag.text().substring("--platform=".length());
                            return value.contains("$") ? Optional.empty() : Optional.of(value);
                        }
                    }
                }
            }
            return Optional.empty();
        }

        private ShellExpansion.Result expand(String word, Map<String, String> variables, DockerfileLine line) {
            try {
                return ShellExpansion.expand(word, scanned.escape(), variables);
            } catch (ShellExpansion.Failure e) {
                throw error(line, e.getMessage());
            }
        }

        private InputException error(DockerfileLine line, String problem) {
            return new InputException(source, "", "line " + line.firstLine() + ": " + problem);
        }

        private static List<DockerfileLine.Word> flags(List<DockerfileLine.Word> words) {
            int count = 0;
            while (count < words.size() && words.get(count).text().startsWith("--")) {
                count++;
            }
            return words.subList(0, count);
        }

        private static List<DockerfileLine.Word> withoutFlags(List<DockerfileLine.Word> words) {
            return words.subList(flags(words).size(), words.size());
        }
    }
}

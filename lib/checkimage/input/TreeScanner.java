package checkimage.input;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Walks a directory tree ({@code --scan DIR}) and says what each file is, by name and then by content:
 * <ul>
 *   <li>{@code Dockerfile}, {@code Containerfile}, {@code *.Dockerfile} and {@code Dockerfile.*} (any case):
 *       a Dockerfile;</li>
 *   <li>{@code compose.yaml}, {@code docker-compose.yml}, {@code compose.override.yaml}, … : a compose file;</li>
 *   <li>other {@code *.yaml}, {@code *.yml}, {@code *.json}: a Kubernetes manifest when it has top-level
 *       {@code apiVersion} and {@code kind}, an OpenPAI job when it says {@code protocolVersion: 2}, a compose
 *       file when it has top-level {@code services:}; else skipped.</li>
 * </ul>
 * A manifest holding {@code {{ }}} template actions (a Helm chart's templates) is skipped: it is not YAML until
 * rendered. Hidden directories, {@code node_modules} and {@code vendor} are not entered; symbolic links are followed
 * only when they stay inside the tree (a linked directory never is). Every skip is a verbose note. The files
 * come back in path order, so runs are reproducible.
 */
public final class TreeScanner {

    /** What a scanned file is read as. */
    public enum FileKind {
        DOCKERFILE("Dockerfile"),
        COMPOSE("compose file"),
        MANIFEST("Kubernetes manifest"),
        OPENPAI_JOB("OpenPAI job");

        private final String description;

        FileKind(String description) {
            this.description = description;
        }

        /** {@code Kubernetes manifest}, for {@code -v}. */
        public String description() {
            return description;
        }
    }

    /** A file found by the scan and what it will be read as. */
    public record ScannedFile(Path path, FileKind kind) {}

    /** What the scan found and what it skipped. */
    public record Scan(List<ScannedFile> files, List<InputNote> notes) {}

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules", "vendor");
    private static final Pattern COMPOSE_NAME = Pattern.compile("(docker-)?compose(\\.[^/]+)?\\.ya?ml");
    private static final Pattern YAML_KEY =
            Pattern.compile("(?m)^(apiVersion|kind|protocolVersion|services)[ \\t]*:(.*)$");
    private static final Pattern JSON_KEY = Pattern.compile("\"(apiVersion|kind)\"\\s*:");

    private final Function<Path, String> shown;
    private final Set<Path> templates = new java.util.HashSet<>();

    /** @param shown how a path is named in notes (relative to the working directory) */
    public TreeScanner(Function<Path, String> shown) {
        this.shown = shown;
    }

    /** Walks {@code root}; {@code manifestsOnly} takes every YAML or JSON file as a manifest
     * ({@code --manifest DIR}). */
    public Scan scan(Path root, boolean manifestsOnly) {
        List<ScannedFile> files = new ArrayList<>();
        List<InputNote> notes = new ArrayList<>();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(root) && (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name))) {
                        notes.add(InputNote.verbose(
                                "skipped directory " + shown.apply(dir) + (name.startsWith(".") ? " (hidden)" : "")));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    visit(file, attrs, realRoot, manifestsOnly, files, notes);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    throw InputException.unreadable(shown.apply(file), e);
                }
            });
        } catch (IOException e) {
            throw InputException.unreadable(shown.apply(root), e);
        }
        files.sort((a, b) -> a.path().toString().compareTo(b.path().toString()));
        return new Scan(files, notes);
    }

    private void visit(
            Path file,
            BasicFileAttributes attrs,
            Path realRoot,
            boolean manifestsOnly,
            List<ScannedFile> files,
            List<InputNote> notes) {
        String name = shown.apply(file);
        if (attrs.isSymbolicLink()) {
            Path target;
            try {
                target = file.toRealPath();
            } catch (IOException e) {
                notes.add(InputNote.verbose("skipped " + name + " (a broken symbolic link)"));
                return;
            }
            if (!target.startsWith(realRoot) || !Files.isRegularFile(target)) {
                notes.add(
                        InputNote.verbose("skipped " + name + " (a symbolic link out of the tree or to a directory)"));
                return;
            }
        } else if (!attrs.isRegularFile()) {
            return;
        }
        FileKind kind = manifestsOnly ? manifestByName(file) : classify(file);
        if (kind == FileKind.MANIFEST && !manifestsOnly && templates.contains(file)) {
            notes.add(InputNote.verbose("skipped " + name + " (a template: render it first, e.g. helm template …"
                    + " | check-image --manifest -)"));
            return;
        }
        if (kind == null) {
            notes.add(InputNote.verbose("skipped " + name
                    + (manifestsOnly
                            ? " (not .yaml, .yml or .json)"
                            : " (not a Dockerfile, compose file, Kubernetes manifest or OpenPAI job)")));
            return;
        }
        files.add(new ScannedFile(file, kind));
    }

    private static FileKind manifestByName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") ? FileKind.MANIFEST : null;
    }

    /** The kind of {@code file} by its name, then by its content; null when it is none of them. */
    FileKind classify(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.equals("dockerfile")
                || name.equals("containerfile")
                || name.endsWith(".dockerfile")
                || name.startsWith("dockerfile.")
                || name.startsWith("containerfile.")) {
            return FileKind.DOCKERFILE;
        }
        if (COMPOSE_NAME.matcher(name).matches()) {
            return FileKind.COMPOSE;
        }
        if (manifestByName(file) == null) {
            return null;
        }
        String text;
        try {
            text = YamlLoader.readText(file, shown.apply(file));
        } catch (InputException e) {
            return FileKind.MANIFEST; // the manifest reader reports why it cannot be read
        }
        FileKind kind = byContent(text);
        // Helm and other Go templates hold {{ … }} actions: not YAML until rendered
        if (kind == FileKind.MANIFEST && text.contains("{{")) {
            templates.add(file);
        }
        return kind;
    }

    /** The kind of YAML or JSON {@code text}, or null. */
    static FileKind byContent(String text) {
        String start = text.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            return JSON_KEY.matcher(text)
                                    .results()
                                    .map(m -> m.group(1))
                                    .distinct()
                                    .count()
                            == 2
                    ? FileKind.MANIFEST
                    : null;
        }
        boolean apiVersion = false;
        boolean kind = false;
        var matcher = YAML_KEY.matcher(text);
        while (matcher.find()) {
            switch (matcher.group(1)) {
                case "apiVersion" -> apiVersion = true;
                case "kind" -> kind = true;
                case "protocolVersion" -> {
                    if (matcher.group(2).strip().replaceAll("^['\"]|['\"]$", "").equals("2")) {
                        return FileKind.OPENPAI_JOB;
                    }
                }
                default -> {
                    return FileKind.COMPOSE;
                }
            }
        }
        return apiVersion && kind ? FileKind.MANIFEST : null;
    }
}

package checkimage.cli;

import checkimage.input.ComposeReader;
import checkimage.input.DockerfileReader;
import checkimage.input.InputException;
import checkimage.input.InputNote;
import checkimage.input.ManifestImages;
import checkimage.input.ManifestPlace;
import checkimage.input.ManifestReader;
import checkimage.input.PlacedImages;
import checkimage.input.TreeScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The inputs that name images in files: {@code --manifest}, {@code --compose}, {@code --dockerfile} and
 * {@code --scan}. All manifests (given and scanned) are one input, so a pod finds its pull secrets in any of
 * them. A file named on the command line that cannot be read fails the run (exit 2); a scanned one is a
 * problem listed at the end, and the rest are still checked.
 */
final class FileInputs {

    private final CheckImageCommand command;
    private final Terminal terminal;
    private final PathNames names;
    private final Function<Path, List<CheckItem>> jobs;
    private final ManifestReader manifests = new ManifestReader();
    private final Set<Path> seen = new HashSet<>();
    private final List<CheckItem> items = new ArrayList<>();
    private final List<InputNote> notes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** @param jobs reads an OpenPAI job found by a scan (its auth goes to the explicit credentials) */
    FileInputs(CheckImageCommand command, Terminal terminal, PathNames names, Function<Path, List<CheckItem>> jobs) {
        this.command = command;
        this.terminal = terminal;
        this.names = names;
        this.jobs = jobs;
    }

    /** Reads every file input: compose files, Dockerfiles and scanned files first, manifests last. */
    List<CheckItem> collect() {
        for (String manifest : command.manifests) {
            readManifest(manifest);
        }
        if (!command.composeFiles.isEmpty()) {
            command.composeFiles.forEach(this::firstTime);
            add(new ComposeReader(terminal.env()).read(command.composeFiles));
        }
        for (Path dockerfile : command.dockerfiles) {
            if (firstTime(dockerfile)) {
                add(new DockerfileReader().read(dockerfile, buildArgs()));
            }
        }
        for (Path root : command.scans) {
            scan(root);
        }
        ManifestImages found = manifests.images();
        notes.addAll(found.notes());
        for (ManifestPlace place : found.places()) {
            items.add(CheckItem.at(place.place(), place.pullSecrets()));
        }
        return items;
    }

    /** Warnings and verbose notes of every reader and the scan. */
    List<InputNote> notes() {
        return notes;
    }

    /** The scanned files that could not be read, one line each naming the file (and line). */
    List<String> problems() {
        return problems;
    }

    private void readManifest(String given) {
        if (given.equals("-")) {
            manifests.read(terminal.in(), "-");
            return;
        }
        Path path = Path.of(given);
        if (!Files.isDirectory(path)) {
            if (firstTime(path)) {
                manifests.read(path, names.shown(path));
            }
            return;
        }
        TreeScanner.Scan scan = new TreeScanner(names::shown).scan(path, true);
        notes.addAll(scan.notes());
        for (TreeScanner.ScannedFile file : scan.files()) {
            if (firstTime(file.path())) {
                manifests.read(file.path(), names.shown(file.path()));
            }
        }
    }

    private void scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UsageException("--scan " + root + ": not a directory");
        }
        TreeScanner.Scan scan = new TreeScanner(names::shown).scan(root, false);
        notes.addAll(scan.notes());
        Map<String, String> args = buildArgs();
        for (List<Path> project : ComposeProjects.of(scan.files())) {
            if (project.stream().allMatch(this::firstTime)) {
                readScanned(TreeScanner.FileKind.COMPOSE, project, args);
            }
        }
        for (TreeScanner.ScannedFile file : scan.files()) {
            if (file.kind() != TreeScanner.FileKind.COMPOSE && firstTime(file.path())) {
                readScanned(file.kind(), List.of(file.path()), args);
            }
        }
    }

    private void readScanned(TreeScanner.FileKind kind, List<Path> files, Map<String, String> args) {
        String shown = files.stream().map(names::shown).collect(Collectors.joining(" + "));
        notes.add(InputNote.verbose("read " + shown + " as " + kind.description()));
        try {
            switch (kind) {
                case MANIFEST -> manifests.read(files.get(0), shown);
                case OPENPAI_JOB -> items.addAll(jobs.apply(files.get(0)));
                case COMPOSE -> add(new ComposeReader(terminal.env()).read(files));
                case DOCKERFILE -> add(new DockerfileReader().read(files.get(0), args));
            }
        } catch (InputException e) {
            problems.add(e.getMessage());
        }
    }

    /** {@code --build-arg NAME=VALUE}; a bare {@code NAME} takes the environment's value, as docker build does. */
    private Map<String, String> buildArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : command.buildArgs) {
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (name.isBlank()) {
                throw new UsageException("--build-arg " + arg + ": expected NAME=VALUE");
            }
            String value =
                    equals >= 0 ? arg.substring(equals + 1) : terminal.env().get(name);
            if (value != null) {
                args.put(name, value);
            }
        }
        return args;
    }

    private void add(PlacedImages found) {
        notes.addAll(found.notes());
        found.places().forEach(place -> items.add(CheckItem.at(place)));
    }

    // the same file given twice, given and scanned, or linked inside a tree, is read once
    private boolean firstTime(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (java.io.IOException e) {
            real = file.toAbsolutePath().normalize(); // the reader reports why it cannot be read
        }
        return seen.add(real);
    }
}

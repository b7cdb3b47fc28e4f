package checkimage.cli;

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
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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

    /** Reads every file input; the items come in the order files were given, manifests last. */
    List<CheckItem> collect() {
        for (String manifest : command.manifests) {
            readManifest(manifest);
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
        for (TreeScanner.ScannedFile file : scan.files()) {
            if (!firstTime(file.path())) {
                continue;
            }
            String shown = names.shown(file.path());
            notes.add(InputNote.verbose("read " + shown + " as " + file.kind().description()));
            try {
                read(file, shown);
            } catch (InputException e) {
                problems.add(e.getMessage());
            }
        }
    }

    private void read(TreeScanner.ScannedFile file, String shown) {
        switch (file.kind()) {
            case MANIFEST -> manifests.read(file.path(), shown);
            case OPENPAI_JOB -> items.addAll(jobs.apply(file.path()));
            case COMPOSE, DOCKERFILE -> notes.add(InputNote.verbose(shown + ": not read: this build has no "
                    + file.kind().description() + " reader yet"));
        }
    }

    private void add(PlacedImages found) {
        notes.addAll(found.notes());
        found.places().forEach(place -> items.add(CheckItem.at(place)));
    }

    // the same file given twice, or given and scanned, is read once
    private boolean firstTime(Path file) {
        return seen.add(file.toAbsolutePath().normalize());
    }
}

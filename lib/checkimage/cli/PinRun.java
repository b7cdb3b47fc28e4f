package checkimage.cli;

import checkimage.input.ImagePlace;
import checkimage.pin.FilePinner;
import checkimage.pin.Pin;
import checkimage.pin.PinnedFile;
import checkimage.pin.UnifiedDiff;
import checkimage.reference.ImageReference;
import checkimage.report.Redactor;
import checkimage.report.ReportEntry;
import checkimage.report.Status;
import checkimage.result.CheckOutcome;
import checkimage.result.CheckResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code --pin}: after the check, inserts each accessible tag's resolved digest after it in the files that named
 * it ({@code --dry-run}: prints the unified diff instead). References already pinned are verified against their
 * tag, checked once more without the digest; a stale digest is reported ({@code --update} moves it). Interpolated
 * values are never rewritten. Files are snapshot right after they are read; one that changed since is not
 * written (exit 2).
 */
final class PinRun {

    private final CheckImageCommand command;
    private final Terminal terminal;
    private final Map<String, PinnedFile> files = new LinkedHashMap<>();

    PinRun(CheckImageCommand command, Terminal terminal) {
        this.command = command;
        this.terminal = terminal;
    }

    /** Remembers the bytes of every file that names an image, as read. */
    void snapshot(List<CheckItem> items) {
        for (CheckItem item : items) {
            item.place()
                    .map(p -> p.location().file())
                    .filter(f -> !f.equals("-") && !files.containsKey(f))
                    .ifPresent(file -> {
                        try {
                            files.put(file, PinnedFile.snapshot(Path.of(file)));
                        } catch (IOException e) {
                            terminal.err()
                                    .println("check-image: cannot pin " + Redactor.redact(file)
                                            + ": cannot read it again: " + e.getMessage());
                        }
                    });
        }
    }

    /**
     * Pins what can be pinned; returns false when a file could not be written.
     *
     * @param judged the inputs, in the order of {@code entries}
     * @param checkTags checks references (the tags of pinned references) with the run's settings
     */
    boolean apply(List<Judged> judged, List<ReportEntry> entries, Function<List<String>, List<CheckResult>> checkTags) {
        Map<String, List<Pin>> pins = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>();
        List<ImagePlace> pinned = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            Optional<ImagePlace> place = judged.get(i).item().place();
            ReportEntry entry = entries.get(i);
            if (place.isEmpty()
                    || !files.containsKey(place.get().location().file())
                    || entry.status() != Status.ACCESSIBLE) {
                continue;
            }
            ImagePlace at = place.get();
            if (at.variable().isPresent()) {
                note(at, "cannot pin: comes from " + at.variable().get());
                continue;
            }
            ImageReference reference = judged.get(i).reference();
            if (reference.digest() == null) {
                String digest = ((CheckOutcome.Accessible) entry.result().outcome())
                        .digest()
                        .toString();
                add(pins, at, digest);
            } else if (tagged(at.text())) {
                tags.add(reference.domain() + "/" + reference.path() + ":" + reference.tag());
                pinned.add(at);
            }
        }
        List<CheckResult> current = tags.isEmpty() ? List.of() : checkTags.apply(tags);
        for (int i = 0; i < current.size(); i++) {
            ImagePlace at = pinned.get(i);
            if (current.get(i).outcome() instanceof CheckOutcome.Accessible a) {
                add(pins, at, a.digest().toString());
            } else {
                note(
                        at,
                        "cannot verify the pinned digest: " + tags.get(i) + " is "
                                + current.get(i).outcome().kind());
            }
        }
        boolean written = true;
        for (Map.Entry<String, List<Pin>> file : pins.entrySet()) {
            written &= pinFile(files.get(file.getKey()), file.getKey(), file.getValue());
        }
        return written;
    }

    /** True when {@code written} (pinned) names a tag before its digest. */
    private static boolean tagged(String written) {
        int at = written.indexOf('@');
        String name = at < 0 ? written : written.substring(0, at);
        return name.lastIndexOf(':') > name.lastIndexOf('/');
    }

    // a YAML alias names the image of its anchor: the same place, pinned once
    private void add(Map<String, List<Pin>> pins, ImagePlace at, String digest) {
        List<Pin> list = pins.computeIfAbsent(at.location().file(), f -> new ArrayList<>());
        Pin pin = new Pin(at.location().line(), at.location().column(), at.text(), digest, command.update);
        if (list.stream().noneMatch(p -> p.line() == pin.line() && p.column() == pin.column())) {
            list.add(pin);
        }
    }

    private boolean pinFile(PinnedFile file, String shown, List<Pin> pins) {
        String before = file.text();
        FilePinner.Result result = FilePinner.apply(before, pins);
        result.notes().forEach(n -> terminal.err().println("check-image: " + Redactor.redact(shown + ":" + n)));
        if (result.changed() == 0) {
            return true;
        }
        if (command.dryRun) {
            terminal.out().print(UnifiedDiff.of(shown, before, result.text()));
            return true;
        }
        try {
            if (!file.replace(result.text())) {
                terminal.err()
                        .println("check-image: " + Redactor.redact(shown) + " changed since it was read; not pinned");
                return false;
            }
        } catch (IOException e) {
            terminal.err()
                    .println("check-image: cannot write " + Redactor.redact(shown) + ": "
                            + Redactor.redact(String.valueOf(e.getMessage())));
            return false;
        }
        terminal.err()
                .println("check-image: pinned " + result.changed() + " reference(s) in " + Redactor.redact(shown));
        return true;
    }

    private void note(ImagePlace at, String message) {
        terminal.err().println("check-image: " + Redactor.redact(at.location() + ": " + at.text() + ": " + message));
    }
}

package checkimage.input;

import java.nio.file.Path;

/** How reports name a file: relative to the working directory when it lies under it, else as given. */
final class ShownPath {

    private ShownPath() {}

    /** {@code deploy/compose.yaml} for {@code /work/repo/deploy/compose.yaml} run from {@code /work/repo}. */
    static String of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path workingDirectory = Path.of("").toAbsolutePath().normalize();
        if (absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)) {
            return workingDirectory.relativize(absolute).toString();
        }
        return file.toString();
    }
}

package checkimage.cli;

import java.nio.file.Path;

/** How reports name a file: relative to the working directory when it lies under it, else as given (as the input readers do). */
final class PathNames {

    private final Path workingDirectory;

    PathNames(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** The process's working directory. */
    static PathNames ofWorkingDirectory() {
        return new PathNames(Path.of(""));
    }

    String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)) {
            return workingDirectory.relativize(absolute).toString();
        }
        return absolute.equals(workingDirectory) ? "." : file.toString();
    }
}

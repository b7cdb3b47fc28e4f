package checkimage.report;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How reports that link to files (SARIF, GitHub annotations) name them: relative to a root (the working
 * directory, or {@code --report-root}), with forward slashes; a file outside the root keeps its absolute path.
 */
public final class ReportPaths {

    private final Path workingDirectory;
    private final Path root;

    /**
     * @param workingDirectory what the files of {@link SourcePlace} are relative to
     * @param root what report paths are made relative to
     */
    public ReportPaths(Path workingDirectory, Path root) {
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory")
                .toAbsolutePath()
                .normalize();
        this.root = workingDirectory
                .resolve(Objects.requireNonNull(root, "root"))
                .toAbsolutePath()
                .normalize();
    }

    /** Paths relative to the working directory. */
    public static ReportPaths ofWorkingDirectory() {
        Path here = Path.of("");
        return new ReportPaths(here, here);
    }

    /** True when {@code file} (as a {@link SourcePlace} names it) lies under the root; stdin ({@code -}) does not. */
    public boolean underRoot(String file) {
        return !file.equals("-") && absolute(file).startsWith(root);
    }

    /** {@code file} relative to the root with forward slashes, or absolute when it is outside the root. */
    public String relative(String file) {
        Path absolute = absolute(file);
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        String text = shown.toString();
        return File.separatorChar == '/' ? text : text.replace(File.separatorChar, '/');
    }

    /** {@link #relative} as a URI reference (percent-encoded); {@code file:} URI outside the root. */
    public String uri(String file) {
        if (!underRoot(file)) {
            return absolute(file).toUri().toASCIIString();
        }
        try {
            return new URI(null, null, relative(file), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + file, e);
        }
    }

    /** The root as a {@code file:} URI ending in {@code /}. */
    public String rootUri() {
        String uri = root.toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private Path absolute(String file) {
        return workingDirectory.resolve(file).normalize();
    }
}

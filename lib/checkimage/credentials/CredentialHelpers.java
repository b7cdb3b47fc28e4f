package checkimage.credentials;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credential helpers available on one search path, each made once, so that every source naming the same
 * helper shares its remembered answers.
 */
public final class CredentialHelpers {

    private final List<Path> searchPath;
    private final Duration timeout;
    private final Map<String, CredentialHelper> helpers = new ConcurrentHashMap<>();

    /**
     * @param searchPath the directories to look for {@code docker-credential-<name>} in, in order
     * @param timeout how long one helper run may take
     */
    public CredentialHelpers(List<Path> searchPath, Duration timeout) {
        this.searchPath = List.copyOf(searchPath);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The helpers on the environment's {@code PATH}, with {@code timeout} per run. */
    public static CredentialHelpers onPath(Environment environment, Duration timeout) {
        return new CredentialHelpers(parsePath(environment.get("PATH").orElse("")), timeout);
    }

    /** The helpers on the environment's {@code PATH}, with {@link CredentialHelper#DEFAULT_TIMEOUT}. */
    public static CredentialHelpers onPath(Environment environment) {
        return onPath(environment, CredentialHelper.DEFAULT_TIMEOUT);
    }

    /**
     * The directories of a {@code PATH} value, split at {@link File#pathSeparator}. Empty entries, which a
     * shell reads as the current directory, are skipped: a helper is never run from wherever we happen to be.
     */
    public static List<Path> parsePath(String path) {
        List<Path> directories = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                directories.add(Path.of(entry));
            } catch (InvalidPathException e) {
                // Not a path on this system; a shell would not find anything there either.
            }
        }
        return directories;
    }

    /**
     * The helper {@code docker-credential-<name>}.
     *
     * @throws IllegalArgumentException when the name is not a valid helper name
     */
    public CredentialHelper helper(String name) {
        return helpers.computeIfAbsent(name, n -> new CredentialHelper(n, searchPath, timeout));
    }

    public List<Path> searchPath() {
        return searchPath;
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return "credential helpers on " + searchPath + " (timeout " + timeout.toMillis() + " ms)";
    }
}

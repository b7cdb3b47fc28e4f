package checkimage.input;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Objects;

/**
 * An input file could not be turned into records: it is unreadable, malformed, of the wrong shape, or refers
 * to something that does not exist.
 *
 * <p>The message always reads {@code <source>: <key path>: <problem>} (or {@code <source>: <problem>} when
 * the whole file is at fault), e.g. {@code jobs/train.yaml: taskRoles.worker.dockerImage: expected a string,
 * got a list}. It never carries a secret value, and it never wraps a SnakeYAML exception, whose message
 * echoes the offending text; the cause, if any, is an {@link IOException}.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String keyPath;
    private final String problem;

    /**
     * @param source the file (as the user named it) or stream name, e.g. {@code jobs/train.yaml} or {@code -}
     * @param keyPath where in the file, e.g. {@code prerequisites[2].uri}; empty when the whole file is at fault
     * @param problem what is wrong, without any secret value
     */
    public InputException(String source, String keyPath, String problem) {
        this(source, keyPath, problem, null);
    }

    private InputException(String source, String keyPath, String problem, IOException cause) {
        super(format(source, keyPath, problem), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.keyPath = Objects.requireNonNull(keyPath, "keyPath");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The file could not be read; the message names it and gives the operating system's reason. */
    public static InputException unreadable(String source, IOException cause) {
        return new InputException(source, "", "cannot read file: " + reasonOf(cause), cause);
    }

    /** The file or stream name the problem is in. */
    public String source() {
        return source;
    }

    /** The key path inside the file, e.g. {@code taskRoles.worker.dockerImage}; empty for the whole file. */
    public String keyPath() {
        return keyPath;
    }

    /** The problem alone, without source and key path. */
    public String problem() {
        return problem;
    }

    private static String format(String source, String keyPath, String problem) {
        return keyPath.isEmpty() ? source + ": " + problem : source + ": " + keyPath + ": " + problem;
    }

    // Java's file exceptions put the path in getMessage(); the caller already names the file, so keep the reason.
    private static String reasonOf(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8 text";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}

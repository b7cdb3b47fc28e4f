package checkimage.dsl;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the delegates of one load share: the script's file name (to find lines on the stack), the
 * environment, and the directory relative paths resolve against.
 */
final class ScriptContext {

    private final String fileName;
    private final String sourceFile;
    private final Map<String, String> env;
    private final Path baseDir;

    ScriptContext(String fileName, Map<String, String> env, Path baseDir) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.sourceFile = sourceFileOf(fileName);
        this.env = Map.copyOf(env);
        this.baseDir = baseDir.toAbsolutePath().normalize();
    }

    String fileName() {
        return fileName;
    }

    /** The script line being run: the first frame on the stack in the script file; 0 if none. */
    int line() {
        return StackWalker.getInstance()
                .walk(frames -> frames.filter(frame -> sourceFile.equals(frame.getFileName()))
                        .findFirst()
                        .map(StackWalker.StackFrame::getLineNumber)
                        .orElse(0));
    }

    /** Where the script is now, for records: {@code policy.groovy, line 7}. */
    String origin() {
        return fileName + ", line " + line();
    }

    /** The line of the first frame of {@code frames} in the script file {@code fileName}; 0 if none. */
    static int lineIn(StackTraceElement[] frames, String fileName) {
        String sourceFile = sourceFileOf(fileName);
        for (StackTraceElement frame : frames) {
            if (sourceFile.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                return frame.getLineNumber();
            }
        }
        return 0;
    }

    // Groovy records only the last segment of a script's name as its classes' source file.
    private static String sourceFileOf(String fileName) {
        return fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    }

    /** The value of an environment variable; unset or empty is a problem of the policy. */
    String env(String name) {
        String value = env.get(name);
        if (value == null) {
            throw new ScriptProblem("environment variable " + name + " is not set");
        }
        if (value.isEmpty()) {
            throw new ScriptProblem("environment variable " + name + " is empty");
        }
        return value;
    }

    /** {@code path} resolved against the policy's directory; it must be a readable file now. */
    Path existingFile(String keyword, String path) {
        Path resolved;
        try {
            resolved = baseDir.resolve(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ScriptProblem(keyword + " '" + path + "' is not a valid path");
        }
        if (!Files.isRegularFile(resolved)) {
            throw new ScriptProblem(keyword + " '" + path + "' not found (looked for " + resolved + ")");
        }
        if (!Files.isReadable(resolved)) {
            throw new ScriptProblem(keyword + " '" + path + "' is not readable (" + resolved + ")");
        }
        return resolved;
    }
}

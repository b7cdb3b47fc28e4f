package checkimage.bench

import groovy.transform.CompileStatic

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * Runs one command as a separate process and times it: wall time from {@code start()} to the end of
 * {@code waitFor()}, measured here in the driver. Standard input comes from a file (or /dev/null) and the
 * output goes to files, so no reader thread competes with the process being timed. A non-zero exit or a
 * timeout is a {@link BenchFailure} naming the command and the end of its stderr.
 */
@CompileStatic
final class CommandRunner {

    /** What one run produced. */
    static final class Execution {
        final double seconds
        final String stdout

        Execution(double seconds, String stdout) {
            this.seconds = seconds
            this.stdout = stdout
        }
    }

    private static final long TIMEOUT_MINUTES = 15
    private static final int STDERR_TAIL = 2000

    private final Path root
    private final Path stdoutFile
    private final Path stderrFile

    /** Runs commands in {@code root}, capturing into files under {@code scratch}. */
    CommandRunner(Path root, Path scratch) {
        this.root = root
        this.stdoutFile = scratch.resolve('last-stdout.txt')
        this.stderrFile = scratch.resolve('last-stderr.txt')
    }

    /** Runs {@code command} with {@code stdin} (a file, or null for none); fails unless it exits 0. */
    Execution run(List<String> command, Path stdin = null) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File('/dev/null'))
                        : ProcessBuilder.Redirect.from(stdin.toFile()))
                .redirectOutput(stdoutFile.toFile())
                .redirectError(stderrFile.toFile())
        long began = System.nanoTime()
        Process process
        try {
            process = builder.start()
        } catch (IOException e) {
            throw new BenchFailure("cannot start ${command.first()}: ${e.message}")
        }
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach { ProcessHandle child -> child.destroyForcibly() }
            process.destroyForcibly()
            throw new BenchFailure("timed out after ${TIMEOUT_MINUTES} min: ${describe(command)}")
        }
        double seconds = (System.nanoTime() - began) / 1e9d
        if (process.exitValue() != 0) {
            throw new BenchFailure("exit ${process.exitValue()}: ${describe(command)}\n${tail(Files.readString(stderrFile))}")
        }
        new Execution(seconds, Files.readString(stdoutFile))
    }

    private static String describe(List<String> command) {
        command.collect { String word -> word.contains(' ') ? "'${word}'" : word }.join(' ')
    }

    private static String tail(String text) {
        text.length() <= STDERR_TAIL ? text : '...' + text.substring(text.length() - STDERR_TAIL)
    }
}

package checkimage.credentials;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@code docker-credential-<name> get}: writes the server URL to its standard input, collects at most
 * {@value #MAX_OUTPUT} bytes of its standard output, and stops it (with every process it started) when it
 * does not finish within the timeout. Standard error is discarded unread: a helper may print a secret there.
 */
final class HelperProcess {

    /** The most output read from a helper: 64 KiB. Credentials are a few hundred bytes. */
    static final int MAX_OUTPUT = 64 * 1024;

    /** What the helper did: its exit code and its output; {@link #toString()} never shows the output. */
    static final class Outcome {
        private final int exitCode;
        private final String output;
        private final boolean truncated;

        Outcome(int exitCode, String output, boolean truncated) {
            this.exitCode = exitCode;
            this.output = output;
            this.truncated = truncated;
        }

        int exitCode() {
            return exitCode;
        }

        String output() {
            return output;
        }

        boolean truncated() {
            return truncated;
        }

        @Override
        public String toString() {
            return "Outcome[exitCode=" + exitCode + ", " + output.length() + " chars of output]";
        }
    }

    /** The helper did not finish in time and was stopped. */
    static final class TimedOut extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private HelperProcess() {}

    static Outcome run(Path executable, String input, Duration timeout) throws IOException, TimedOut {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process = new ProcessBuilder(executable.toString(), "get")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        OutputCollector output = new OutputCollector(process.getInputStream());
        Thread reader = new Thread(output, "docker-credential output");
        reader.setDaemon(true);
        reader.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The helper exited or closed its input without reading it; its exit code tells what happened.
        }
        try {
            if (!process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
                stop(process);
                throw new TimedOut();
            }
            // A child the helper left behind may keep the output open: give it the time that is left.
            reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining(deadline))));
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the helper");
        }
        if (reader.isAlive()) {
            throw new TimedOut();
        }
        return new Outcome(process.exitValue(), output.text(), output.truncated());
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    // Children first: once the helper is gone, what it started is no longer among its descendants.
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Reads the helper's output on a daemon thread, so a helper that never closes it cannot block us. */
    private static final class OutputCollector implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile boolean truncated;

        OutputCollector(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    int room = MAX_OUTPUT - bytes.size();
                    bytes.write(buffer, 0, Math.min(n, room));
                    truncated |= n > room;
                }
            } catch (IOException e) {
                // The pipe closed under us, e.g. when the helper was stopped; what was read is kept.
            }
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        boolean truncated() {
            return truncated;
        }
    }
}

package checkimage.cli;

import checkimage.client.TransportPreloader;

/**
 * Runs the command and exits the JVM with its exit code. {@code check-image.java} calls {@link #run}; it is not
 * called {@code main} so JBang finds exactly one entry point. TLS and HttpClient classes are preloaded on a
 * second thread while picocli parses the command line (see {@link TransportPreloader}).
 */
public final class Main {

    private Main() {
    }

    public static void run(String[] args) {
        TransportPreloader.startInBackground();
        System.exit(CheckImageCommand.execute(args, Terminal.system()));
    }
}

package checkimage.cli;

import checkimage.client.TransportPreloader;

/**
 * Runs the command and exits the JVM with its exit code. {@code check-image.java} calls {@link #run}; it is not
 * called {@code main} so JBang finds exactly one entry point. TLS and HttpClient classes are preloaded on a
 * second thread while picocli parses the command line (see {@link TransportPreloader}), when there is a second
 * core and the command may make a request.
 */
public final class Main {

    private Main() {}

    public static void run(String[] args) {
        if (mayConnect(args) && Runtime.getRuntime().availableProcessors() > 1) {
            TransportPreloader.startInBackground();
        }
        System.exit(CheckImageCommand.execute(args, Terminal.system()));
    }

    /** False for invocations that certainly make no request (help, version, --offline): nothing to preload. */
    static boolean mayConnect(String[] args) {
        for (String arg : args) {
            switch (arg) {
                case "-h", "--help", "-V", "--version", "--offline" -> {
                    return false;
                }
                default -> {
                    // keep looking
                }
            }
        }
        return true;
    }
}

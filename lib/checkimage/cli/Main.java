package checkimage.cli;

/**
 * Runs the command and exits the JVM with its exit code. {@code check-image.java} calls {@link #run}; it is not
 * called {@code main} so JBang finds exactly one entry point.
 */
public final class Main {

    private Main() {
    }

    public static void run(String[] args) {
        System.exit(CheckImageCommand.execute(args, Terminal.system()));
    }
}

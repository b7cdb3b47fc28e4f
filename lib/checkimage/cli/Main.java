package checkimage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the command and exits the JVM with its exit code. {@code check-image.java} calls {@link #run}; it is not
 * called {@code main} so JBang finds exactly one entry point.
 */
public final class Main {

    /**
     * When set to a class list ({@code -XX:DumpLoadedClassList} format), the JVM only loads those classes and exits:
     * {@code scripts/jbang} runs this once with {@code -XX:ArchiveClassesAtExit} to build the class-data archive that
     * later runs map, instead of archiving whatever the user's first run happened to load.
     */
    static final String PRELOAD_PROPERTY = "checkimage.cds.preload";

    private Main() {
    }

    public static void run(String[] args) {
        String preload = System.getProperty(PRELOAD_PROPERTY);
        if (preload != null) {
            System.exit(preload(Path.of(preload)));
        }
        System.exit(CheckImageCommand.execute(args, Terminal.system()));
    }

    private static int preload(Path classList) {
        ClassLoader loader = Main.class.getClassLoader();
        try {
            for (String line : Files.readAllLines(classList)) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("@")) {
                    continue;
                }
                try {
                    Class.forName(line.split(" ", 2)[0].replace('/', '.'), false, loader);
                } catch (ClassNotFoundException | LinkageError stale) {
                    // a list older than the code: skip the class
                }
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            return ExitCodes.USAGE;
        }
    }
}

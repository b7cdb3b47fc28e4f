package checkimage.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The process's streams and environment, passed in so specs can run the CLI in-process with their own.
 * {@code interactive} says whether stdout/stderr are a terminal (colour, progress).
 */
public record Terminal(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean interactive) {

    public Terminal {
        env = Map.copyOf(env);
    }

    public static Terminal system() {
        Map<String, String> env = System.getenv();
        boolean tty = System.console() != null && !"dumb".equals(env.get("TERM"));
        return new Terminal(System.in, System.out, System.err, env, tty);
    }

    boolean colour() {
        return interactive && !env.containsKey("NO_COLOR");
    }
}

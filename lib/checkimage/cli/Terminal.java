package checkimage.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The process's streams, environment and the JVM's proxy properties, passed in so specs can run the CLI
 * in-process with their own. {@code interactive} says whether stdout/stderr are a terminal (colour, progress).
 */
public record Terminal(
        InputStream in,
        PrintStream out,
        PrintStream err,
        Map<String, String> env,
        boolean interactive,
        Map<String, String> properties) {

    /** The JVM system properties a run reads: the standard proxy settings. */
    static final java.util.List<String> PROPERTIES = java.util.List.of(
            "https.proxyHost", "https.proxyPort", "http.proxyHost", "http.proxyPort", "http.nonProxyHosts");

    public Terminal {
        env = Map.copyOf(env);
        properties = Map.copyOf(properties);
    }

    /** A terminal without JVM properties (specs stay hermetic). */
    public Terminal(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean interactive) {
        this(in, out, err, env, interactive, Map.of());
    }

    public static Terminal system() {
        Map<String, String> env = System.getenv();
        boolean tty = System.console() != null && !"dumb".equals(env.get("TERM"));
        Map<String, String> properties = new java.util.HashMap<>();
        for (String name : PROPERTIES) {
            String value = System.getProperty(name);
            if (value != null) {
                properties.put(name, value);
            }
        }
        return new Terminal(System.in, System.out, System.err, env, tty, properties);
    }

    boolean colour() {
        return interactive && !env.containsKey("NO_COLOR");
    }
}

package checkimage.credentials;

import java.util.Locale;

/**
 * Normalizes the registry keys operators write in credential files and job configs: scheme and trailing paths
 * are stripped, and {@code https://index.docker.io/v1/}, {@code index.docker.io}, {@code registry-1.docker.io}
 * and {@code docker.io} are all Docker Hub, {@code docker.io}.
 */
public final class RegistryKeys {

    public static final String DOCKER_HUB = "docker.io";

    private RegistryKeys() {}

    /** The host (with port) a key names, lower case; Docker Hub's aliases become {@code docker.io}. */
    public static String host(String key) {
        String text = key.trim();
        int scheme = text.indexOf("://");
        if (scheme >= 0) {
            text = text.substring(scheme + 3);
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            text = text.substring(0, slash);
        }
        String host = text.toLowerCase(Locale.ROOT);
        return switch (host) {
            case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> DOCKER_HUB;
            default -> host;
        };
    }

    /** True when two keys name the same registry. */
    public static boolean sameRegistry(String a, String b) {
        return host(a).equals(host(b));
    }
}

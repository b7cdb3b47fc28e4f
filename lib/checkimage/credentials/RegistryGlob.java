package checkimage.credentials;

import java.util.Locale;

/**
 * A key of a Kubernetes pull secret's {@code auths}, matched against images the way the kubelet's
 * credential keyring does ({@code pkg/credentialprovider/keyring.go}, {@code URLsMatch}):
 * <ul>
 *   <li>a scheme ({@code https://}) is dropped, and a leading {@code /v1/} or {@code /v2/} of the path;</li>
 *   <li>the host must have as many DNS labels as the image's, and each label is a glob: {@code *} matches
 *       any run of characters within one label and {@code ?} one character, so {@code *.example.com} matches
 *       {@code a.example.com} but neither {@code example.com} nor {@code a.b.example.com};</li>
 *   <li>ports must be equal: a key with a port matches only that port, and a key without a port matches only
 *       images named without one ({@code localhost} does not match {@code localhost:5000});</li>
 *   <li>a path must be a prefix of the repository, in whole segments: {@code registry/team} matches
 *       {@code team} and {@code team/app} but not {@code teamx/app} (the kubelet compares plain strings;
 *       we do not hand a namespace's credential to its lookalike).</li>
 * </ul>
 * Hosts are compared in lower case, and Docker Hub's names ({@code index.docker.io} ...) are {@code docker.io}
 * on both sides, which covers the kubelet's fallback from any image on Hub to {@code index.docker.io}.
 */
final class RegistryGlob {

    private final String text;
    private final String[] labels;
    private final String port;
    private final String path;

    private RegistryGlob(String text, String[] labels, String port, String path) {
        this.text = text;
        this.labels = labels;
        this.port = port;
        this.path = path;
    }

    static RegistryGlob parse(String key) {
        String value = key.strip();
        int scheme = value.indexOf("://");
        if (scheme >= 0) {
            value = value.substring(scheme + 3);
        }
        int slash = value.indexOf('/');
        String hostPort = (slash < 0 ? value : value.substring(0, slash)).toLowerCase(Locale.ROOT);
        String path = slash < 0 ? "" : value.substring(slash);
        if (path.startsWith("/v1/") || path.startsWith("/v2/")) {
            path = path.substring(3);
        }
        path = trimSlashes(path);
        String[] split = splitHostPort(hostPort);
        String host = split[0].indexOf('*') < 0 && split[0].indexOf('?') < 0 ? RegistryKeys.host(split[0]) : split[0];
        String normalHostPort = split[1].isEmpty() ? host : host + ":" + split[1];
        String text = path.isEmpty() ? normalHostPort : normalHostPort + "/" + path;
        return new RegistryGlob(text, host.split("\\.", -1), split[1], path);
    }

    /** The normalized key, {@code host[:port][/path]}; the keyring tries keys in reverse order of this text. */
    String text() {
        return text;
    }

    /** True when this key covers {@code repository} on {@code registry} (a reference's domain and path). */
    boolean matches(String registry, String repository) {
        String[] target = splitHostPort(RegistryKeys.host(registry));
        if (!port.equals(target[1])) {
            return false;
        }
        String[] targetLabels = target[0].split("\\.", -1);
        if (labels.length != targetLabels.length) {
            return false;
        }
        if (!path.isEmpty() && !repository.equals(path) && !repository.startsWith(path + "/")) {
            return false;
        }
        for (int i = 0; i < labels.length; i++) {
            if (!globMatches(labels[i], targetLabels[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code host} and {@code port} ({@code ""} when none), as Go's {@code net.SplitHostPort}, else the whole as host. */
    private static String[] splitHostPort(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close > 0 && hostPort.startsWith(":", close + 1)
                    ? new String[] {hostPort.substring(1, close), hostPort.substring(close + 2)}
                    : new String[] {hostPort, ""};
        }
        int colon = hostPort.indexOf(':');
        return colon >= 0 && colon == hostPort.lastIndexOf(':')
                ? new String[] {hostPort.substring(0, colon), hostPort.substring(colon + 1)}
                : new String[] {hostPort, ""};
    }

    /** {@code *} (any run) and {@code ?} (one character) within one label; everything else literal. */
    static boolean globMatches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}

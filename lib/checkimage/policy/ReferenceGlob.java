package checkimage.policy;

import checkimage.credentials.RegistryKeys;
import checkimage.reference.Digest;
import checkimage.reference.ImageReference;
import checkimage.reference.InvalidReferenceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A pattern over image references, compiled once, as in {@code allow 'docker.io/library/*'} or
 * {@code deny 'docker.io/library/alpine:3.1*'}. It is matched against the normalized reference
 * {@code domain/path[:tag][@digest]}, never as a plain string prefix.
 *
 * <p>Grammar, in the words of the reference grammar ({@code ImageReference}):
 * <pre>
 * pattern  := "**" [ ":" tag ] | registry | name [ ":" tag ] [ "@" digest ]
 * registry := host                        a pattern without '/' whose text before ':' has a '.', is
 *                                         'localhost' or starts with '[': the whole registry ('quay.io')
 * name     := [ host "/" ] component ( "/" component )*
 * </pre>
 * <ul>
 *   <li>{@code *} matches within one path component, also within the tag; in the host it matches within one
 *       DNS label ({@link HostPattern}).</li>
 *   <li>{@code **} stands alone between slashes and matches whole components: at the end one or more
 *       ({@code ghcr.io/acme/**} matches {@code ghcr.io/acme/app} and {@code ghcr.io/acme/team/app}, not
 *       {@code ghcr.io/acme}), elsewhere zero or more. A leading {@code **} also spans the registry:
 *       {@code **:latest} matches every reference tagged latest.</li>
 *   <li>The name is normalized like a reference: without a host it is on {@code docker.io}, and a single
 *       Docker Hub component gets {@code library/}, so {@code ubuntu}, {@code docker.io/ubuntu} and
 *       {@code docker.io/library/ubuntu} are one pattern, and {@code *} means every official image. One
 *       difference, on purpose: {@code quay.io} names the registry, never the Hub image
 *       {@code docker.io/library/quay.io}.</li>
 *   <li>Without a tag, any tag matches, and digest-only references too; with a tag, only that tag matches, so
 *       a digest-only reference never matches a tag pattern. With a digest, the reference must have that
 *       digest.</li>
 *   <li>Paths are lower case, as the reference grammar requires; hosts compare case-insensitively.</li>
 * </ul>
 */
public final class ReferenceGlob {

    private static final String COMPONENT_WILDCARD = "[^/]*";
    private static final String ONE_OR_MORE_COMPONENTS = "[^/]+(?:/[^/]+)*";
    private static final String ZERO_OR_MORE_COMPONENTS = "(?:[^/]+/)*";
    private static final String ANY = "**";

    private final String text;
    private final String normalized;
    private final Pattern name;
    private final TagGlob tag;
    private final Digest digest;

    private ReferenceGlob(String text, String normalized, String nameRegex, TagGlob tag, Digest digest) {
        this.text = text;
        this.normalized = normalized;
        this.name = Pattern.compile(nameRegex);
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Compiles a pattern.
     *
     * @throws InvalidPatternException naming the pattern and what is wrong: empty, {@code ***} or {@code a**},
     *     an uppercase path, an empty component, a character the grammar does not allow, a bad tag or digest
     */
    public static ReferenceGlob compile(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidPatternException(text, "a pattern cannot be empty");
        }
        if (text.contains("://")) {
            throw new InvalidPatternException(
                    text, "a pattern has no scheme; write 'ghcr.io/acme/**', not 'https://ghcr.io/acme/**'");
        }
        int at = text.indexOf('@');
        String rest = at < 0 ? text : text.substring(0, at);
        Digest digest = at < 0 ? null : digest(text, text.substring(at + 1));
        if (rest.indexOf('/') < 0 && isRegistry(rest)) {
            if (digest != null) {
                throw new InvalidPatternException(text, "a registry pattern has no digest; write 'host/path@digest'");
            }
            HostPattern host = host(text, rest);
            return new ReferenceGlob(
                    text, host.text() + "/" + ANY, host.regexSource() + "/" + ONE_OR_MORE_COMPONENTS, null, null);
        }
        int colon = rest.lastIndexOf(':');
        TagGlob tag = null;
        if (colon > rest.lastIndexOf('/')) {
            TagGlob.check(text, rest.substring(colon + 1));
            tag = new TagGlob(rest.substring(colon + 1));
            rest = rest.substring(0, colon);
        }
        List<String> components = new ArrayList<>(Arrays.asList(rest.split("/", -1)));
        StringBuilder regex = new StringBuilder();
        String first = components.get(0);
        String hostText = "";
        if (!first.equals(ANY) && components.size() > 1 && isHost(first)) {
            HostPattern host = host(text, first);
            components.remove(0);
            hostText = host.text() + "/";
            regex.append(host.regexSource()).append('/');
        } else if (!first.equals(ANY)) {
            hostText = ImageReference.DOCKER_HUB + "/";
            regex.append(Pattern.quote(ImageReference.DOCKER_HUB)).append('/');
        }
        if (hostText.equals(ImageReference.DOCKER_HUB + "/")
                && components.size() == 1
                && !components.get(0).equals(ANY)) {
            components.add(0, "library");
        }
        checkPath(text, components);
        appendPath(regex, components);
        String normalized = hostText
                + String.join("/", components)
                + (tag == null ? "" : ":" + tag)
                + (digest == null ? "" : "@" + digest);
        return new ReferenceGlob(text, normalized, regex.toString(), tag, digest);
    }

    /** True when the reference matches: name, and the tag and digest if the pattern has them. */
    public boolean matches(ImageReference reference) {
        if (!name.matcher(RegistryKeys.host(reference.domain()) + "/" + reference.path())
                .matches()) {
            return false;
        }
        if (tag != null && !tag.matches(reference.tag())) {
            return false;
        }
        return digest == null || digest.equals(reference.digest());
    }

    /** The pattern as written, e.g. {@code ubuntu}. */
    public String text() {
        return text;
    }

    /** The pattern after normalization, e.g. {@code docker.io/library/ubuntu}, {@code quay.io/**}. */
    public String normalized() {
        return normalized;
    }

    /** Turns {@code glob} into a regular expression: {@code *} becomes {@code star}, everything else is literal. */
    static String translate(String glob, String star) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(star);
            } else if (Character.isLetterOrDigit(c)) {
                regex.append(c);
            } else {
                regex.append('\\').append(c);
            }
        }
        return regex.toString();
    }

    private static void appendPath(StringBuilder regex, List<String> components) {
        for (int i = 0; i < components.size(); i++) {
            String component = components.get(i);
            boolean last = i == components.size() - 1;
            if (component.equals(ANY)) {
                regex.append(last ? ONE_OR_MORE_COMPONENTS : ZERO_OR_MORE_COMPONENTS);
            } else {
                regex.append(translate(component, COMPONENT_WILDCARD)).append(last ? "" : "/");
            }
        }
    }

    // Without a '/', a pattern names a registry when it could only be a host: 'quay.io', 'localhost:5000'.
    private static boolean isRegistry(String text) {
        String beforeColon = text.startsWith("[") ? text : text.split(":", -1)[0];
        return beforeColon.indexOf('.') >= 0 || beforeColon.equals("localhost") || beforeColon.startsWith("[");
    }

    // The reference grammar's rule for the first component: a host if it has '.' or ':', is 'localhost', or has
    // uppercase.
    private static boolean isHost(String component) {
        return component.indexOf('.') >= 0
                || component.indexOf(':') >= 0
                || component.equals("localhost")
                || component.startsWith("[")
                || !component.equals(component.toLowerCase(java.util.Locale.ROOT));
    }

    private static HostPattern host(String pattern, String host) {
        try {
            return HostPattern.parse(host);
        } catch (InvalidPatternException e) {
            throw new InvalidPatternException(pattern, e.reason());
        }
    }

    private static Digest digest(String pattern, String text) {
        try {
            return Digest.parse(text);
        } catch (InvalidReferenceException e) {
            throw new InvalidPatternException(
                    pattern, "'" + text + "' is not a digest like 'sha256:' and 64 hex digits");
        }
    }

    private static void checkPath(String pattern, List<String> components) {
        for (String component : components) {
            if (component.isEmpty()) {
                throw new InvalidPatternException(
                        pattern, "a path component cannot be empty (two slashes, or a slash at an end)");
            }
            if (component.contains(ANY) && !component.equals(ANY)) {
                throw new InvalidPatternException(pattern, "'**' must be a whole path component, between slashes");
            }
            for (int i = 0; i < component.length(); i++) {
                char c = component.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    throw new InvalidPatternException(
                            pattern, "uppercase letters are not allowed in a repository path");
                }
                boolean fits = (c >= 'a' && c <= 'z')
                        || (c >= '0' && c <= '9')
                        || c == '.'
                        || c == '_'
                        || c == '-'
                        || c == '*';
                if (!fits) {
                    throw new InvalidPatternException(
                            pattern,
                            "character " + InvalidReferenceException.describe(c)
                                    + " is not allowed in a repository path");
                }
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReferenceGlob glob && glob.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}

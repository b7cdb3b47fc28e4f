package checkimage.reference;

/**
 * Parses and normalizes an image reference the way distribution's {@code ParseNormalizedNamed}
 * (distribution/reference, {@code normalize.go}) does, as a hand-written scanner that reports the
 * position of the first thing wrong.
 *
 * <p>Steps: reject the shape ({@code null}, empty, too long, a scheme, whitespace and control
 * characters, stray slashes, a bare image ID); cut the digest at the first {@code @}; decide with
 * {@code splitDockerDomain}'s rule whether the text before the first {@code /} is a domain; cut the tag
 * at the first {@code :} after the domain; check domain, path, tag and digest left to right; then
 * normalize: no domain means {@code docker.io}, {@code index.docker.io} becomes {@code docker.io}, a
 * one-component Docker Hub path gets {@code library/}, and no tag and no digest means tag
 * {@code latest}.
 */
final class ReferenceParser {

    /** Longer inputs are rejected before any other check. */
    static final int MAX_INPUT_LENGTH = 4096;

    static final String DEFAULT_TAG = "latest";

    private static final String LEGACY_DOCKER_HUB = "index.docker.io";
    private static final int IMAGE_ID_LENGTH = 64;

    private ReferenceParser() {}

    static ImageReference parse(String input) {
        String text = input == null ? "" : input;
        checkShape(text);
        int at = text.indexOf('@');
        int nameEnd = at < 0 ? text.length() : at;
        int slash = text.indexOf('/');
        boolean hasDomain =
                slash >= 0 && slash < nameEnd && ReferenceGrammar.isDomainCandidate(text.substring(0, slash));
        int pathStart = hasDomain ? slash + 1 : 0;
        int colon = text.indexOf(':', pathStart);
        int pathEnd = colon >= 0 && colon < nameEnd ? colon : nameEnd;

        if (hasDomain) {
            DomainGrammar.checkDomain(text, 0, slash);
        }
        ReferenceGrammar.checkPath(text, pathStart, pathEnd);
        String tag = pathEnd < nameEnd ? tagAt(text, pathEnd, nameEnd) : null;
        Digest digest = at < 0 ? null : digestAt(text, at);

        String domain = hasDomain ? normalizedDomain(text.substring(0, slash)) : ImageReference.DOCKER_HUB;
        String path = normalizedPath(domain, text.substring(pathStart, pathEnd));
        ReferenceGrammar.checkPathLength(text, pathStart, path, pathEnd);
        return new ImageReference(domain, path, tag == null && digest == null ? DEFAULT_TAG : tag, digest);
    }

    private static void checkShape(String text) {
        if (text.isEmpty()) {
            throw new InvalidReferenceException(
                    text, 0, "the reference is empty; expected a name such as 'ubuntu' or 'ghcr.io/owner/app:tag'");
        }
        if (text.length() > MAX_INPUT_LENGTH) {
            throw new InvalidReferenceException(
                    text,
                    MAX_INPUT_LENGTH,
                    "a reference is at most " + MAX_INPUT_LENGTH + " characters, got " + text.length());
        }
        checkScheme(text);
        checkCharacters(text);
        if (text.charAt(0) == '/') {
            throw new InvalidReferenceException(text, 0, "a reference cannot start with '/'");
        }
        if (text.charAt(text.length() - 1) == '/') {
            throw new InvalidReferenceException(text, text.length() - 1, "a reference cannot end with '/'");
        }
        int doubleSlash = text.indexOf("//");
        if (doubleSlash >= 0) {
            throw new InvalidReferenceException(
                    text, doubleSlash + 1, "'//' is not allowed; path components cannot be empty");
        }
        if (isImageId(text)) {
            throw new InvalidReferenceException(
                    text,
                    0,
                    "a 64-character hex string is an image ID, not a reference;"
                            + " to name content by digest write 'name@sha256:<hex>'");
        }
    }

    private static void checkScheme(String text) {
        int separator = text.indexOf("://");
        if (separator <= 0 || !isLetter(text.charAt(0))) {
            return;
        }
        for (int i = 1; i < separator; i++) {
            char c = text.charAt(i);
            if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
                return;
            }
        }
        throw new InvalidReferenceException(
                text, 0, "a reference has no scheme; remove '" + text.substring(0, separator + 3) + "'");
    }

    private static void checkCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new InvalidReferenceException(
                        text,
                        i,
                        "whitespace " + InvalidReferenceException.describe(c) + " is not allowed in a reference");
            }
            if (Character.isISOControl(c)) {
                throw new InvalidReferenceException(
                        text,
                        i,
                        "control character " + InvalidReferenceException.describe(c)
                                + " is not allowed in a reference");
            }
            if (c > 0x7e) {
                throw new InvalidReferenceException(
                        text,
                        i,
                        "non-ASCII character " + InvalidReferenceException.describe(c)
                                + " is not allowed; a reference is plain ASCII");
            }
        }
    }

    // distribution refuses a bare image ID so that it is never pulled as docker.io/library/<hex>.
    private static boolean isImageId(String text) {
        if (text.length() != IMAGE_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static String tagAt(String text, int colon, int end) {
        if (colon + 1 == end) {
            throw new InvalidReferenceException(text, colon, "a tag is required after ':'");
        }
        ReferenceGrammar.checkTag(text, colon + 1, end);
        return text.substring(colon + 1, end);
    }

    private static Digest digestAt(String text, int at) {
        if (at + 1 == text.length()) {
            throw new InvalidReferenceException(
                    text, at, "a digest is required after '@', e.g. 'sha256:' followed by 64 lowercase hex digits");
        }
        return Digest.parseAt(text, at + 1);
    }

    private static String normalizedDomain(String domain) {
        return domain.equals(LEGACY_DOCKER_HUB) ? ImageReference.DOCKER_HUB : domain;
    }

    private static String normalizedPath(String domain, String path) {
        boolean official = domain.equals(ImageReference.DOCKER_HUB) && path.indexOf('/') < 0;
        return official ? ImageReference.OFFICIAL_PREFIX + path : path;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

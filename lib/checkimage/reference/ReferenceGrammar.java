package checkimage.reference;

import static checkimage.reference.InvalidReferenceException.describe;

/**
 * The name and tag productions of the distribution reference grammar (distribution/reference,
 * {@code reference.go} and {@code regexp.go}), as small checks over a range of an input string that
 * report errors by position in that input:
 * <pre>
 * path           := path-component ['/' path-component]*
 * path-component := alpha-numeric [separator alpha-numeric]*
 * alpha-numeric  := /[a-z0-9]+/
 * separator      := /[_.]|__|[-]+/
 * tag            := /[\w][\w.-]{0,127}/
 * </pre>
 * plus the 255-character limit on the repository path (not counting the domain, as distribution's
 * {@code RepositoryNameTotalLengthMax} in {@code reference.go} applies to the path alone) and the rule by which {@code splitDockerDomain} in
 * {@code normalize.go} decides whether a first path component is a domain. Domains are in
 * {@link DomainGrammar}.
 */
final class ReferenceGrammar {

    /**
     * Longest repository path accepted, after normalization adds {@code library/} and without the domain, as
     * distribution's {@code RepositoryNameTotalLengthMax} (which, despite its name, limits the path alone).
     */
    static final int MAX_PATH_LENGTH = 255;

    static final int MAX_TAG_LENGTH = 128;
    static final String LOCALHOST = "localhost";

    private static final String SEPARATORS = "separators are '.', '_', '__' or one or more '-'";

    private ReferenceGrammar() {}

    /**
     * The {@code splitDockerDomain} rule: the component before the first '/' is a domain when it
     * contains '.' or ':', is {@code localhost}, or has uppercase letters (a path never does).
     */
    static boolean isDomainCandidate(String component) {
        return component.indexOf('.') >= 0
                || component.indexOf(':') >= 0
                || component.equals(LOCALHOST)
                || !component.equals(component.toLowerCase(java.util.Locale.ROOT));
    }

    /** Checks {@code input[start, end)} as a repository path. */
    static void checkPath(String input, int start, int end) {
        if (start == end) {
            throw new InvalidReferenceException(input, start, "a repository path is required here, e.g. 'owner/app'");
        }
        checkLowercase(input, start, end);
        boolean componentStart = true;
        int i = start;
        while (i < end) {
            char c = input.charAt(i);
            if (c == '/') {
                if (componentStart) {
                    throw new InvalidReferenceException(
                            input, i, "empty path component; components are separated by a single '/'");
                }
                componentStart = true;
                i++;
            } else if (isLowerAlphanumeric(c)) {
                componentStart = false;
                i++;
            } else if (isPathSeparator(c)) {
                if (componentStart) {
                    throw new InvalidReferenceException(
                            input,
                            i,
                            "a path component must start with a lowercase letter or digit, not " + describe(c));
                }
                i = checkSeparator(input, i, end);
            } else {
                throw new InvalidReferenceException(
                        input,
                        i,
                        "character " + describe(c)
                                + " is not allowed in the repository path; expected lowercase letters, digits, '/' and "
                                + SEPARATORS);
            }
        }
        if (componentStart) {
            throw new InvalidReferenceException(input, end, "empty path component; a path cannot end with '/'");
        }
    }

    /** Checks {@code input[start, end)} as a tag. */
    static void checkTag(String input, int start, int end) {
        if (start == end) {
            throw new InvalidReferenceException(input, start, "a tag is required after ':'");
        }
        char first = input.charAt(start);
        if (!isWordCharacter(first)) {
            throw new InvalidReferenceException(
                    input, start, "a tag must start with a letter, digit or '_', not " + describe(first));
        }
        for (int i = start + 1; i < end; i++) {
            char c = input.charAt(i);
            if (!isWordCharacter(c) && c != '.' && c != '-') {
                throw new InvalidReferenceException(
                        input,
                        i,
                        "character " + describe(c)
                                + " is not allowed in a tag; expected letters, digits, '_', '.' and '-'");
            }
        }
        if (end - start > MAX_TAG_LENGTH) {
            throw new InvalidReferenceException(
                    input,
                    start + MAX_TAG_LENGTH,
                    "a tag is at most " + MAX_TAG_LENGTH + " characters, got " + (end - start));
        }
    }

    /**
     * Checks the length of the normalized repository {@code path}; {@code pathEnd} is where the path ends in
     * {@code input}, so the position reported is the first character past the limit.
     */
    static void checkPathLength(String input, int pathStart, String path, int pathEnd) {
        if (path.length() > MAX_PATH_LENGTH) {
            int position = Math.max(pathStart, pathEnd - (path.length() - MAX_PATH_LENGTH));
            String shown = path.length() > 40 ? path.substring(0, 40) + "..." : path;
            throw new InvalidReferenceException(
                    input,
                    position,
                    "the repository path '" + shown + "' is " + path.length() + " characters long; at most "
                            + MAX_PATH_LENGTH + " are allowed");
        }
    }

    static boolean isLowerAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    static boolean isAlphanumeric(char c) {
        return isLowerAlphanumeric(c) || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWordCharacter(char c) {
        return isAlphanumeric(c) || c == '_';
    }

    private static boolean isPathSeparator(char c) {
        return c == '.' || c == '_' || c == '-';
    }

    // distribution checks case before anything else, so "foo/Bar-" reports the case, not the dash.
    private static void checkLowercase(String input, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = input.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                throw new InvalidReferenceException(
                        input,
                        i,
                        "uppercase letters are not allowed in the repository path '" + input.substring(start, end)
                                + "'");
            }
        }
    }

    /** Checks the run of separator characters at {@code start}; returns where it ends. */
    private static int checkSeparator(String input, int start, int end) {
        char kind = input.charAt(start);
        int limit = kind == '.' ? 1 : kind == '_' ? 2 : Integer.MAX_VALUE;
        int i = start + 1;
        while (i < end && input.charAt(i) == kind && i - start < limit) {
            i++;
        }
        if (i < end && isPathSeparator(input.charAt(i))) {
            int runEnd = i;
            while (runEnd < end && isPathSeparator(input.charAt(runEnd))) {
                runEnd++;
            }
            throw new InvalidReferenceException(
                    input,
                    i,
                    "invalid separator '" + input.substring(start, runEnd) + "' in the repository path; " + SEPARATORS);
        }
        if (i == end || input.charAt(i) == '/') {
            throw new InvalidReferenceException(
                    input, start, "a path component must end with a lowercase letter or digit, not " + describe(kind));
        }
        return i;
    }
}

package checkimage.policy;

import checkimage.reference.InvalidReferenceException;

/**
 * A tag with optional {@code *} wildcards, as in {@code forbid 'latest'} or the tag of
 * {@code deny 'docker.io/library/alpine:3.1*'}. A {@code *} matches any run of tag characters, also none.
 * Tags are compared case-sensitively, as registries do.
 *
 * <p>Tags follow the distribution reference grammar, {@code [\w][\w.-]{0,127}}: letters, digits, {@code _},
 * {@code .} and {@code -}, at most 128 characters.
 */
public record TagGlob(String text) {

    private static final int MAX_LENGTH = 128;

    /** @throws InvalidPatternException for an empty tag, {@code **}, a character tags do not have, or more than 128 characters */
    public TagGlob {
        check(text, text);
    }

    /** True when {@code tag} matches; a {@code null} tag (a digest-only reference) never does. */
    public boolean matches(String tag) {
        return tag != null && matches(0, tag, 0);
    }

    // Iterative wildcard match with one backtrack point: linear enough for 128 characters.
    private boolean matches(int p, String tag, int t) {
        int star = -1;
        int resume = 0;
        while (t < tag.length()) {
            if (p < text.length() && text.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (p < text.length() && text.charAt(p) == tag.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < text.length() && text.charAt(p) == '*') {
            p++;
        }
        return p == text.length();
    }

    /** Checks {@code tag}, the tag part of {@code pattern}, and names {@code pattern} when it is invalid. */
    static void check(String pattern, String tag) {
        if (tag == null || tag.isEmpty()) {
            throw new InvalidPatternException(pattern, "a tag cannot be empty");
        }
        if (tag.contains("**")) {
            throw new InvalidPatternException(pattern, "'**' is not allowed in a tag; one '*' matches any characters");
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            boolean fits = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == '-'
                    || c == '*';
            if (!fits) {
                throw new InvalidPatternException(
                        pattern,
                        "character " + InvalidReferenceException.describe(c)
                                + " is not allowed in a tag; tags have letters, digits, '_', '.' and '-'");
            }
        }
        if (tag.length() > MAX_LENGTH) {
            throw new InvalidPatternException(
                    pattern, "a tag has at most " + MAX_LENGTH + " characters, got " + tag.length());
        }
    }

    @Override
    public String toString() {
        return text;
    }
}

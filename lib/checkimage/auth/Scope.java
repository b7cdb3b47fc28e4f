package checkimage.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One resource scope of the distribution token spec: what a token is asked to allow, on the wire
 * {@code resourcetype:resourcename:action[,action]*}, e.g. {@code repository:library/ubuntu:pull}.
 *
 * <p>Grammar (token scope documentation): {@code resourcetype := resourcetypevalue [ '(' resourcetypevalue ')' ]}
 * with {@code resourcetypevalue := /[a-z0-9]+/}; the resource name may contain {@code :} (a registry host with
 * a port) and {@code /}; actions are words such as {@code pull}, {@code push}, {@code delete} or {@code *}.
 * This record checks a little less than the grammar: the type is ASCII letters and digits with an optional
 * parenthesised class ({@code repository(plugin)}); the name is any non-empty text without whitespace,
 * control characters or {@code "} (it is echoed into headers and query strings); each action is non-empty
 * ASCII letters, digits, {@code -}, {@code _} or {@code *}. Violations are {@link IllegalArgumentException}s
 * that name the input.
 *
 * @param resourceType e.g. {@code repository}, {@code repository(plugin)}, {@code registry}
 * @param name e.g. {@code library/ubuntu}, {@code localhost:5000/app}, {@code catalog}
 * @param actions at least one, e.g. {@code [pull]} or {@code [pull, push]}; an immutable copy
 */
public record Scope(String resourceType, String name, List<String> actions) {

    /** Validates the components; see the class comment. */
    public Scope {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(name, "name");
        actions = List.copyOf(actions);
        if (!isResourceType(resourceType)) {
            throw invalid(resourceType, "resource type", "letters and digits, optionally followed by (class)");
        }
        if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c != 0x7f && c != '"')) {
            throw invalid(name, "resource name", "non-empty, without whitespace, control characters or '\"'");
        }
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a scope needs at least one action");
        }
        for (String action : actions) {
            if (action.isEmpty() || !action.chars().allMatch(c -> isAlphaNumeric(c) || "-_*".indexOf(c) >= 0)) {
                throw invalid(action, "action", "letters, digits, '-', '_' or '*'");
            }
        }
    }

    /** {@code repository:<path>:pull}, the scope needed to pull from a repository. */
    public static Scope repositoryPull(String repositoryPath) {
        return new Scope("repository", repositoryPath, List.of("pull"));
    }

    /**
     * Parses one scope: the type ends at the first {@code :}, the actions start after the last, and the name is
     * everything between (so {@code repository:localhost:5000/app:pull} names {@code localhost:5000/app}).
     *
     * @throws IllegalArgumentException naming the input when it is not a valid scope
     */
    public static Scope parse(String text) {
        Objects.requireNonNull(text, "text");
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first < 0 || first == last) {
            throw new IllegalArgumentException(
                    "invalid scope " + quote(text) + ": expected resourcetype:resourcename:action[,action]");
        }
        try {
            return new Scope(
                    text.substring(0, first),
                    text.substring(first + 1, last),
                    List.of(text.substring(last + 1).split(",", -1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid scope " + quote(text) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a space-separated scope list, as in a challenge's {@code scope} parameter or a token request.
     * Its input comes from a server, so it is lenient: runs of spaces are one separator, and entries that are
     * not valid scopes are left out rather than failing the whole list.
     */
    public static List<Scope> parseAll(String text) {
        Objects.requireNonNull(text, "text");
        List<Scope> scopes = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(' ', start);
            end = end < 0 ? text.length() : end;
            if (end > start) {
                try {
                    scopes.add(parse(text.substring(start, end)));
                } catch (IllegalArgumentException invalid) {
                    // left out, as documented
                }
            }
            start = end + 1;
        }
        return List.copyOf(scopes);
    }

    /** The wire form, {@code resourcetype:resourcename:action[,action]}. */
    @Override
    public String toString() {
        return resourceType + ':' + name + ':' + String.join(",", actions);
    }

    private static boolean isResourceType(String type) {
        int open = type.indexOf('(');
        if (open < 0) {
            return isWord(type);
        }
        return type.endsWith(")")
                && isWord(type.substring(0, open))
                && isWord(type.substring(open + 1, type.length() - 1));
    }

    private static boolean isWord(String s) {
        return !s.isEmpty() && s.chars().allMatch(Scope::isAlphaNumeric);
    }

    private static boolean isAlphaNumeric(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static IllegalArgumentException invalid(String value, String what, String expected) {
        return new IllegalArgumentException("invalid " + what + " " + quote(value) + ": expected " + expected);
    }

    /** The input in quotes, shortened and without control characters: it may come from a server. */
    private static String quote(String text) {
        String shown = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        StringBuilder out = new StringBuilder("'");
        shown.chars().forEach(c -> out.append(c < ' ' || c == 0x7f ? '?' : (char) c));
        return out.append('\'').toString();
    }
}

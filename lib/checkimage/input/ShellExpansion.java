package checkimage.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expands one Dockerfile word as BuildKit's shell lexer does for {@code FROM} and flag values: {@code 'single
 * quotes'} are literal, {@code "double quotes"} expand variables, the escape character makes the next
 * character literal; {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-x}} / {@code ${VAR-x}} (x when unset or
 * empty / unset), {@code ${VAR:+x}} / {@code ${VAR+x}} (x when set and non-empty / set, else nothing) and
 * {@code ${VAR:?msg}} / {@code ${VAR?msg}} (an error when unset or empty / unset). A {@code $} not followed by
 * a name is literal. Other modifiers ({@code #}, {@code %}, {@code /}) are reported as unsupported.
 *
 * <p>Variables come from a map in which a {@code null} value means "declared without a value" (unset); a name
 * absent from the map is undeclared, and the result lists it.
 */
final class ShellExpansion {

    /** The expanded text, the first variable used, and the undeclared variables met. */
    record Result(String text, Optional<String> firstVariable, List<String> undeclared) {}

    /** A word BuildKit refuses; the message names the problem, without file or line. */
    static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final String word;
    private final char escape;
    private final Map<String, String> variables;
    private final List<String> used = new ArrayList<>();
    private final List<String> undeclared = new ArrayList<>();
    private int at;

    private ShellExpansion(String word, char escape, Map<String, String> variables) {
        this.word = word;
        this.escape = escape;
        this.variables = variables;
    }

    /** Expands {@code word}. @throws Failure for a bad substitution, an unterminated quote or {@code ${X:?}} */
    static Result expand(String word, char escape, Map<String, String> variables) {
        ShellExpansion expansion = new ShellExpansion(word, escape, variables);
        String text = expansion.until('\0');
        return new Result(text, expansion.used.stream().findFirst(), List.copyOf(expansion.undeclared));
    }

    // Reads to the end, or to an unquoted, unescaped stop character (consumed).
    private String until(char stop) {
        StringBuilder out = new StringBuilder();
        while (at < word.length()) {
            char c = word.charAt(at++);
            if (stop != '\0' && c == stop) {
                return out.toString();
            }
            if (c == '\'') {
                int close = word.indexOf('\'', at);
                if (close < 0) {
                    throw new Failure("unexpected end of statement while looking for matching single-quote");
                }
                out.append(word, at, close);
                at = close + 1;
            } else if (c == '"') {
                out.append(doubleQuoted());
            } else if (c == '$') {
                out.append(dollar());
            } else if (c == escape && at < word.length()) {
                out.append(word.charAt(at++));
            } else {
                out.append(c);
            }
        }
        if (stop != '\0') {
            throw new Failure("syntax error: missing '}'");
        }
        return out.toString();
    }

    private String doubleQuoted() {
        StringBuilder out = new StringBuilder();
        while (at < word.length()) {
            char c = word.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '$') {
                out.append(dollar());
            } else if (c == escape && at < word.length()) {
                char next = word.charAt(at++);
                if (next != '"' && next != '$' && next != escape) {
                    out.append(c);
                }
                out.append(next);
            } else {
                out.append(c);
            }
        }
        throw new Failure("unexpected end of statement while looking for matching double-quote");
    }

    private String dollar() {
        if (at >= word.length() || word.charAt(at) != '{') {
            String name = name();
            return name.isEmpty() ? "$" : value(name).orElse("");
        }
        at++;
        String name = name();
        if (name.isEmpty()) {
            throw new Failure("bad substitution");
        }
        if (at >= word.length()) {
            throw new Failure("syntax error: missing '}'");
        }
        char c = word.charAt(at++);
        if (c == '}') {
            return value(name).orElse("");
        }
        boolean colon = c == ':';
        if (colon) {
            if (at >= word.length()) {
                throw new Failure("bad substitution");
            }
            c = word.charAt(at++);
        }
        if (c != '-' && c != '+' && c != '?') {
            throw new Failure(
                    colon
                            ? "unsupported modifier (" + c + ") in substitution"
                            : "unsupported modifier (" + c + ") in substitution of " + name
                                    + " (only :-, -, :+, +, :?, ? are read)");
        }
        char modifier = c;
        Optional<String> value = value(name);
        String argument = until('}');
        boolean present = value.isPresent() && (!colon || !value.get().isEmpty());
        return switch (modifier) {
            case '-' -> present ? value.get() : argument;
            case '+' -> present ? argument : "";
            default -> {
                if (!present) {
                    throw new Failure(name + ": "
                            + (argument.isEmpty()
                                    ? "is not allowed to be " + (colon ? "unset or empty" : "unset")
                                    : argument));
                }
                yield value.get();
            }
        };
    }

    // A name: letters, digits and '_'; a leading digit reads digits only (a positional parameter).
    private String name() {
        int start = at;
        if (at < word.length() && Character.isDigit(word.charAt(at))) {
            while (at < word.length() && Character.isDigit(word.charAt(at))) {
                at++;
            }
            return word.substring(start, at);
        }
        while (at < word.length() && (Character.isLetterOrDigit(word.charAt(at)) || word.charAt(at) == '_')) {
            at++;
        }
        return word.substring(start, at);
    }

    private Optional<String> value(String name) {
        used.add(name);
        if (!variables.containsKey(name)) {
            undeclared.add(name);
        }
        return Optional.ofNullable(variables.get(name));
    }
}

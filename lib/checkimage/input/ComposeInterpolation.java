package checkimage.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compose's variable interpolation, as compose-go's {@code template} package does it: {@code $$} is a literal
 * {@code $}; {@code $VAR} and {@code ${VAR}} are the variable's value (empty, with a warning, when unset);
 * {@code ${VAR:-d}} / {@code ${VAR-d}} fall back to {@code d} when unset or empty / only when unset;
 * {@code ${VAR:?e}} / {@code ${VAR?e}} fail with {@code required variable VAR is missing a value: e} when
 * unset or empty / only when unset; {@code ${VAR:+a}} / {@code ${VAR+a}} are {@code a} when set and non-empty
 * / when set, else empty. Names match {@code [_a-zA-Z][_a-zA-Z0-9]*}; any other {@code $} is an invalid
 * template. Defaults, messages and alternatives are interpolated too, before the variable is looked up (so a
 * required variable inside an unused default still fails, as in compose).
 */
final class ComposeInterpolation {

    /** The interpolated text, the first variable it used, and the variables that were unset without default. */
    record Result(String text, Optional<String> firstVariable, List<String> unset) {}

    /** A template compose refuses; the message is compose's, without file or line. */
    static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final Function<String, Optional<String>> lookup;

    /** @param lookup a variable's value, or empty when it is unset */
    ComposeInterpolation(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** Interpolates {@code template}. @throws Failure for an invalid template or a missing required variable */
    Result substitute(String template) {
        List<String> used = new ArrayList<>();
        List<String> unset = new ArrayList<>();
        String text = new Pass(template, used, unset).run(template);
        return new Result(text, used.stream().findFirst(), List.copyOf(unset));
    }

    private final class Pass {

        private final String whole;
        private final List<String> used;
        private final List<String> unset;

        Pass(String whole, List<String> used, List<String> unset) {
            this.whole = whole;
            this.used = used;
            this.unset = unset;
        }

        String run(String template) {
            StringBuilder out = new StringBuilder(template.length());
            int i = 0;
            while (i < template.length()) {
                char c = template.charAt(i);
                char next = i + 1 < template.length() ? template.charAt(i + 1) : '\0';
                if (c != '$') {
                    out.append(c);
                    i++;
                } else if (next == '$') {
                    out.append('$');
                    i += 2;
                } else if (isNameStart(next)) {
                    int end = nameEnd(template, i + 1);
                    out.append(plain(template.substring(i + 1, end)));
                    i = end;
                } else if (next == '{') {
                    int close = closingBrace(template, i);
                    if (close < 0) {
                        throw invalid();
                    }
                    out.append(braced(template.substring(i + 2, close)));
                    i = close + 1;
                } else {
                    throw invalid();
                }
            }
            return out.toString();
        }

        private String plain(String name) {
            used.add(name);
            Optional<String> value = lookup.apply(name);
            if (value.isEmpty()) {
                unset.add(name);
            }
            return value.orElse("");
        }

        private String braced(String body) {
            if (body.isEmpty() || !isNameStart(body.charAt(0))) {
                throw invalid();
            }
            int end = nameEnd(body, 0);
            String name = body.substring(0, end);
            String rest = body.substring(end);
            if (rest.isEmpty()) {
                return plain(name);
            }
            boolean colon = rest.charAt(0) == ':';
            String operation = colon ? rest.substring(0, Math.min(2, rest.length())) : rest.substring(0, 1);
            String word = rest.substring(operation.length());
            char operator = operation.charAt(operation.length() - 1);
            if (operation.equals(":") || "-?+".indexOf(operator) < 0) {
                throw invalid();
            }
            used.add(name);
            String argument = run(word);
            Optional<String> value = lookup.apply(name);
            boolean present = value.isPresent() && (!colon || !value.get().isEmpty());
            return switch (operator) {
                case '-' -> present ? value.get() : argument;
                case '+' -> present ? argument : "";
                default -> {
                    if (!present) {
                        throw new Failure("required variable " + name + " is missing a value"
                                + (argument.isEmpty() ? "" : ": " + argument));
                    }
                    yield value.get();
                }
            };
        }

        private Failure invalid() {
            return new Failure(
                    "invalid interpolation format \"" + whole + "\"; you may need to escape any $ with" + " another $");
        }
    }

    // As compose-go: only "${" opens a nested level, and the first "}" at level zero closes.
    private static int closingBrace(String template, int dollar) {
        int open = 0;
        for (int i = dollar; i < template.length(); i++) {
            if (template.startsWith("${", i)) {
                open++;
                i++;
            } else if (template.charAt(i) == '}' && --open == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int nameEnd(String text, int start) {
        int i = start;
        while (i < text.length() && (isNameStart(text.charAt(i)) || (text.charAt(i) >= '0' && text.charAt(i) <= '9'))) {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

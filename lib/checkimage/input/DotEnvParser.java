package checkimage.input;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses a compose {@code .env} file as compose-go's {@code dotenv} package does.
 *
 * <ul>
 *   <li>Blank lines and lines starting with {@code #} are skipped; a leading {@code export } is dropped.</li>
 *   <li>{@code KEY=VALUE} (or {@code KEY: VALUE}); a {@code KEY} alone takes the environment's value, if any.
 *       Keys hold letters, digits, {@code _}, {@code .} and {@code -}.</li>
 *   <li>Unquoted values end at the line's end or at {@code " #"} (a space, then {@code #}), and are trimmed.</li>
 *   <li>{@code 'single quoted'} values are literal; {@code "double quoted"} values may span lines and know
 *       {@code \n}, {@code \r}, {@code \t}, {@code \\}, {@code \"} and {@code \$}. Anything after the closing
 *       quote on its line is ignored.</li>
 *   <li>Unquoted and double-quoted values are interpolated ({@link ComposeInterpolation}) from the environment,
 *       then from the keys above them.</li>
 * </ul>
 * Errors name the file and line but never a value: {@code .env} files hold passwords.
 */
final class DotEnvParser {

    private final String text;
    private final String source;
    private final Function<String, Optional<String>> environment;
    private final Map<String, String> values = new LinkedHashMap<>();
    private int at;

    private DotEnvParser(String text, String source, Function<String, Optional<String>> environment) {
        this.text = text;
        this.source = source;
        this.environment = environment;
    }

    /** The variables of {@code text}, named {@code source} in errors, in file order. */
    static Map<String, String> parse(String text, String source, Function<String, Optional<String>> environment) {
        DotEnvParser parser = new DotEnvParser(text.replace("\r\n", "\n"), source, environment);
        while (parser.nextStatement()) {
            parser.statement();
        }
        return parser.values;
    }

    private boolean nextStatement() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '#') {
                skipLine();
            } else if (Character.isWhitespace(c)) {
                at++;
            } else {
                return true;
            }
        }
        return false;
    }

    private void statement() {
        int line = lineAt(at);
        if (text.startsWith("export", at) && at + 6 < text.length() && isBlank(text.charAt(at + 6))) {
            at += 6;
            skipBlanks();
        }
        int start = at;
        while (at < text.length() && text.charAt(at) != '=' && text.charAt(at) != ':' && text.charAt(at) != '\n') {
            char c = text.charAt(at);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '.' && c != '-' && !isBlank(c)) {
                throw error(line, "unexpected character '" + c + "' in a variable name");
            }
            at++;
        }
        String key = text.substring(start, at).strip();
        if (key.isEmpty() || key.chars().anyMatch(c -> isBlank((char) c))) {
            throw error(
                    line,
                    key.isEmpty()
                            ? "a line starts with '" + text.charAt(start) + "' instead of a variable name"
                            : "a variable name cannot contain a blank");
        }
        if (at >= text.length() || text.charAt(at) == '\n') {
            environment.apply(key).ifPresent(value -> values.put(key, value));
            return;
        }
        at++;
        skipBlanks();
        String value = value(key, line);
        values.put(key, environment.apply(key).orElse(value));
    }

    private String value(String key, int line) {
        char quote = at < text.length() ? text.charAt(at) : '\0';
        if (quote == '\'' || quote == '"') {
            int close = closingQuote(quote);
            if (close < 0) {
                throw error(line, "the quoted value of " + key + " is not terminated");
            }
            String raw = text.substring(at + 1, close);
            at = close + 1;
            skipLine();
            return quote == '\'' ? raw : interpolate(unescape(raw), line);
        }
        int end = text.indexOf('\n', at);
        end = end < 0 ? text.length() : end;
        String raw = text.substring(at, end);
        at = end;
        for (int i = 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && raw.charAt(i - 1) == ' ') {
                raw = raw.substring(0, i);
                break;
            }
        }
        return interpolate(raw.stripTrailing(), line);
    }

    private int closingQuote(char quote) {
        for (int i = at + 1; i < text.length(); i++) {
            if (text.charAt(i) == quote && text.charAt(i - 1) != '\\') {
                return i;
            }
        }
        return -1;
    }

    private String interpolate(String value, int line) {
        ComposeInterpolation interpolation = new ComposeInterpolation(
                name -> environment.apply(name).or(() -> Optional.ofNullable(values.get(name))));
        try {
            return interpolation.substitute(value).text();
        } catch (ComposeInterpolation.Failure e) {
            throw error(line, e.getMessage());
        }
    }

    // "\$" must survive interpolation as a literal dollar, hence "$$".
    private static String unescape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case '\\', '"' -> out.append(next);
                    case '$' -> out.append("$$");
                    default -> out.append(c).append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private void skipLine() {
        int end = text.indexOf('\n', at);
        at = end < 0 ? text.length() : end;
    }

    private void skipBlanks() {
        while (at < text.length() && isBlank(text.charAt(at))) {
            at++;
        }
    }

    private int lineAt(int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private InputException error(int line, String problem) {
        return new InputException(source, "", "line " + line + ": " + problem);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }
}

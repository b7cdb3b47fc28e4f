package checkimage.input;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Renders OpenPAI secret placeholders in a job's {@code auth} fields: {@code <% $secrets.docker.password %>}.
 *
 * <p>The contract, a strict subset of the Mustache templates (delimiters {@code <% %>}) OpenPAI renders:
 * <ul>
 *   <li>whitespace inside the delimiters is ignored; any number of placeholders may sit in one string, with
 *       literal text around them, which is copied as is (no HTML escaping, unlike Mustache);</li>
 *   <li>a key is {@code $secrets} followed by {@code .name} and {@code [index]} segments:
 *       {@code $secrets.a.b}, {@code $secrets.list[0]}, {@code $secrets.a.list[1].b}; a dotted number
 *       ({@code .1}) indexes a list too, as in OpenPAI;</li>
 *   <li>the key must name a single value, rendered as the scalar's text in the secrets YAML ({@code 0777}
 *       stays {@code 0777}); a null value renders as the empty string;</li>
 *   <li>an unknown key is an error (Mustache would render it empty) naming the key and the known key names
 *       at the level where lookup failed; a malformed placeholder is an error naming the field and the
 *       character position. No message quotes a secret value or the field's own text.</li>
 * </ul>
 * Text without {@code <%} is returned unchanged; a lone {@code %>} is literal text.
 */
public final class SecretRenderer {

    private static final String OPEN = "<%";
    private static final String CLOSE = "%>";
    private static final int MAX_LISTED_KEYS = 20;

    private final Secrets secrets;

    public SecretRenderer(Secrets secrets) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /**
     * Renders {@code template}, the value of the field at {@code keyPath} in {@code source}.
     *
     * @throws InputException with {@code source} and {@code keyPath} for a malformed placeholder or an unknown key
     */
    public String render(String template, String source, String keyPath) {
        StringBuilder out = new StringBuilder(template.length());
        int from = 0;
        for (int open = template.indexOf(OPEN); open >= 0; open = template.indexOf(OPEN, from)) {
            out.append(template, from, open);
            int close = template.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                throw badPlaceholder(source, keyPath, open, "'<%' is not closed by '%>'");
            }
            SecretKey key =
                    parse(template.substring(open + OPEN.length(), close).strip(), source, keyPath, open);
            out.append(lookup(key, source, keyPath));
            from = close + CLOSE.length();
        }
        return out.append(template, from, template.length()).toString();
    }

    private static SecretKey parse(String expression, String source, String keyPath, int position) {
        try {
            return SecretKey.parse(expression);
        } catch (IllegalArgumentException e) {
            throw badPlaceholder(source, keyPath, position, e.getMessage());
        }
    }

    private String lookup(SecretKey key, String source, String keyPath) {
        Object node = secrets.values();
        List<Object> segments = key.segments();
        for (int i = 0; i < segments.size(); i++) {
            String walked = SecretKey.display(segments.subList(0, i));
            node = step(node, segments.get(i), new Failure(key, walked, source, keyPath));
        }
        if (node instanceof Map || node instanceof List) {
            throw new Failure(key, "", source, keyPath)
                    .raise("secret key '" + key + "' names " + YamlValue.kindOf(node) + ", not a single value", "");
        }
        return node == null ? "" : (String) node;
    }

    private Object step(Object node, Object segment, Failure failure) {
        if (node instanceof Map<?, ?> map) {
            String name = String.valueOf(segment);
            if (!map.containsKey(name)) {
                throw failure.unknown(knownKeys(map, failure.walked));
            }
            return map.get(name);
        }
        if (node instanceof List<?> list && indexOf(segment) >= 0) {
            int index = indexOf(segment);
            if (index >= list.size()) {
                throw failure.unknown("'" + failure.walked + "' has " + list.size() + " entries");
            }
            return list.get(index);
        }
        throw failure.unknown("'" + failure.walked + "' is "
                + (node instanceof List ? "a list, index it like [0]" : "a single value, not a map or list"));
    }

    private static int indexOf(Object segment) {
        if (segment instanceof Integer index) {
            return index;
        }
        String name = (String) segment;
        return !name.isEmpty() && name.length() <= 9 && name.chars().allMatch(Character::isDigit)
                ? Integer.parseInt(name)
                : -1;
    }

    private static String knownKeys(Map<?, ?> map, String walked) {
        String where = walked.isEmpty() ? "known top-level keys" : "known keys under '" + walked + "'";
        if (map.isEmpty()) {
            return walked.isEmpty() ? "there are no keys" : "'" + walked + "' has no keys";
        }
        String names = map.keySet().stream()
                .limit(MAX_LISTED_KEYS)
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
        return where + ": " + names + (map.size() > MAX_LISTED_KEYS ? ", ..." : "");
    }

    private static InputException badPlaceholder(String source, String keyPath, int position, String why) {
        return new InputException(
                source,
                keyPath,
                "bad secret placeholder at character " + (position + 1) + ": " + why
                        + "; write it like <% $secrets.docker.password %> or <% $secrets.list[0].key %>");
    }

    /** A failed lookup of {@code key} after walking {@code walked}; its messages say where the secrets came from. */
    private final class Failure {
        private final SecretKey key;
        private final String walked;
        private final String source;
        private final String keyPath;

        Failure(SecretKey key, String walked, String source, String keyPath) {
            this.key = key;
            this.walked = walked;
            this.source = source;
            this.keyPath = keyPath;
        }

        /** {@code unknown secret key 'a.b' (secrets from s.yaml; <detail>)}. */
        InputException unknown(String detail) {
            return raise("unknown secret key '" + key + "'", detail);
        }

        InputException raise(String problem, String detail) {
            String context = secrets.origin()
                    .map(origin -> "secrets from " + origin + (detail.isEmpty() ? "" : "; " + detail))
                    .orElse("no secrets were given: pass a secrets file or add them as a second YAML document");
            return new InputException(source, keyPath, problem + " (" + context + ")");
        }
    }
}

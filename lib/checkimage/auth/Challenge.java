package checkimage.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One authentication challenge from a {@code WWW-Authenticate} header (RFC 7235 §4.1, §2.1): a scheme and
 * either auth-params or a token68, or neither.
 *
 * <p>The scheme is kept as the server wrote it; compare it with {@link #is(String)}, which ignores case (§2.1).
 * Parameter names are case-insensitive (§2.2), so they are stored lower-cased, in an immutable map with no
 * order; values are kept exactly (unquoted, escapes resolved). Parameter look-ups return {@link Optional}:
 * empty when absent, and a present empty string for {@code realm=""}.
 *
 * <p>{@link #toString()} never shows a token68 (it may be a credential-like blob such as a Negotiate token);
 * it shows {@code ***} instead.
 *
 * @param scheme the auth-scheme, e.g. {@code Bearer}; never blank
 * @param parameters auth-params with lower-case names; never null, may be empty
 * @param token68 the token68, or {@code null} when the challenge has none; never together with parameters
 */
public record Challenge(String scheme, Map<String, String> parameters, String token68) {

    /** Validates the components and lower-cases the parameter names. */
    public Challenge {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(parameters, "parameters");
        if (scheme.isBlank()) {
            throw new IllegalArgumentException("a challenge scheme must not be blank");
        }
        if (token68 != null && !parameters.isEmpty()) {
            throw new IllegalArgumentException(
                    "a challenge has either parameters or a token68, not both (RFC 7235 §2.1)");
        }
        parameters = Map.copyOf(lowerCaseNames(parameters));
    }

    /** A challenge with parameters only, e.g. {@code Bearer realm="...",service="..."}. */
    public static Challenge of(String scheme, Map<String, String> parameters) {
        return new Challenge(scheme, parameters, null);
    }

    /** True when this challenge's scheme is {@code scheme}, ignoring case (RFC 7235 §2.1). */
    public boolean is(String scheme) {
        return this.scheme.equalsIgnoreCase(scheme);
    }

    /** The value of the parameter {@code name}, matched ignoring case (RFC 7235 §2.2). */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** {@code realm}: for Bearer, the URL of the token server (RFC 6750 §3, distribution token spec). */
    public Optional<String> realm() {
        return parameter("realm");
    }

    /** {@code service}: the name of the registry as the token server knows it (distribution token spec). */
    public Optional<String> service() {
        return parameter("service");
    }

    /** {@code scope}: space-separated scopes the request needs; see {@link Scope#parseAll(String)}. */
    public Optional<String> scope() {
        return parameter("scope");
    }

    /** {@code error}, e.g. {@code invalid_token} or {@code insufficient_scope} (RFC 6750 §3.1). */
    public Optional<String> error() {
        return parameter("error");
    }

    /** The challenge as it could appear on the wire, realm first, a token68 shown as {@code ***}. */
    @Override
    public String toString() {
        if (token68 != null) {
            return scheme + " ***";
        }
        List<String> names = new ArrayList<>(parameters.keySet());
        names.sort(Comparator.comparing((String name) -> !name.equals("realm")).thenComparing(name -> name));
        StringBuilder out = new StringBuilder(scheme);
        for (String name : names) {
            out.append(out.length() == scheme.length() ? " " : ", ")
                    .append(name)
                    .append("=\"");
            for (char c : parameters.get(name).toCharArray()) {
                out.append(c == '"' || c == '\\' ? "\\" : "").append(c);
            }
            out.append('"');
        }
        return out.toString();
    }

    private static Map<String, String> lowerCaseNames(Map<String, String> parameters) {
        Map<String, String> lowered = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            Objects.requireNonNull(name, "parameter name");
            Objects.requireNonNull(value, () -> "value of parameter " + name);
            if (lowered.put(name.toLowerCase(Locale.ROOT), value) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' given twice; names ignore case");
            }
        });
        return lowered;
    }
}

package checkimage.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Parses {@code WWW-Authenticate} header values into {@link Challenge}s, per RFC 7235 §4.1 and §2.1:
 * <pre>
 * WWW-Authenticate = 1#challenge
 * challenge        = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 * auth-param       = token BWS "=" BWS ( token / quoted-string )
 * token68          = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 * </pre>
 * with quoted-string and the list rule ({@code #}, which allows empty elements such as {@code , ,}) from
 * RFC 7230 §3.2.6 and §7. The same comma separates parameters and challenges; an element that is
 * {@code token BWS "="} continues the current challenge's parameters, anything else starts a new challenge.
 * After a scheme, {@code token68} is chosen only when nothing but {@code =} padding follows it up to the next
 * comma or the end (so {@code Negotiate abc==} is a token68 and {@code Basic realm=x} a parameter).
 *
 * <p>The input comes from a server, so this parser never throws on it:
 * <ul>
 *   <li>At the first malformed point (unterminated or invalid quoted-string, missing comma, a character no rule
 *       allows, unquoted non-token values such as a bare URL) parsing stops. The challenges completed before
 *       the damage are returned; the challenge being parsed when it happened is dropped, because a partly read
 *       challenge could send credentials to the wrong realm or for the wrong scope.</li>
 *   <li>A challenge that names a parameter twice (ignoring case) is dropped, since §2.2 forbids it and either
 *       value could be the forged one; parsing continues with the next challenge.</li>
 *   <li>Input longer than {@value #MAX_INPUT_LENGTH} characters is ignored, never truncated: a cut value would
 *       still look valid. For several header values the limit applies to their sum: values are parsed in
 *       order, and the first one that does not fit in what is left ends the input.</li>
 * </ul>
 * Only {@code null} arguments (or {@code null} elements) throw, as {@link NullPointerException}.
 * Instances are stateless and may be shared.
 */
public final class ChallengeParser {

    /** The most characters of {@code WWW-Authenticate} input that are parsed, over all values. */
    public static final int MAX_INPUT_LENGTH = 16 * 1024;

    /** Parses one header value; see the class comment for what malformed input yields. */
    public List<Challenge> parse(String headerValue) {
        return parse(List.of(headerValue));
    }

    /** Parses several header values (several {@code WWW-Authenticate} fields), in order, into one list. */
    public List<Challenge> parse(List<String> headerValues) {
        List<Challenge> challenges = new ArrayList<>();
        int budget = MAX_INPUT_LENGTH;
        for (String value : List.copyOf(headerValues)) {
            if (value.length() > budget) {
                break;
            }
            budget -= value.length();
            parseInto(value, challenges);
        }
        return List.copyOf(challenges);
    }

    private static void parseInto(String headerValue, List<Challenge> challenges) {
        HeaderTokenizer in = new HeaderTokenizer(headerValue);
        try {
            while (true) {
                in.skipListSeparators();
                if (in.atEnd()) {
                    return;
                }
                Challenge challenge = readChallenge(in);
                if (challenge != null) {
                    challenges.add(challenge);
                }
            }
        } catch (HeaderTokenizer.Malformed damage) {
            // keep the challenges completed before the damage, as documented
        }
    }

    /** One challenge, or null when it is well-formed but unusable (a duplicate parameter). */
    private static Challenge readChallenge(HeaderTokenizer in) {
        String scheme = in.token();
        boolean spaced = in.skipWhitespace();
        if (in.atEnd() || in.peekIs(',')) {
            return Challenge.of(scheme, Map.of());
        }
        if (!spaced) {
            throw HeaderTokenizer.MALFORMED;
        }
        if (in.atToken68()) {
            String token68 = in.token68();
            in.skipWhitespace();
            return new Challenge(scheme, Map.of(), token68);
        }
        return readParameters(scheme, in);
    }

    private static Challenge readParameters(String scheme, HeaderTokenizer in) {
        Map<String, String> parameters = new LinkedHashMap<>();
        boolean duplicate = false;
        do {
            String name = in.token().toLowerCase(Locale.ROOT);
            in.skipWhitespace();
            in.expect('=');
            in.skipWhitespace();
            String value = in.peekIs('"') ? in.quotedString() : in.token();
            duplicate |= parameters.putIfAbsent(name, value) != null;
            in.skipWhitespace();
            if (!in.atEnd()) {
                in.expect(',');
                in.skipListSeparators();
            }
        } while (!in.atEnd() && in.atParameter());
        return duplicate ? null : Challenge.of(scheme, parameters);
    }

    /** The character-level rules of RFC 7230 §3.2.6 and RFC 7235 §2.1 over one header value. */
    private static final class HeaderTokenizer {

        /** Thrown at the first malformed point; caught in {@link #parseInto}, never seen by callers. */
        static final class Malformed extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Malformed() {
                super("malformed WWW-Authenticate", null, false, false);
            }
        }

        static final Malformed MALFORMED = new Malformed();

        private final String text;
        private int pos;

        HeaderTokenizer(String text) {
            this.text = Objects.requireNonNull(text, "header value");
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        boolean peekIs(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        void expect(char c) {
            if (!peekIs(c)) {
                throw MALFORMED;
            }
            pos++;
        }

        /** OWS = *( SP / HTAB ); true when any was skipped. */
        boolean skipWhitespace() {
            int start = pos;
            while (peekIs(' ') || peekIs('\t')) {
                pos++;
            }
            return pos > start;
        }

        /** Skips OWS and the commas of empty list elements (RFC 7230 §7). */
        void skipListSeparators() {
            while (skipWhitespace() || peekIs(',')) {
                if (peekIs(',')) {
                    pos++;
                }
            }
        }

        /** token = 1*tchar. */
        String token() {
            int end = skipTchars(pos);
            if (end == pos) {
                throw MALFORMED;
            }
            String token = text.substring(pos, end);
            pos = end;
            return token;
        }

        /** True when a token68 starts here: its characters, padding, then OWS and a comma or the end. */
        boolean atToken68() {
            int p = pos;
            while (p < text.length() && isToken68Char(text.charAt(p))) {
                p++;
            }
            if (p == pos) {
                return false;
            }
            while (p < text.length() && text.charAt(p) == '=') {
                p++;
            }
            p = skipWhitespace(p);
            return p == text.length() || text.charAt(p) == ',';
        }

        String token68() {
            int start = pos;
            while (!atEnd() && isToken68Char(text.charAt(pos))) {
                pos++;
            }
            while (peekIs('=')) {
                pos++;
            }
            return text.substring(start, pos);
        }

        /** True when an auth-param starts here: {@code token BWS "="}. */
        boolean atParameter() {
            int p = skipTchars(pos);
            return p > pos && (p = skipWhitespace(p)) < text.length() && text.charAt(p) == '=';
        }

        /** quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE; returns the unescaped content. */
        String quotedString() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw MALFORMED;
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (atEnd() || !isQuotable(text.charAt(pos))) {
                        throw MALFORMED;
                    }
                    c = text.charAt(pos++);
                } else if (!isQuotable(c)) {
                    throw MALFORMED;
                }
                value.append(c);
            }
        }

        private int skipTchars(int p) {
            while (p < text.length() && isTchar(text.charAt(p))) {
                p++;
            }
            return p;
        }

        private int skipWhitespace(int p) {
            while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                p++;
            }
            return p;
        }

        /** tchar: RFC 7230 §3.2.6. */
        private static boolean isTchar(char c) {
            return isAlphaNumeric(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }

        private static boolean isToken68Char(char c) {
            return isAlphaNumeric(c) || "-._~+/".indexOf(c) >= 0;
        }

        /**
         * HTAB, SP, VCHAR and obs-text: what qdtext and quoted-pair allow, DQUOTE and backslash aside.
         * Characters above U+00FF are taken as obs-text too, for headers already decoded from UTF-8.
         */
        private static boolean isQuotable(char c) {
            return c == '\t' || (c >= ' ' && c != 0x7f);
        }

        private static boolean isAlphaNumeric(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
    }
}

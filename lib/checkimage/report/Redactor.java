package checkimage.report;

import java.util.regex.Pattern;

/**
 * Last line of defence before text leaves the process: masks anything shaped like a credential that a hostile
 * or chatty registry may have echoed into an error message (Authorization values, JWTs, {@code password=…} and
 * {@code "token": "…"} pairs). Prose such as {@code password: unknown secret key} is left alone: it is ours.. Our own code never puts secrets into messages in the first place.
 */
public final class Redactor {

    private static final Pattern AUTH_VALUE = Pattern.compile("(?i)\\b(Basic|Bearer)\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final String KEY = "[A-Za-z_]*(?:password|passwd|secret|token|auth)";
    /** {@code "key": "value"} or {@code 'key': 'value'}, the whole quoted value, escapes included. */
    private static final Pattern QUOTED =
            Pattern.compile("(?i)([\"'])(" + KEY + ")\\1(\\s*:\\s*)([\"'])((?:\\\\.|(?!\\4)[^\\\\])*)\\4");
    /** {@code key=value} as in query strings and form bodies. */
    /** {@code user:password@} in a URL such as {@code http://user:pass@proxy:3128}. */
    private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");

    private static final Pattern ASSIGNED = Pattern.compile("(?i)(?<![A-Za-z0-9])(" + KEY + ")=([^\\s&\"',;]+)");

    private Redactor() {}

    /** {@code text} with credential-shaped parts replaced by {@code ***}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = AUTH_VALUE.matcher(text).replaceAll("$1 ***");
        masked = JWT.matcher(masked).replaceAll("***");
        masked = QUOTED.matcher(masked).replaceAll("$1$2$1$3$4***$4");
        masked = URL_USERINFO.matcher(masked).replaceAll("$1***@");
        return ASSIGNED.matcher(masked).replaceAll("$1=***");
    }
}

package checkimage.report;

import java.util.regex.Pattern;

/**
 * Last line of defence before text leaves the process: masks anything shaped like a credential that a hostile
 * or chatty registry may have echoed into an error message (Authorization values, JWTs, {@code password=…} and
 * {@code "token":"…"} pairs). Our own code never puts secrets into messages in the first place.
 */
public final class Redactor {

    private static final Pattern AUTH_VALUE = Pattern.compile("(?i)\\b(Basic|Bearer)\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern PAIR = Pattern.compile(
            "(?i)\\b(password|passwd|secret|token|access_token|refresh_token|identitytoken|auth)(=|\"\\s*:\\s*\")[^\\s\",&}]+");

    private Redactor() {
    }

    /** {@code text} with credential-shaped parts replaced by {@code ***}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = AUTH_VALUE.matcher(text).replaceAll("$1 ***");
        masked = JWT.matcher(masked).replaceAll("***");
        return PAIR.matcher(masked).replaceAll("$1$2***");
    }
}

package checkimage.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration as people write it on the command line ({@code --timeout}) and in a policy
 * ({@code limits { timeout '10s' }}). The one grammar, case-insensitive, surrounding spaces ignored:
 * <pre>
 * duration = [ "+" ] number [ unit ]
 * number   = 1*12DIGIT [ "." 1*9DIGIT ]      ; a fraction is not allowed with ms
 * unit     = "ms" / "s" / "m" / "h"          ; milliseconds, seconds, minutes, hours; none means seconds
 * </pre>
 * The value is rounded to the millisecond (half up) and must be at least 1 ms and at most {@link #MAX} (24 h).
 * So {@code 500ms}, {@code 10s}, {@code 1.5m}, {@code 2h} and {@code 30} (seconds) are durations; {@code 10d},
 * {@code 1m30s}, {@code PT10S}, {@code 10 s} and {@code 1,5s} are not. Immutable and stateless.
 */
public final class DurationParser {

    /** The longest duration accepted. */
    public static final Duration MAX = Duration.ofDays(1);

    /** The accepted forms, for messages and help texts. */
    public static final String FORMS = "a number and a unit: 500ms, 10s, 1.5m, 2h, or plain seconds like 30";

    private static final Pattern GRAMMAR = Pattern.compile("([-+]?)(\\d{1,12}(?:\\.\\d{1,9})?)(ms|s|m|h)?");

    /**
     * The duration {@code text} names.
     *
     * @throws InvalidQuantityException when it does not follow the grammar, is not positive or is over 24 h
     */
    public Duration parse(String text) {
        String input = text == null ? "" : text;
        Matcher matcher = GRAMMAR.matcher(input.strip().toLowerCase(Locale.ROOT));
        String unit = matcher.matches() && matcher.group(3) != null ? matcher.group(3) : "s";
        if (!matcher.matches() || unit.equals("ms") && matcher.group(2).contains(".")) {
            throw new InvalidQuantityException(input, "is not a duration; use " + FORMS);
        }
        BigDecimal millis = new BigDecimal(matcher.group(2))
                .multiply(BigDecimal.valueOf(millisPer(unit)))
                .setScale(0, RoundingMode.HALF_UP);
        if (matcher.group(1).equals("-") || millis.signum() == 0) {
            throw new InvalidQuantityException(input, "is not a positive duration; use " + FORMS);
        }
        if (millis.compareTo(BigDecimal.valueOf(MAX.toMillis())) > 0) {
            throw new InvalidQuantityException(input, "is longer than the 24h limit");
        }
        return Duration.ofMillis(millis.longValueExact());
    }

    private static long millisPer(String unit) {
        return switch (unit) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 3_600_000;
        };
    }
}

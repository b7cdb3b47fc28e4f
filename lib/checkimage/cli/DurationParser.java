package checkimage.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/** Reads {@code 500ms}, {@code 10s}, {@code 1.5m} or plain seconds ({@code 30}) for {@code --timeout}, at most a day. */
final class DurationParser implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("([-+]?\\d{1,12}(?:\\.\\d{1,9})?)(ms|s|m)?");
    private static final Duration MAX = Duration.ofDays(1);

    @Override
    public Duration convert(String text) {
        Matcher matcher = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || "ms".equals(matcher.group(2)) && matcher.group(1).contains(".")) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration; use e.g. 500ms, 10s, 2m or 30");
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        BigDecimal millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount.multiply(BigDecimal.valueOf(60_000));
            default -> amount.multiply(BigDecimal.valueOf(1_000));
        };
        millis = millis.setScale(0, java.math.RoundingMode.HALF_UP);
        if (millis.compareTo(BigDecimal.ONE) < 0) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a positive duration");
        }
        if (millis.compareTo(BigDecimal.valueOf(MAX.toMillis())) > 0) {
            throw new CommandLine.TypeConversionException("'" + text + "' is longer than the 24h limit");
        }
        return Duration.ofMillis(millis.longValue());
    }
}

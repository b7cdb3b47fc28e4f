package checkimage.policy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sizes, ages and dates a policy writes: {@code maxSize '2GiB'}, {@code maxAge '180d'},
 * {@code until: '2027-03-31'}. Each parser is independent; a bad value throws an
 * {@link IllegalArgumentException} whose message names the value and the accepted forms.
 */
public final class PolicyValues {

    /** The accepted size forms, for messages. */
    public static final String SIZE_FORMS = "a whole number and a unit without a space, like '500MiB', '2GiB' or '1GB'"
            + " (units: B, kB, MB, GB, TB, KiB, MiB, GiB, TiB)";
    /** The accepted age forms, for messages. */
    public static final String AGE_FORMS =
            "a whole number and a unit without a space, like '12h', '180d' or '26w'" + " (units: h, d, w)";
    /** The accepted date form, for messages. */
    public static final String DATE_FORMS = "a calendar date written YYYY-MM-DD, like '2027-03-31'";

    private static final Pattern SIZE = Pattern.compile("([0-9]{1,15})(B|kB|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");
    private static final Pattern AGE = Pattern.compile("([0-9]{1,6})(h|d|w)");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private PolicyValues() {}

    /** Bytes of {@code '2GiB'} (binary units) or {@code '2GB'} (decimal units); at least 1. */
    public static long size(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("invalid size '" + text + "'; expected " + SIZE_FORMS);
        }
        long unit = switch (m.group(2)) {
            case "B" -> 1L;
            case "kB", "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "TB" -> 1_000_000_000_000L;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            default -> 1L << 40;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("invalid size '" + text + "'; it is too large");
        }
    }

    /** The duration of {@code '12h'}, {@code '180d'} or {@code '26w'}; positive. */
    public static Duration age(String text) {
        Matcher m = AGE.matcher(text == null ? "" : text);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("invalid age '" + text + "'; expected " + AGE_FORMS);
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
    }

    /** The date of {@code '2027-03-31'}; a day that does not exist ({@code '2027-13-01'}) is refused. */
    public static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text, DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid date '" + text + "'; expected " + DATE_FORMS);
        }
    }

    /** {@code 2147483648} as {@code 2.0 GiB}, for messages. */
    public static String bytes(long size) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = size;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? size + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}

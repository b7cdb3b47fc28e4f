package checkimage.cli;

import java.time.Duration;

import picocli.CommandLine;

/** Reads {@code 500ms}, {@code 10s}, {@code 2m} or plain seconds ({@code 30}) for {@code --timeout}. */
final class DurationParser implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            Duration duration;
            if (value.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            } else if (value.endsWith("s")) {
                duration = Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            } else if (value.endsWith("m")) {
                duration = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
            } else {
                duration = Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a positive duration");
            }
            return duration;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration; use e.g. 500ms, 10s, 2m or 30");
        }
    }
}

package checkimage.cli;

import checkimage.units.DurationParser;
import checkimage.units.InvalidQuantityException;
import java.time.Duration;
import picocli.CommandLine;

/** {@code --timeout}: the grammar of {@link DurationParser}, its message as picocli's conversion error. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private final DurationParser parser = new DurationParser();

    @Override
    public Duration convert(String text) {
        try {
            return parser.parse(text);
        } catch (InvalidQuantityException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}

package checkimage.dsl;

import checkimage.policy.Limits;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code limits { ... }} block. Builds {@link Limits}; what is not given is left to the command line. */
public final class LimitsDelegate extends BlockDelegate {

    private static final String AT_LEAST_ONE = "a whole number of at least 1";
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

    private OptionalInt concurrency = OptionalInt.empty();
    private OptionalInt perRegistry = OptionalInt.empty();
    private Optional<Duration> timeout = Optional.empty();
    private OptionalInt retries = OptionalInt.empty();

    LimitsDelegate(ScriptContext context, String where) {
        super(context, where);
    }


    /** Images checked at once. */
    @Keyword(AT_LEAST_ONE)
    public void concurrency(int checks) {
        once("concurrency");
        concurrency = OptionalInt.of(atLeast("concurrency", checks, 1));
    }

    /** Images of one registry checked at once. */
    @Keyword(AT_LEAST_ONE)
    public void perRegistry(int checks) {
        once("perRegistry");
        perRegistry = OptionalInt.of(atLeast("perRegistry", checks, 1));
    }

    /** The deadline per image, retries included: {@code '500ms'}, {@code '10s'}, {@code '2m'}, {@code '1h'}. */
    @Keyword("a duration like '10s', '500ms' or '2m'")
    public void timeout(String duration) {
        once("timeout");
        Matcher m = DURATION.matcher(duration == null ? "" : duration);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw wrongArguments("timeout", duration);
        }
        long amount = Long.parseLong(m.group(1));
        timeout = Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        });
    }

    /** Retries after the first try for 429, 502, 503, 504 and reset connections. */
    @Keyword("a whole number, 0 or more")
    public void retries(int count) {
        once("retries");
        retries = OptionalInt.of(atLeast("retries", count, 0));
    }

    Limits build() {
        return new Limits(concurrency, perRegistry, timeout, retries);
    }

    private int atLeast(String keyword, int value, int minimum) {
        if (value < minimum) {
            throw wrongArguments(keyword, value);
        }
        return value;
    }
}

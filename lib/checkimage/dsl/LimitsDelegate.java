package checkimage.dsl;

import checkimage.policy.Limits;
import checkimage.units.DurationParser;
import checkimage.units.InvalidQuantityException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** A {@code limits { ... }} block. Builds {@link Limits}; what is not given is left to the command line. */
public final class LimitsDelegate extends BlockDelegate {

    private static final String AT_LEAST_ONE = "a whole number of at least 1";

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

    /** The deadline per image, retries included, in {@link DurationParser}'s grammar: {@code '10s'}, {@code '1.5m'}. */
    @Keyword("a duration like '500ms', '10s', '1.5m', '2h' or '30' (seconds)")
    public void timeout(String duration) {
        once("timeout");
        try {
            timeout = Optional.of(new DurationParser().parse(duration));
        } catch (InvalidQuantityException e) {
            throw new ScriptProblem("timeout " + e.getMessage());
        }
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

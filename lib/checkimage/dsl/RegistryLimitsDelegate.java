package checkimage.dsl;

import checkimage.policy.RequestRate;
import java.util.Optional;

/** A {@code limits { ... }} block inside a registry block: that registry's request pace. */
public final class RegistryLimitsDelegate extends BlockDelegate {

    private Optional<RequestRate> rate = Optional.empty();

    RegistryLimitsDelegate(ScriptContext context, String where) {
        super(context, where);
    }

    /** The most requests this registry is sent: {@code '10/s'}, {@code '300/m'}, {@code '1000/h'}. */
    @Keyword("a rate like '10/s', '300/m' or '1000/h'")
    public void rate(String perTime) {
        once("rate");
        try {
            rate = Optional.of(RequestRate.parse(perTime));
        } catch (IllegalArgumentException e) {
            throw wrongArguments("rate", perTime);
        }
    }

    Optional<RequestRate> build() {
        return rate;
    }
}

package checkimage.policy;

import checkimage.reference.ImageReference;
import java.util.Locale;
import java.util.Objects;

/** One {@code allow}, {@code deny} or {@code block} pattern of a policy, with where it was written. */
public record Rule(Kind kind, ReferenceGlob glob, String origin) implements PolicyRule {

    /** What a matching rule does; evaluation gives block precedence over deny over allow. */
    public enum Kind {
        ALLOW,
        DENY,
        BLOCK;

        /** The keyword as written in a policy: {@code allow}, {@code deny}, {@code block}. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Rule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(origin, "origin");
    }

    /** Compiles {@code pattern}; throws {@link InvalidPatternException} when it is invalid. */
    public static Rule of(Kind kind, String pattern, String origin) {
        return new Rule(kind, ReferenceGlob.compile(pattern), origin);
    }

    /** True when the reference matches this rule's pattern. */
    public boolean matches(ImageReference reference) {
        return glob.matches(reference);
    }

    @Override
    public String describe() {
        return kind.keyword() + " '" + glob.text() + "'";
    }
}

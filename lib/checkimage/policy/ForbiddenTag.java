package checkimage.policy;

import java.util.Objects;

/** {@code tags { forbid 'latest' }}: a reference pulled by a matching tag is denied. */
public record ForbiddenTag(TagGlob tag, String origin) implements PolicyRule {

    public ForbiddenTag {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(origin, "origin");
    }

    /** Checks {@code tag}; throws {@link InvalidPatternException} when it is invalid. */
    public static ForbiddenTag of(String tag, String origin) {
        return new ForbiddenTag(new TagGlob(tag), origin);
    }

    @Override
    public String describe() {
        return "forbid '" + tag + "'";
    }
}

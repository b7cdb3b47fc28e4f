package checkimage.dsl;

import checkimage.policy.DigestRequirement;
import checkimage.policy.ForbiddenTag;
import checkimage.policy.InvalidPatternException;
import checkimage.policy.TagRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@code tags { ... }} block. Builds {@link TagRules}. */
public final class TagsDelegate extends BlockDelegate {

    private final List<ForbiddenTag> forbidden = new ArrayList<>();
    private Optional<DigestRequirement> digestRequirement = Optional.empty();

    TagsDelegate(ScriptContext context, String where) {
        super(context, where);
    }

    /** Tags a reference pulled by tag may not use, with {@code *}: {@code forbid 'latest', '*-snapshot'}. */
    @Keyword("tag patterns like 'latest' or '*-snapshot'")
    public void forbid(String... tags) {
        if (tags == null || tags.length == 0) {
            throw wrongArguments("forbid", (Object[]) tags);
        }
        String origin = context.origin();
        for (String tag : tags) {
            try {
                forbidden.add(ForbiddenTag.of(tag, origin));
            } catch (InvalidPatternException e) {
                throw new ScriptProblem("invalid tag '" + tag + "' in forbid: " + e.reason());
            }
        }
    }

    /** With {@code true}, a reference without a digest is denied. */
    @Keyword("true or false")
    public void requireDigest(boolean required) {
        once("requireDigest");
        digestRequirement = required ? Optional.of(new DigestRequirement(context.origin())) : Optional.empty();
    }

    TagRules build() {
        return new TagRules(forbidden, digestRequirement);
    }
}

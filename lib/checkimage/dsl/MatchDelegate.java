package checkimage.dsl;

import checkimage.policy.ImageRule;
import checkimage.policy.ReferenceGlob;
import checkimage.policy.ScopedRules;
import checkimage.policy.TagRules;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.List;

/** A {@code match('ghcr.io/acme/**') { ... }} block: tag and image rules for the references it matches. */
public final class MatchDelegate extends BlockDelegate {

    private TagRules tags = TagRules.none();
    private final List<ImageRule> image = new ArrayList<>();

    MatchDelegate(ScriptContext context, String where) {
        super(context, where);
    }

    /** Rules on tags for the matched references. */
    @Keyword("a block, like tags { requireDigest true }")
    public void tags(@DelegatesTo(value = TagsDelegate.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        requireBlock("tags", body);
        once("tags");
        tags = run(body, new TagsDelegate(context, nestedWhere(where(), "tags", null)))
                .build();
    }

    /** Rules on the image of the matched references. */
    @Keyword("a block, like image { maxAge '30d' }")
    public void image(@DelegatesTo(value = ImageDelegate.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        requireBlock("image", body);
        once("image");
        image.addAll(run(body, new ImageDelegate(context, nestedWhere(where(), "image", null)))
                .build());
    }

    ScopedRules build(ScopedRules.Severity severity, List<ReferenceGlob> scope, String origin) {
        return new ScopedRules(severity, scope, tags, image, origin);
    }
}

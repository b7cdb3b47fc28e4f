package checkimage.dsl;

import checkimage.policy.ScopedRules;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.List;

/** A {@code warn { ... }} block: the same rules as at the top level, but a broken rule warns and never denies. */
public final class WarnDelegate extends BlockDelegate {

    private final List<ScopedRules> scoped = new ArrayList<>();

    WarnDelegate(ScriptContext context, String where) {
        super(context, where);
    }

    /** Tag rules that warn. */
    @Keyword("a block, like tags { forbid 'latest' }")
    public void tags(@DelegatesTo(value = TagsDelegate.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        requireBlock("tags", body);
        String origin = context.origin();
        scoped.add(new ScopedRules(
                ScopedRules.Severity.WARN,
                List.of(),
                run(body, new TagsDelegate(context, nestedWhere(where(), "tags", null)))
                        .build(),
                List.of(),
                origin));
    }

    /** Image rules that warn. */
    @Keyword("a block, like image { requireLabel 'org.opencontainers.image.licenses' }")
    public void image(@DelegatesTo(value = ImageDelegate.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        requireBlock("image", body);
        String origin = context.origin();
        scoped.add(new ScopedRules(
                ScopedRules.Severity.WARN,
                List.of(),
                checkimage.policy.TagRules.none(),
                run(body, new ImageDelegate(context, nestedWhere(where(), "image", null)))
                        .build(),
                origin));
    }

    /** Scoped rules that warn: {@code match('ghcr.io/acme/**') { image { maxAge '30d' } }}. */
    @Keyword("reference patterns and a block, like match('ghcr.io/acme/**') { ... }")
    public void match(@DelegatesTo(value = MatchDelegate.class, strategy = Closure.DELEGATE_ONLY) Object... arguments) {
        scoped.add(Scopes.match(this, "match", arguments, ScopedRules.Severity.WARN));
    }

    List<ScopedRules> build() {
        return List.copyOf(scoped);
    }
}

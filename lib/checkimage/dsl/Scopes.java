package checkimage.dsl;

import checkimage.policy.InvalidPatternException;
import checkimage.policy.ReferenceGlob;
import checkimage.policy.ScopedRules;
import groovy.lang.Closure;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code match('a', 'b') { ... }}: reference patterns, then the block; shared by the top level and {@code warn}. */
final class Scopes {

    private Scopes() {}

    static ScopedRules match(BlockDelegate owner, String keyword, Object[] arguments, ScopedRules.Severity severity) {
        String origin = owner.context.origin();
        if (arguments == null
                || arguments.length < 2
                || !(arguments[arguments.length - 1] instanceof Closure<?> body)) {
            throw owner.wrongArguments(keyword, arguments == null ? new Object[] {null} : arguments);
        }
        List<ReferenceGlob> scope = new ArrayList<>();
        for (int i = 0; i < arguments.length - 1; i++) {
            if (!(arguments[i] instanceof CharSequence pattern)) {
                throw owner.wrongArguments(keyword, arguments);
            }
            try {
                scope.add(ReferenceGlob.compile(pattern.toString()));
            } catch (InvalidPatternException e) {
                throw new ScriptProblem("invalid pattern '" + pattern + "' in " + keyword + ": " + e.reason());
            }
        }
        String where = BlockDelegate.nestedWhere(owner.where(), keyword, arguments[0].toString());
        return BlockDelegate.run(body, new MatchDelegate(owner.context, where)).build(severity, scope, origin);
    }
}

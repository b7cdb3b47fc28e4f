package checkimage.dsl;

import checkimage.policy.InvalidPatternException;
import checkimage.policy.ReferenceGlob;

/** Compiles a keyword's reference pattern, naming the keyword when it is invalid. */
final class ReferenceGlobs {

    private ReferenceGlobs() {}

    static ReferenceGlob compile(String keyword, String pattern) {
        try {
            return ReferenceGlob.compile(pattern);
        } catch (InvalidPatternException e) {
            throw new ScriptProblem("invalid pattern '" + pattern + "' in " + keyword + ": " + e.reason());
        }
    }
}

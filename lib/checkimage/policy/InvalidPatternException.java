package checkimage.policy;

import java.util.Objects;

/**
 * A pattern in a policy could not be compiled: an empty pattern, {@code ***}, an uppercase repository path,
 * a character the reference grammar does not allow. The message names the pattern and the reason, e.g.
 * {@code invalid pattern 'docker.io/Library/*': uppercase letters are not allowed in a repository path}.
 */
public class InvalidPatternException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final String reason;

    public InvalidPatternException(String pattern, String reason) {
        super("invalid pattern '" + pattern + "': " + reason);
        this.pattern = pattern;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The pattern as written; may be {@code null}. */
    public String pattern() {
        return pattern;
    }

    /** What is wrong with it, without the pattern. */
    public String reason() {
        return reason;
    }
}

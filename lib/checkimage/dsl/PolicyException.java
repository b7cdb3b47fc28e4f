package checkimage.dsl;

import java.util.Objects;

/**
 * A policy file could not be loaded. The message reads like Job DSL's, with the file and the line and never a
 * stack trace: {@code (policy.groovy, line 12) unknown keyword 'alow'; expected one of: allow, block, ...}.
 * When no line applies (an unreadable file), it reads {@code (policy.groovy) cannot read file: no such file}.
 */
public final class PolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    /**
     * @param file the policy's file name, as in messages
     * @param line the 1-based line, or 0 when no line applies
     * @param problem what is wrong, without file and line
     */
    public PolicyException(String file, int line, String problem) {
        super(format(file, line, problem));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The policy's file name, e.g. {@code policy.groovy}. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when no line applies. */
    public int line() {
        return line;
    }

    /** The problem alone, without file and line. */
    public String problem() {
        return problem;
    }

    private static String format(String file, int line, String problem) {
        return (line > 0 ? "(" + file + ", line " + line + ") " : "(" + file + ") ") + problem;
    }
}

package checkimage.input;

import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.parser.ParserException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Translates SnakeYAML's exceptions into {@link InputException}s with line and column, never echoing the
 * offending text: SnakeYAML's own message includes a snippet of the input, which in a secrets document may
 * be a password.
 *
 * <p>For a document that holds secrets, only descriptions known to be free of input text are kept: the
 * context ({@code while scanning a quoted scalar}), the parser's problems (they name token kinds such as
 * {@code '<block mapping start>'}), a few fixed scanner phrases and the loader's limits. Anything else is
 * replaced by "details withheld".
 */
final class YamlProblems {

    private static final Set<String> FIXED_SCANNER_PROBLEMS = Set.of(
            "mapping values are not allowed here",
            "found unexpected end of stream",
            "could not find expected ':'",
            "found unexpected document separator",
            "block sequence entries are not allowed here");

    private static final List<String> LIMIT_PREFIXES = List.of(
            "Nesting Depth exceeded",
            "Number of aliases for non-scalar nodes exceeds",
            "The incoming YAML document exceeds the limit",
            "Recursive key");

    private YamlProblems() {}

    /** The error for {@code e}, raised while loading {@code source}; {@code holdsSecrets} withholds details. */
    static InputException describe(YAMLException e, String source, boolean holdsSecrets) {
        if (e instanceof MarkedYAMLException marked) {
            return new InputException(
                    source,
                    "",
                    "malformed YAML" + at(marked.getProblemMark()) + ": " + problemOf(marked, holdsSecrets));
        }
        if (e instanceof ReaderException reader) {
            // The reader reads ahead, so the character may lie in a later (secrets) document: position only.
            return new InputException(
                    source,
                    "",
                    "malformed YAML: special (non-printable) characters are not" + " allowed, found one at character "
                            + (reader.getPosition() + 1));
        }
        String message = String.valueOf(e.getMessage());
        if (LIMIT_PREFIXES.stream().anyMatch(message::startsWith)) {
            return new InputException(source, "", "YAML refused: " + message);
        }
        return new InputException(source, "", "malformed YAML: " + (holdsSecrets ? withheld() : message));
    }

    private static String problemOf(MarkedYAMLException e, boolean holdsSecrets) {
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
        boolean safe = !holdsSecrets || e instanceof ParserException || FIXED_SCANNER_PROBLEMS.contains(problem);
        String shown = safe ? problem : withheld();
        return e.getContext() == null ? shown : shown + " (" + e.getContext() + ")";
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String withheld() {
        return "details withheld because the document holds secrets";
    }
}

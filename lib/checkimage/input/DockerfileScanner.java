package checkimage.input;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Dockerfile into instructions as BuildKit's parser does.
 *
 * <ul>
 *   <li>Parser directives ({@code # syntax=…}, {@code # escape=…}, {@code # check=…}) are read only at the
 *       top: the first line that is not one (a comment, a blank line, an instruction, an unknown directive)
 *       ends them. A directive given twice is an error; {@code escape} must be {@code \} or {@code `}.</li>
 *   <li>A line whose last non-blank character is the escape character continues on the next; comment lines
 *       and blank lines inside a continuation are skipped.</li>
 *   <li>Lines whose first non-blank character is {@code #} are comments.</li>
 *   <li>{@code RUN}, {@code COPY} and {@code ADD} may open heredocs ({@code <<EOF}, {@code <<-EOF},
 *       {@code <<"EOF"}, {@code <<'EOF'}, several per line); their bodies, up to the line holding only the
 *       delimiter (leading tabs removed for {@code <<-}), are not instructions.</li>
 * </ul>
 */
final class DockerfileScanner {

    /** A parser directive: its lower-case name, value, and where the value starts. */
    record Directive(String name, String value, int line, int column) {}

    /** The directives, the escape character and the instructions of a Dockerfile. */
    record Scanned(List<Directive> directives, char escape, List<DockerfileLine> instructions) {}

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Pattern HEREDOC = Pattern.compile("^[0-9]*<<(-?)([^<].*)$");
    private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("RUN", "COPY", "ADD");

    private final String source;
    private final List<String> lines;
    private char escape = '\\';
    private int next;

    private DockerfileScanner(String text, String source) {
        this.source = source;
        this.lines = text.lines().toList();
    }

    static Scanned scan(String text, String source) {
        DockerfileScanner scanner = new DockerfileScanner(text, source);
        List<Directive> directives = scanner.directives();
        List<DockerfileLine> instructions = new ArrayList<>();
        DockerfileLine instruction;
        while ((instruction = scanner.nextInstruction()) != null) {
            instructions.add(instruction);
        }
        return new Scanned(directives, scanner.escape, instructions);
    }

    private List<Directive> directives() {
        List<Directive> directives = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (next < lines.size()) {
            String line = lines.get(next);
            String trimmed = line.stripLeading();
            Matcher matcher = DIRECTIVE.matcher(trimmed);
            if (!matcher.matches() || !DIRECTIVES.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
                break;
            }
            String name = matcher.group(1).toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                throw error(next + 1, "only one " + name + " parser directive can be used");
            }
            if (name.equals("escape")) {
                if (!matcher.group(2).equals("\\") && !matcher.group(2).equals("`")) {
                    throw error(next + 1, "invalid escape token '" + matcher.group(2) + "' does not match ` or \\");
                }
                escape = matcher.group(2).charAt(0);
            }
            int column = line.length() - trimmed.length() + matcher.start(2) + 1;
            directives.add(new Directive(name, matcher.group(2), next + 1, column));
            next++;
        }
        return directives;
    }

    private DockerfileLine nextInstruction() {
        while (next < lines.size() && isCommentOrBlank(lines.get(next))) {
            next++;
        }
        if (next >= lines.size()) {
            return null;
        }
        String first = lines.get(next);
        int indent = first.length() - first.stripLeading().length();
        DockerfileLine instruction = new DockerfileLine(next + 1);
        boolean continues = appendPiece(instruction, first.substring(indent), next + 1, indent + 1);
        next++;
        while (continues && next < lines.size()) {
            String line = lines.get(next);
            if (!isCommentOrBlank(line)) {
                continues = appendPiece(instruction, line, next + 1, 1);
            }
            next++;
        }
        if (HEREDOC_INSTRUCTIONS.contains(instruction.keyword().toUpperCase(Locale.ROOT))) {
            skipHeredocBodies(instruction);
        }
        return instruction;
    }

    // Appends a physical line without its continuation escape; true when the instruction continues.
    private boolean appendPiece(DockerfileLine instruction, String piece, int line, int column) {
        String content = piece.stripTrailing();
        int end = content.length();
        while (end < piece.length() && (piece.charAt(end) == ' ' || piece.charAt(end) == '\t')) {
            end++;
        }
        boolean continues =
                !content.isEmpty() && content.charAt(content.length() - 1) == escape && end == piece.length();
        instruction.append(continues ? content.substring(0, content.length() - 1) : piece, line, column);
        return continues;
    }

    private void skipHeredocBodies(DockerfileLine instruction) {
        for (DockerfileLine.Word word : instruction.words(0, escape)) {
            Matcher matcher = HEREDOC.matcher(word.text());
            if (!matcher.matches()) {
                continue;
            }
            String delimiter = unquote(matcher.group(2));
            boolean stripTabs = !matcher.group(1).isEmpty();
            int opened = instruction.at(word.start(), source).line();
            while (true) {
                if (next >= lines.size()) {
                    throw error(opened, "the heredoc <<" + delimiter + " is not terminated");
                }
                String line = lines.get(next++);
                String compared = stripTabs ? line.replaceFirst("^\t+", "") : line;
                if (compared.equals(delimiter)) {
                    break;
                }
            }
        }
    }

    private static String unquote(String word) {
        if (word.length() >= 2
                && (word.charAt(0) == '"' || word.charAt(0) == '\'')
                && word.charAt(word.length() - 1) == word.charAt(0)) {
            return word.substring(1, word.length() - 1);
        }
        return word;
    }

    private static boolean isCommentOrBlank(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() || trimmed.charAt(0) == '#';
    }

    private InputException error(int line, String problem) {
        return new InputException(source, "", "line " + line + ": " + problem);
    }
}

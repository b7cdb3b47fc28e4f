package checkimage.input;

import java.util.ArrayList;
import java.util.List;

/**
 * One Dockerfile instruction as BuildKit's parser joins it: the physical lines of a continuation, without the
 * escape characters that join them, and with each character's line and column in the file kept, so a word
 * deep inside a continued instruction is still located exactly.
 */
final class DockerfileLine {

    /** A word of the instruction: its text as written (quotes and escapes kept) and where it starts. */
    record Word(String text, int start) {}

    private final StringBuilder text = new StringBuilder();
    private final List<int[]> positions = new ArrayList<>();
    private final int firstLine;

    DockerfileLine(int firstLine) {
        this.firstLine = firstLine;
    }

    /** Appends {@code piece}, whose first character is at the 1-based {@code line} and {@code column}. */
    void append(String piece, int line, int column) {
        for (int i = 0; i < piece.length(); i++) {
            text.append(piece.charAt(i));
            positions.add(new int[] {line, column + i});
        }
    }

    String text() {
        return text.toString();
    }

    /** The 1-based line the instruction starts on. */
    int firstLine() {
        return firstLine;
    }

    /** Where character {@code index} of the joined text is written. */
    SourceLocation at(int index, String file) {
        int[] position = positions.get(Math.min(index, positions.size() - 1));
        return new SourceLocation(file, position[0], position[1]);
    }

    /** The instruction keyword, as written. */
    String keyword() {
        List<Word> words = words(0, '\\');
        return words.isEmpty() ? "" : words.get(0).text();
    }

    /**
     * The words from index {@code from} on, split at blanks outside quotes; the escape character keeps the
     * character after it in the word.
     */
    List<Word> words(int from, char escape) {
        List<Word> words = new ArrayList<>();
        String joined = text.toString();
        int i = from;
        while (i < joined.length()) {
            while (i < joined.length() && isBlank(joined.charAt(i))) {
                i++;
            }
            if (i >= joined.length()) {
                break;
            }
            int start = i;
            char quote = 0;
            while (i < joined.length() && (quote != 0 || !isBlank(joined.charAt(i)))) {
                char c = joined.charAt(i);
                if (c == escape && quote != '\'' && i + 1 < joined.length()) {
                    i++;
                } else if (quote == 0 && (c == '\'' || c == '"')) {
                    quote = c;
                } else if (c == quote) {
                    quote = 0;
                }
                i++;
            }
            words.add(new Word(joined.substring(start, i), start));
        }
        return words;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }
}

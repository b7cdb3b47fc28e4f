package checkimage.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a list of image references, one a line.
 *
 * <p>Each line is trimmed; blank lines and lines starting with {@code #} are skipped, and a trailing comment
 * ({@code #} after whitespace, as in {@code alpine:3.20  # base}) is cut off. A {@code #} with no whitespace
 * before it stays in the text, so the reference parser can reject it with its position. A UTF-8 byte order
 * mark at the start is ignored. Every entry keeps its 1-based line number. The references are not parsed here.
 */
public final class ReferenceListReader {

    /**
     * Reads the list in {@code file} (UTF-8).
     *
     * @throws InputException naming the file and the operating system's reason when it cannot be read
     */
    public List<ListedReference> read(Path file) {
        String source = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, source);
        } catch (IOException e) {
            throw InputException.unreadable(source, e);
        }
    }

    /**
     * Reads the list from {@code reader}, which the caller closes; {@code source} names it in entries and
     * errors ({@code -} for standard input).
     *
     * @throws InputException naming the source when reading fails
     */
    public List<ListedReference> read(Reader reader, String source) {
        return places(reader, source).stream()
                .map(place -> new ListedReference(
                        place.text(), source, place.location().line()))
                .toList();
    }

    /**
     * Reads the list from {@code reader} as image places: each entry at its line and the column its text starts
     * at, with no context; {@code source} names the list ({@code -} for standard input).
     *
     * @throws InputException naming the source when reading fails
     */
    public List<ImagePlace> places(Reader reader, String source) {
        BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        List<ImagePlace> entries = new ArrayList<>();
        try {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String raw = number == 1 ? stripByteOrderMark(line) : line;
                String text = entryOf(raw);
                if (!text.isEmpty()) {
                    entries.add(ImagePlace.of(text, new SourceLocation(source, number, raw.indexOf(text) + 1), ""));
                }
            }
        } catch (IOException e) {
            throw InputException.unreadable(source, e);
        }
        return List.copyOf(entries);
    }

    /** Reads the list in {@code file} as image places named {@code source}; as for {@link #places(Reader, String)}. */
    public List<ImagePlace> places(Path file, String source) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return places(reader, source);
        } catch (IOException e) {
            throw InputException.unreadable(source, e);
        }
    }

    private static String entryOf(String line) {
        String text = line.strip();
        if (text.startsWith("#")) {
            return "";
        }
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == '#' && Character.isWhitespace(text.charAt(i - 1))) {
                return text.substring(0, i).strip();
            }
        }
        return text;
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}

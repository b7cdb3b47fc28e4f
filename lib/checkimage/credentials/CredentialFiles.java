package checkimage.credentials;

import checkimage.json.Json;
import checkimage.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON credential files ({@code config.json}, {@code auth.json}) with errors that name the file and
 * the place, never its content: a file of credentials is all secrets.
 */
final class CredentialFiles {

    /** The largest credential file read: 1 MiB (a config with hundreds of registries is a few KiB). */
    static final int MAX_BYTES = 1024 * 1024;

    private CredentialFiles() {}

    /** The file's top-level object, or empty when the file does not exist. */
    static Optional<Map<String, Object>> readIfPresent(Path file) {
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** The file's top-level object; a missing file is an error naming {@code namedBy}, e.g. {@code --authfile}. */
    static Map<String, Object> readRequired(Path file, String namedBy) {
        if (!Files.exists(file)) {
            throw new CredentialException(namedBy + " " + file + ": no such file");
        }
        return read(file);
    }

    /** Parses {@code text} as a JSON object; errors read {@code <where>: malformed JSON at line 3, column 7 (...)}. */
    static Map<String, Object> parseObject(String text, String where) {
        Object root;
        try {
            root = Json.parse(text);
        } catch (JsonException e) {
            throw new CredentialException(where + ": " + describe(e, text));
        }
        if (!(root instanceof Map)) {
            throw new CredentialException(where + ": expected a JSON object at the top level, got " + kindOf(root));
        }
        return Json.object(root);
    }

    /** {@code an object}, {@code a string} ... for messages about the shape of a value. */
    static String kindOf(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof java.util.List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return value == null ? "null" : "a boolean";
    }

    private static Map<String, Object> read(Path file) {
        if (Files.isDirectory(file)) {
            throw new CredentialException(file + ": is a directory, expected a JSON file");
        }
        return parseObject(readText(file), file.toString());
    }

    private static String readText(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new CredentialException(file + ": larger than the 1 MiB limit for credential files");
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CredentialException(file + ": cannot read file: not valid UTF-8 text");
        } catch (AccessDeniedException e) {
            throw new CredentialException(file + ": cannot read file: permission denied");
        } catch (IOException e) {
            String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : null;
            throw new CredentialException(file + ": cannot read file: "
                    + (reason != null ? reason : e.getClass().getSimpleName()));
        }
    }

    /**
     * Line, column and the grammar problem, without the character found there: {@link JsonException} may show
     * one character of the input, and one character of a password is still too much to print.
     */
    private static String describe(JsonException e, String text) {
        String detail = e.getMessage();
        int colon = detail.indexOf(": ");
        detail = colon >= 0 ? detail.substring(colon + 2) : detail;
        for (String cut : new String[] {", got ", ": backslash followed by "}) {
            int at = detail.indexOf(cut);
            detail = at >= 0 ? detail.substring(0, at) : detail;
        }
        if (e.position() < 0) {
            return "malformed JSON (" + detail + ")";
        }
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(e.position(), text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "malformed JSON at line " + line + ", column " + column + " (" + detail + ")";
    }
}

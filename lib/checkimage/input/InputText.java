package checkimage.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a text input file as UTF-8, refusing files beyond a size limit without slurping them. */
final class InputText {

    /** The largest text input accepted, as for YAML: 4 MiB. */
    static final int MAX_BYTES = YamlLoader.MAX_BYTES;

    private InputText() {}

    /** The text of {@code file}, named {@code source} in errors; a leading byte order mark is dropped. */
    static String read(Path file, String source) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InputException(
                        source, "", "larger than the " + (MAX_BYTES >> 20) + " MiB limit for input files");
            }
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw InputException.unreadable(source, e);
        }
    }
}

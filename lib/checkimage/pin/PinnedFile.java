package checkimage.pin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;

/**
 * An input file as it was read, to be replaced by its pinned text: atomically (a temporary file in the same
 * directory, its permissions copied, renamed over the file), and only when the file still holds the bytes it
 * held when it was read.
 *
 * @param path the file
 * @param read its bytes when it was read
 */
public record PinnedFile(Path path, byte[] read) {

    /** Takes the file's current bytes as the ones read. */
    public static PinnedFile snapshot(Path path) throws IOException {
        return new PinnedFile(path, Files.readAllBytes(path));
    }

    /** The text read (UTF-8). */
    public String text() {
        return new String(read, StandardCharsets.UTF_8);
    }

    /** Replaces the file by {@code text}; false, without writing, when it changed since it was read. */
    public boolean replace(String text) throws IOException {
        if (!Arrays.equals(Files.readAllBytes(path), read)) {
            return false;
        }
        Path directory = path.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(directory, "." + path.getFileName(), ".pin");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            if (view != null) {
                Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
            }
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return true;
    }
}

package checkimage.nodeconfig;

import checkimage.credentials.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds registries.conf the way skopeo and podman do: {@code $CONTAINERS_REGISTRIES_CONF} when set; else
 * {@code $HOME/.config/containers/registries.conf} when it exists, otherwise
 * {@code /etc/containers/registries.conf}; then the {@code *.conf} drop-ins of
 * {@code /etc/containers/registries.conf.d} and {@code $HOME/.config/containers/registries.conf.d} in name order
 * (a user drop-in replaces a system one of the same name). Missing files are skipped, and so are files with no
 * {@code [[registry]]} and no {@code unqualified-search-registries} (such as the usual shortnames.conf of aliases):
 * they cannot change where an image is pulled from, and skipping them keeps the TOML parser unloaded.
 */
public final class RegistriesConfFiles {

    private RegistriesConfFiles() {}

    /** The files to read, in order; empty when none exists. {@code system} is {@code /etc/containers} outside tests. */
    public static List<Path> locate(Environment environment, Path system) {
        List<Path> files = new ArrayList<>();
        Path user = environment
                .get("XDG_CONFIG_HOME")
                .map(Path::of)
                .orElse(environment.home().resolve(".config"))
                .resolve("containers");
        Path main = environment
                .get("CONTAINERS_REGISTRIES_CONF")
                .map(Path::of)
                .orElse(
                        Files.isRegularFile(user.resolve("registries.conf"))
                                ? user.resolve("registries.conf")
                                : system.resolve("registries.conf"));
        if (Files.isRegularFile(main) && relevant(main)) {
            files.add(main);
        }
        Map<String, Path> dropIns = new TreeMap<>();
        addDropIns(system.resolve("registries.conf.d"), dropIns);
        addDropIns(user.resolve("registries.conf.d"), dropIns);
        dropIns.values().stream().filter(RegistriesConfFiles::relevant).forEach(files::add);
        return files;
    }

    /** True when the file may say something about registries; an unreadable file is left to the reader to report. */
    static boolean relevant(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::strip)
                    .anyMatch(l -> l.startsWith("[[registry")
                            || l.startsWith("[ [registry")
                            || l.startsWith("unqualified-search-registries")
                            || l.startsWith("registry"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return true;
        }
    }

    private static void addDropIns(Path directory, Map<String, Path> dropIns) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(p -> p.getFileName().toString().endsWith(".conf") && Files.isRegularFile(p))
                    .forEach(p -> dropIns.put(p.getFileName().toString(), p));
        } catch (IOException e) {
            throw new NodeConfigException(
                    directory, "cannot be listed (" + e.getClass().getSimpleName() + ")");
        }
    }
}

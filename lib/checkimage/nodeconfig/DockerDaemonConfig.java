package checkimage.nodeconfig;

import checkimage.json.Json;
import checkimage.json.JsonException;
import checkimage.reference.ImageReference;
import checkimage.registries.Location;
import checkimage.registries.Mirror;
import checkimage.registries.PullFrom;
import checkimage.registries.RegistryEntry;
import checkimage.registries.RegistryLayer;
import checkimage.registries.TlsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads Docker's {@code daemon.json}: {@code registry-mirrors} (URLs, tried for Docker Hub only, as dockerd does)
 * and {@code insecure-registries} (hosts whose TLS is not verified; CIDR ranges are noted and skipped). Other
 * keys are ignored.
 */
public final class DockerDaemonConfig {

    private DockerDaemonConfig() {}

    public static RegistryLayer read(Path file, Consumer<String> notes) {
        Map<String, Object> root;
        try {
            root = Json.object(Json.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new NodeConfigException(
                    file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (JsonException e) {
            throw new NodeConfigException(file, e.getMessage());
        }
        Fields fields = new Fields(file, "", root);
        List<RegistryEntry> entries = new ArrayList<>();
        List<Mirror> mirrors = new ArrayList<>();
        for (String url : fields.strings("registry-mirrors")) {
            try {
                mirrors.add(new Mirror(
                        Location.parse(url), false, Location.isPlainHttpUrl(url), PullFrom.ALL, TlsFiles.none()));
            } catch (IllegalArgumentException e) {
                throw fields.problem("registry-mirrors", "has an invalid URL: " + e.getMessage());
            }
        }
        if (!mirrors.isEmpty()) {
            entries.add(RegistryEntry.mirrored(ImageReference.DOCKER_HUB, mirrors, file + " registry-mirrors"));
        }
        for (String host : fields.strings("insecure-registries")) {
            if (host.matches("[0-9.]+/[0-9]+|[0-9a-fA-F:]+/[0-9]+")) {
                notes.accept(file + ": insecure-registries range " + host + " is not applied (list hosts instead)");
                continue;
            }
            entries.add(new RegistryEntry(
                    host.replaceFirst("^https?://", ""),
                    Optional.empty(),
                    true,
                    false,
                    List.of(),
                    TlsFiles.none(),
                    file + " insecure-registries"));
        }
        return new RegistryLayer("daemon.json", entries);
    }
}

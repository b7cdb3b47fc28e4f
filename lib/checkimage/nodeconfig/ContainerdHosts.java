package checkimage.nodeconfig;

import checkimage.registries.Location;
import checkimage.registries.Mirror;
import checkimage.registries.PullFrom;
import checkimage.registries.RegistryEntry;
import checkimage.registries.RegistryLayer;
import checkimage.registries.TlsFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a containerd hosts directory ({@code /etc/containerd/certs.d} layout: {@code <namespace>/hosts.toml},
 * e.g. {@code docker.io/hosts.toml}): {@code server} (the upstream, used when the mirrors do not answer),
 * {@code [host."https://…"]} mirrors in file order with {@code capabilities} (a host without {@code resolve}
 * serves digests only; one without {@code pull} is skipped), {@code ca}, {@code client}, {@code skip_verify}
 * and {@code override_path}. Relative paths are below the namespace's directory. An {@code http://} host speaks
 * plain HTTP. A host whose API root is below a path ({@code https://h/prefix} without {@code override_path})
 * cannot be asked by check-image: it is skipped with a note.
 */
public final class ContainerdHosts {

    private ContainerdHosts() {}

    public static RegistryLayer read(Path directory, Consumer<String> notes) {
        if (!Files.isDirectory(directory)) {
            throw new NodeConfigException(directory, "is not a directory");
        }
        List<RegistryEntry> entries = new ArrayList<>();
        try (Stream<Path> namespaces = Files.list(directory).sorted()) {
            for (Path namespace : namespaces.toList()) {
                Path file = namespace.resolve("hosts.toml");
                String name = namespace.getFileName().toString();
                if (Files.isRegularFile(file) && !name.equals("_default")) {
                    entries.add(entry(name, file, notes));
                }
            }
        } catch (IOException e) {
            throw new NodeConfigException(
                    directory, "cannot be listed (" + e.getClass().getSimpleName() + ")");
        }
        return new RegistryLayer("containerd hosts", entries);
    }

    private static RegistryEntry entry(String namespace, Path file, Consumer<String> notes) {
        Fields root = new Fields(file, "", TomlFile.read(file));
        List<Mirror> mirrors = new ArrayList<>();
        Map<String, Object> hosts = root.table("host");
        for (Map.Entry<String, Object> host : hosts.entrySet()) {
            if (!(host.getValue() instanceof Map<?, ?>)) {
                throw root.problem("host", "must hold tables like [host.\"https://mirror.example\"]");
            }
            @SuppressWarnings("unchecked")
            Fields fields = new Fields(file, "host.\"" + host.getKey() + "\"", (Map<String, Object>) host.getValue());
            mirror(host.getKey(), fields, file.getParent(), notes).ifPresent(mirrors::add);
        }
        Optional<Location> server = root.string("server").map(url -> location(url, false, root, "server"));
        TlsFiles tls = tls(root, file.getParent());
        return new RegistryEntry(
                namespace,
                server.filter(s -> !s.host().equals(namespace)),
                root.bool("skip_verify"),
                false,
                mirrors,
                tls,
                file.toString());
    }

    private static Optional<Mirror> mirror(String url, Fields host, Path base, Consumer<String> notes) {
        List<String> capabilities =
                host.raw("capabilities") == null ? List.of("pull", "resolve") : host.strings("capabilities");
        if (!capabilities.contains("pull")) {
            return Optional.empty();
        }
        boolean overridePath = host.bool("override_path");
        String path = URI.create(url.contains("://") ? url : "https://" + url).getPath();
        if (!overridePath && path != null && !path.isEmpty() && !path.equals("/")) {
            notes.accept(url + " has its API below " + path + " without override_path; check-image skips it");
            return Optional.empty();
        }
        Location location = location(url, overridePath, host, "");
        PullFrom pullFrom = capabilities.contains("resolve") ? PullFrom.ALL : PullFrom.DIGEST_ONLY;
        return Optional.of(new Mirror(
                location, host.bool("skip_verify"), Location.isPlainHttpUrl(url), pullFrom, tls(host, base)));
    }

    /** {@code https://h/v2/project} with override_path is the repository prefix {@code project} at {@code h}. */
    private static Location location(String url, boolean overridePath, Fields fields, String key) {
        try {
            URI uri = URI.create(url.contains("://") ? url : "https://" + url);
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+", "");
            if (overridePath) {
                if (!path.equals("v2") && !path.startsWith("v2/")) {
                    throw new IllegalArgumentException("with override_path the path must start with /v2");
                }
                path = path.substring(2).replaceAll("^/+", "");
            }
            return Location.parse(uri.getAuthority() + (path.isEmpty() ? "" : "/" + path));
        } catch (IllegalArgumentException e) {
            throw fields.problem(key.isEmpty() ? "(host URL " + url + ")" : key, "is invalid: " + e.getMessage());
        }
    }

    /** {@code ca} (a path or a list), {@code client} (a path, a [cert, key] pair, or a list of pairs), {@code skip_verify}. */
    private static TlsFiles tls(Fields fields, Path base) {
        List<Path> cas = fields.strings("ca").stream().map(base::resolve).toList();
        Optional<Path> cert = Optional.empty();
        Optional<Path> key = Optional.empty();
        Object client = fields.raw("client");
        if (client instanceof String single) {
            cert = Optional.of(base.resolve(single));
        } else if (client instanceof List<?> list && !list.isEmpty()) {
            Object first = list.get(0) instanceof List<?> pair ? pair : list;
            if (!(first instanceof List<?> pair)
                    || pair.isEmpty()
                    || !pair.stream().allMatch(String.class::isInstance)) {
                throw fields.problem("client", "must be a path, a [cert, key] pair or a list of pairs");
            }
            cert = Optional.of(base.resolve((String) pair.get(0)));
            key = pair.size() > 1 ? Optional.of(base.resolve((String) pair.get(1))) : Optional.empty();
        } else if (client != null) {
            throw fields.problem("client", "must be a path, a [cert, key] pair or a list of pairs");
        }
        return new TlsFiles(cas, cert, key, fields.bool("skip_verify"));
    }
}

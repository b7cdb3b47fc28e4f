package checkimage.client;

import checkimage.credentials.Environment;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code certs.d} directories as Docker and the containers tools lay them out: {@code <dir>/<host[:port]>/}
 * holds {@code *.crt} files, CAs trusted for that host only, and {@code *.cert} + {@code *.key} pairs, client
 * certificates (the key has the certificate's base name). When several directories name one host, their CAs add
 * up and the first directory's client certificate wins.
 */
public final class CertsDirectories {

    private CertsDirectories() {}

    /**
     * The default directories, in order: {@code /etc/containers/certs.d}, {@code /etc/docker/certs.d} and
     * {@code $XDG_CONFIG_HOME/containers/certs.d} (default {@code ~/.config/containers/certs.d}).
     */
    public static List<Path> defaults(Environment environment) {
        Path config = environment
                .get("XDG_CONFIG_HOME")
                .map(Path::of)
                .orElse(environment.home().resolve(".config"));
        return List.of(
                Path.of("/etc/containers/certs.d"),
                Path.of("/etc/docker/certs.d"),
                config.resolve("containers").resolve("certs.d"));
    }

    /**
     * The TLS settings per host (lower case, with port when the directory name has one) found in {@code dirs};
     * a directory that does not exist is skipped.
     *
     * @throws IllegalArgumentException naming the file, for a {@code .cert} without its {@code .key} (or the
     *     reverse) or an unreadable directory
     */
    public static Map<String, HostTls> read(List<Path> dirs) {
        Map<String, HostTls> hosts = new LinkedHashMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
                continue;
            }
            for (Path hostDir : list(dir)) {
                if (Files.isDirectory(hostDir)) {
                    HostTls found = readHost(hostDir);
                    String host = hostDir.getFileName().toString().toLowerCase(Locale.ROOT);
                    HostTls earlier = hosts.get(host);
                    hosts.put(
                            host,
                            earlier == null
                                    ? found
                                    : found.overriddenBy(earlier)); // the first directory's client certificate wins
                }
            }
        }
        return hosts;
    }

    private static HostTls readHost(Path hostDir) {
        List<Path> cas = new ArrayList<>();
        Optional<ClientCertificate> client = Optional.empty();
        for (Path file : list(hostDir)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".crt")) {
                cas.add(file);
            } else if (name.endsWith(".cert")) {
                Path key = hostDir.resolve(name.substring(0, name.length() - ".cert".length()) + ".key");
                if (!Files.isRegularFile(key)) {
                    throw new IllegalArgumentException(
                            "client certificate " + file + " has no key " + key.getFileName());
                }
                if (client.isEmpty()) {
                    client = Optional.of(new ClientCertificate(file, key, hostDir.toString()));
                }
            } else if (name.endsWith(".key")) {
                Path cert = hostDir.resolve(name.substring(0, name.length() - ".key".length()) + ".cert");
                if (!Files.isRegularFile(cert)) {
                    throw new IllegalArgumentException(
                            "client key " + file + " has no certificate " + cert.getFileName());
                }
            }
        }
        return new HostTls(cas, client, false, List.of(hostDir.toString()));
    }

    private static List<Path> list(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read certs.d directory " + dir + ": " + e.getMessage());
        }
        entries.sort(null);
        return entries;
    }
}

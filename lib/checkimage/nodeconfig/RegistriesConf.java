package checkimage.nodeconfig;

import checkimage.registries.Location;
import checkimage.registries.Mirror;
import checkimage.registries.PullFrom;
import checkimage.registries.RegistryEntry;
import checkimage.registries.RegistryLayer;
import checkimage.registries.TlsFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the containers tools' registries.conf (v2 format, containers-registries.conf(5)) and its drop-ins into
 * one layer. Per {@code [[registry]]}: {@code prefix} (defaults to {@code location}), {@code location},
 * {@code insecure}, {@code blocked}, {@code mirror-by-digest-only}, and {@code [[registry.mirror]]} tables with
 * {@code location}, {@code insecure} and {@code pull-from-mirror} ({@code all}, {@code digest-only},
 * {@code tag-only}). {@code unqualified-search-registries} is kept for reports only. Other keys
 * ({@code short-name-mode}, {@code [aliases]}, ...) are ignored; a later file's entry for the same prefix wins.
 */
public final class RegistriesConf {

    private RegistriesConf() {}

    /** Reads {@code files} in order (the main file first, then drop-ins) into one layer named {@code registries.conf}. */
    public static RegistryLayer read(List<Path> files) {
        List<RegistryEntry> entries = new ArrayList<>();
        List<String> search = List.of();
        for (Path file : files) {
            Fields root = new Fields(file, "", TomlFile.read(file));
            List<String> unqualified = root.strings("unqualified-search-registries");
            if (!unqualified.isEmpty()) {
                search = unqualified;
            }
            List<Map<String, Object>> registries = root.tables("registry");
            for (int i = 0; i < registries.size(); i++) {
                entries.add(entry(file, new Fields(file, "registry[" + (i + 1) + "]", registries.get(i))));
            }
        }
        return new RegistryLayer("registries.conf", entries, search);
    }

    private static RegistryEntry entry(Path file, Fields registry) {
        Optional<String> location = registry.string("location").filter(s -> !s.isBlank());
        String prefix = registry.string("prefix")
                .filter(s -> !s.isBlank())
                .orElseGet(() -> location.orElseThrow(() -> registry.problem("prefix", "or location must be set")));
        boolean digestOnly = registry.bool("mirror-by-digest-only");
        List<Mirror> mirrors = new ArrayList<>();
        List<Map<String, Object>> tables = registry.tables("mirror");
        for (int i = 0; i < tables.size(); i++) {
            Fields mirror = new Fields(file, "registry.mirror[" + (i + 1) + "]", tables.get(i));
            mirrors.add(mirror(mirror, digestOnly));
        }
        boolean insecure = registry.bool("insecure");
        boolean blocked = registry.bool("blocked");
        try {
            Optional<Location> at = prefix.startsWith("*.") ? Optional.empty() : location.map(Location::parse);
            return new RegistryEntry(
                    prefix,
                    at,
                    insecure,
                    blocked,
                    mirrors,
                    TlsFiles.none(),
                    file + " [[registry]] prefix '" + prefix + "'");
        } catch (IllegalArgumentException e) {
            throw registry.problem("prefix", "or location is invalid: " + e.getMessage());
        }
    }

    private static Mirror mirror(Fields mirror, boolean digestOnly) {
        String location = mirror.string("location")
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> mirror.problem("location", "must be set"));
        PullFrom pullFrom;
        Location at;
        try {
            pullFrom = digestOnly
                    ? PullFrom.DIGEST_ONLY
                    : PullFrom.parse(mirror.string("pull-from-mirror").orElse(""));
            at = Location.parse(location);
        } catch (IllegalArgumentException e) {
            throw mirror.problem(
                    mirror.raw("pull-from-mirror") != null && !(e.getMessage().contains("location"))
                            ? "pull-from-mirror"
                            : "location",
                    "is invalid: " + e.getMessage());
        }
        return new Mirror(at, mirror.bool("insecure"), false, pullFrom, TlsFiles.none());
    }
}

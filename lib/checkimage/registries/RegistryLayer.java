package checkimage.registries;

import checkimage.reference.ImageReference;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry entries of one source of settings (the policy, registries.conf and its drop-ins, containerd's
 * hosts directory, Docker's daemon.json), with the name that -v and messages show.
 *
 * @param name e.g. {@code registries.conf} or {@code policy}
 * @param entries in file order
 * @param unqualifiedSearch registries.conf's {@code unqualified-search-registries}: reported, never used to
 *     resolve short names (they stay on Docker Hub, as Docker and the kubelet resolve them)
 */
public record RegistryLayer(String name, List<RegistryEntry> entries, List<String> unqualifiedSearch) {

    public RegistryLayer {
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
        unqualifiedSearch = List.copyOf(unqualifiedSearch);
    }

    public RegistryLayer(String name, List<RegistryEntry> entries) {
        this(name, entries, List.of());
    }

    /** The entry with the longest prefix matching {@code reference}; on a tie the later one, as drop-ins override. */
    public Optional<RegistryEntry> find(ImageReference reference) {
        RegistryEntry best = null;
        int bestLength = -1;
        for (RegistryEntry entry : entries) {
            int length = entry.matchLength(reference);
            if (length >= 0 && length >= bestLength) {
                best = entry;
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }
}

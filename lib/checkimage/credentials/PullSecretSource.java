package checkimage.credentials;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from Kubernetes image pull secrets ({@code --pull-secret FILE}), matched as the kubelet
 * matches them (see {@link RegistryGlob}: per-label {@code *.} wildcards, exact ports, path prefixes).
 *
 * <p>All keys of all secrets form one keyring, tried in the kubelet's order: by normalized key, reverse
 * lexicographically, so {@code quay.io/team} comes before {@code quay.io} and {@code a.example.com} before
 * {@code *.example.com}; for the same key, the secret given first comes first. The first matching entry that
 * holds a credential wins. Entries are read as the kubelet reads them: {@code auth} (base64
 * {@code user:password}, split at the first colon) or {@code username}/{@code password};
 * {@code identitytoken}, which the kubelet ignores, is ignored here too.
 *
 * <p>Provenance: {@code pull secret FILE (key)}, with the key as written in the secret.
 */
public final class PullSecretSource implements CredentialSource {

    private record Entry(RegistryGlob glob, AuthEntry auth, PullSecret secret) {}

    private final List<Entry> entries;
    private final List<String> files;
    private final boolean fromManifests;

    /**
     * Parses the secrets' configs now, so a malformed one is reported before anything is checked.
     *
     * @throws CredentialException naming the file, secret and key when a config is malformed
     */
    public PullSecretSource(List<PullSecret> secrets) {
        this(secrets, false);
    }

    /**
     * The pull secrets a pod names in a manifest input, whose {@link PullSecret#name()} is {@code namespace/name}
     * and {@link PullSecret#file()} is {@code file:line}: provenance reads {@code pull secret shop/regcred
     * (k8s/secret.yaml:3)}.
     *
     * @throws CredentialException naming the secret and key when a config is malformed
     */
    public static PullSecretSource ofManifest(List<PullSecret> secrets) {
        return new PullSecretSource(secrets, true);
    }

    private PullSecretSource(List<PullSecret> secrets, boolean fromManifests) {
        this.fromManifests = fromManifests;
        List<Entry> all = new ArrayList<>();
        for (PullSecret secret : secrets) {
            entriesOf(secret).forEach((key, auth) -> all.add(new Entry(RegistryGlob.parse(key), auth, secret)));
        }
        // List.sort is stable: for equal keys, the secret given first stays first.
        all.sort(Comparator.comparing((Entry e) -> e.glob().text()).reversed());
        this.entries = List.copyOf(all);
        this.files = secrets.stream().map(PullSecret::file).distinct().toList();
    }

    @Override
    public Credential lookup(String registry, String repository) {
        for (Entry entry : entries) {
            if (entry.glob().matches(registry, repository)) {
                String provenance = fromManifests
                        ? "pull secret " + entry.secret().name() + " ("
                                + entry.secret().file() + ")"
                        : "pull secret " + entry.secret().file() + " ("
                                + entry.auth().key() + ")";
                Optional<Credential> credential = entry.auth().credential(provenance, false);
                if (credential.isPresent()) {
                    return credential.get();
                }
            }
        }
        return Credential.anonymous();
    }

    /** The normalized keys in the order they are tried, for diagnostics. */
    public List<String> keys() {
        return entries.stream().map(e -> e.glob().text()).toList();
    }

    private static Map<String, AuthEntry> entriesOf(PullSecret secret) {
        String where = "pull secret " + secret.describe() + ": data[\""
                + secret.format().dataKey() + "\"]";
        Map<String, Object> root = CredentialFiles.parseObject(secret.config(), where);
        return switch (secret.format()) {
            case DOCKER_CONFIG_JSON -> AuthFile.entries(root.get("auths"), where, "auths");
            case DOCKERCFG -> AuthFile.entries(root, where, "");
        };
    }

    @Override
    public String toString() {
        return "pull secrets " + files;
    }
}

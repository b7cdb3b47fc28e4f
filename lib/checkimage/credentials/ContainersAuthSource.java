package checkimage.credentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from the containers tools' {@code auth.json} (podman, skopeo, buildah; see
 * {@code containers-auth.json(5)}), or from the one file given with {@code --authfile} /
 * {@code REGISTRY_AUTH_FILE}, which replaces both this search and docker's config, as it does in those tools.
 *
 * <p>Files, in order, the first with a credential winning: {@code $XDG_RUNTIME_DIR/containers/auth.json}
 * (skipped when the variable is unset), then {@code $XDG_CONFIG_HOME/containers/auth.json} (default
 * {@code ~/.config/containers/auth.json}). Files that do not exist are skipped. Within one file:
 * <ol>
 *   <li>{@code credHelpers[registry]}: that helper, and nothing else in the file;</li>
 *   <li>{@code auths}, most specific key first: for {@code quay.io/team/sub/app} the keys
 *       {@code quay.io/team/sub/app}, {@code quay.io/team/sub}, {@code quay.io/team}, {@code quay.io}. Only
 *       whole path segments match: {@code quay.io/team} does not cover {@code quay.io/teamx/app}.</li>
 * </ol>
 * Keys are normalized as the containers tools read them: the host is lower-cased and Docker Hub's aliases are
 * {@code docker.io}; a key written with a scheme ({@code https://quay.io/v1/}) is a host key, its path
 * dropped; a key without one keeps its namespace. When two keys normalize alike, the one written in normal form
 * wins, else the first in the file. Entries are decoded as in docker's config (see {@link DockerConfigSource});
 * {@code credsStore} is not read here, as the containers tools do not read it.
 *
 * <p>Provenance: {@code auth.json (namespace quay.io/team) (/path/auth.json)},
 * {@code auth.json (registry quay.io) (/path/auth.json)}, {@code auth.json credHelpers (ecr-login) (/path)};
 * for an authfile the label is {@code authfile} instead of {@code auth.json}.
 */
public final class ContainersAuthSource implements CredentialSource {

    private final String label;
    private final List<Path> files;
    private final List<Loaded> loaded;
    private final CredentialHelpers helpers;

    private record Loaded(Path file, AuthFile auth, Map<String, AuthEntry> byKey) {}

    private ContainersAuthSource(String label, List<Path> files, List<Loaded> loaded, CredentialHelpers helpers) {
        this.label = label;
        this.files = List.copyOf(files);
        this.loaded = List.copyOf(loaded);
        this.helpers = helpers;
    }

    /** The files searched, in order: the runtime one (when {@code XDG_RUNTIME_DIR} is set), then the config one. */
    public static List<Path> defaultFiles(Environment environment) {
        List<Path> files = new ArrayList<>();
        environment.get("XDG_RUNTIME_DIR").ifPresent(dir -> files.add(Path.of(dir, "containers", "auth.json")));
        Path config = environment
                .get("XDG_CONFIG_HOME")
                .map(Path::of)
                .orElseGet(() -> environment.home().resolve(".config"));
        files.add(config.resolve("containers").resolve("auth.json"));
        return files;
    }

    /** Reads the files the environment points at; see {@link #defaultFiles(Environment)}. */
    public static ContainersAuthSource load(Environment environment, CredentialHelpers helpers) {
        return load(defaultFiles(environment), helpers);
    }

    /**
     * Reads {@code files}, in order of precedence; those that do not exist are skipped.
     *
     * @throws CredentialException naming the file when one is unreadable, malformed JSON, or has a malformed entry
     */
    public static ContainersAuthSource load(List<Path> files, CredentialHelpers helpers) {
        List<Loaded> loaded = new ArrayList<>();
        for (Path file : files) {
            CredentialFiles.readIfPresent(file).ifPresent(root -> loaded.add(parse(file, root)));
        }
        return new ContainersAuthSource("auth.json", files, loaded, helpers);
    }

    /**
     * Reads the one auth file given by {@code --authfile} or {@code REGISTRY_AUTH_FILE} ({@code namedBy}, for
     * the error when it is missing). Its provenance label is {@code authfile}.
     *
     * @throws CredentialException when the file does not exist, is unreadable or malformed
     */
    public static ContainersAuthSource authFile(Path file, String namedBy, CredentialHelpers helpers) {
        Loaded loaded = parse(file, CredentialFiles.readRequired(file, namedBy));
        return new ContainersAuthSource("authfile", List.of(file), List.of(loaded), helpers);
    }

    /** The files searched, existing or not, in order. */
    public List<Path> files() {
        return files;
    }

    @Override
    public Credential lookup(String registry, String repository) {
        String host = RegistryKeys.host(registry);
        List<String> keys = keysFor(host, repository);
        for (Loaded file : loaded) {
            Optional<Credential> found = lookupIn(file, registry, host, keys);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return Credential.anonymous();
    }

    private Optional<Credential> lookupIn(Loaded file, String registry, String host, List<String> keys) {
        String helper = file.auth().credHelpers().get(host);
        if (helper != null) {
            return helpers.helper(helper).get(registry, label + " credHelpers (" + helper + ") (" + file.file() + ")");
        }
        for (String key : keys) {
            AuthEntry entry = file.byKey().get(key);
            if (entry == null) {
                continue;
            }
            String scope = key.indexOf('/') >= 0 ? "namespace " : "registry ";
            Optional<Credential> credential =
                    entry.credential(label + " (" + scope + entry.key() + ") (" + file.file() + ")", true);
            if (credential.isPresent()) {
                return credential;
            }
        }
        return Optional.empty();
    }

    /** {@code host/a/b/c}, {@code host/a/b}, {@code host/a}, {@code host}: the keys for a repository, most specific first. */
    static List<String> keysFor(String host, String repository) {
        List<String> keys = new ArrayList<>();
        String path = repository;
        while (!path.isEmpty()) {
            keys.add(host + "/" + path);
            int slash = path.lastIndexOf('/');
            path = slash < 0 ? "" : path.substring(0, slash);
        }
        keys.add(host);
        return keys;
    }

    /** A key as the containers tools read it: see the class comment. */
    static String normalize(String key) {
        String text = key.strip();
        if (text.contains("://")) {
            return RegistryKeys.host(text);
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return RegistryKeys.host(text);
        }
        String path = text.substring(slash + 1);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String host = RegistryKeys.host(text.substring(0, slash));
        return path.isEmpty() ? host : host + "/" + path;
    }

    private static Loaded parse(Path file, Map<String, Object> root) {
        AuthFile auth = AuthFile.of(root, file.toString());
        Map<String, AuthEntry> byKey = new LinkedHashMap<>();
        auth.auths().forEach((key, entry) -> {
            if (key.equals(normalize(key))) {
                byKey.putIfAbsent(key, entry);
            }
        });
        auth.auths().forEach((key, entry) -> byKey.putIfAbsent(normalize(key), entry));
        return new Loaded(file, auth, byKey);
    }

    @Override
    public String toString() {
        return label + " " + files;
    }
}

package checkimage.credentials;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from docker's {@code config.json}: {@code $DOCKER_CONFIG/config.json}, else
 * {@code ~/.docker/config.json}. A file that does not exist answers anonymous for every registry.
 *
 * <p>For a registry, in this order, the first that has a credential wins:
 * <ol>
 *   <li>{@code credHelpers[registry]}: that helper, provenance {@code docker config credHelpers (ecr-login)};</li>
 *   <li>{@code auths[registry]}: {@code auth} (base64 {@code user:password}, split at the first colon), or
 *       {@code username}/{@code password}, or {@code identitytoken} (an {@link Credential.IdentityToken}),
 *       provenance {@code docker config auths (/path/config.json)};</li>
 *   <li>{@code credsStore}: that helper, provenance {@code docker config credsStore (desktop)}.</li>
 * </ol>
 * A helper that has nothing stored passes on to the next step. Unlike docker, which asks only the store when
 * {@code credsStore} is set, an {@code auths} entry holding a credential is used before the store; the empty
 * {@code {}} entries docker writes next to a store fall through to it.
 *
 * <p>Keys of {@code auths} and {@code credHelpers} are normalized with {@link RegistryKeys#host}, as docker
 * does: the scheme and any path are dropped and Docker Hub's aliases ({@code https://index.docker.io/v1/},
 * {@code index.docker.io}, {@code registry-1.docker.io}) are {@code docker.io}. When two keys name the same
 * registry, the one written in normal form wins, else the first in the file. Docker's config has no
 * per-repository keys, so the repository plays no part.
 *
 * <p>The file is read once, by {@link #load(Path, CredentialHelpers)}: malformed JSON or a malformed entry is
 * a {@link CredentialException} naming the file and the key, never the content.
 */
public final class DockerConfigSource implements CredentialSource {

    private final Path file;
    private final Optional<AuthFile> config;
    private final Map<String, AuthEntry> auths;
    private final CredentialHelpers helpers;

    private DockerConfigSource(Path file, Optional<AuthFile> config, CredentialHelpers helpers) {
        this.file = file;
        this.config = config;
        this.auths = config.map(c -> byHost(c.auths())).orElse(Map.of());
        this.helpers = helpers;
    }

    /** {@code $DOCKER_CONFIG/config.json} when {@code DOCKER_CONFIG} is set, else {@code ~/.docker/config.json}. */
    public static Path defaultFile(Environment environment) {
        return environment
                .get("DOCKER_CONFIG")
                .map(directory -> Path.of(directory))
                .orElseGet(() -> environment.home().resolve(".docker"))
                .resolve("config.json");
    }

    /** Reads the docker config the environment points at; see {@link #defaultFile(Environment)}. */
    public static DockerConfigSource load(Environment environment, CredentialHelpers helpers) {
        return load(defaultFile(environment), helpers);
    }

    /**
     * Reads {@code file}; a file that does not exist is no error.
     *
     * @throws CredentialException when the file is unreadable, malformed JSON, or has a malformed entry
     */
    public static DockerConfigSource load(Path file, CredentialHelpers helpers) {
        Optional<AuthFile> config = CredentialFiles.readIfPresent(file).map(root -> AuthFile.of(root, file.toString()));
        return new DockerConfigSource(file, config, helpers);
    }

    /** The file this source read (or found missing). */
    public Path file() {
        return file;
    }

    /** True when the file existed. */
    public boolean isPresent() {
        return config.isPresent();
    }

    @Override
    public Credential lookup(String registry, String repository) {
        if (config.isEmpty()) {
            return Credential.anonymous();
        }
        String host = RegistryKeys.host(registry);
        return fromHelper(config.get().credHelpers().get(host), registry, "credHelpers")
                .or(() -> Optional.ofNullable(auths.get(host))
                        .flatMap(entry -> entry.credential("docker config auths (" + file + ")", true)))
                .or(() -> fromHelper(config.get().credsStore().orElse(null), registry, "credsStore"))
                .orElseGet(Credential::anonymous);
    }

    private Optional<Credential> fromHelper(String name, String registry, String kind) {
        if (name == null) {
            return Optional.empty();
        }
        return helpers.helper(name).get(registry, "docker config " + kind + " (" + name + ")");
    }

    /** Entries by normalized host: a key already in normal form wins over an alias, else the first one. */
    static Map<String, AuthEntry> byHost(Map<String, AuthEntry> entries) {
        Map<String, AuthEntry> byHost = new LinkedHashMap<>();
        entries.forEach((key, entry) -> {
            if (key.equals(RegistryKeys.host(key))) {
                byHost.putIfAbsent(key, entry);
            }
        });
        entries.forEach((key, entry) -> byHost.putIfAbsent(RegistryKeys.host(key), entry));
        return byHost;
    }

    @Override
    public String toString() {
        return "docker config (" + file + (config.isPresent() ? "" : ", not found") + ")";
    }
}

package checkimage.credentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the documented chain of credential sources; the first source with a credential for a registry wins,
 * else the image is checked anonymously:
 * <ol>
 *   <li>explicit credentials: {@code --username}, an OpenPAI job's {@code auth}, a policy's credentials;</li>
 *   <li>{@code --authfile PATH}, else {@code REGISTRY_AUTH_FILE}: one auth.json-format file that
 *       <em>replaces</em> the next two sources, as in podman and skopeo ({@link ContainersAuthSource#authFile});</li>
 *   <li>docker's {@code config.json} ({@link DockerConfigSource});</li>
 *   <li>the containers tools' {@code auth.json} files ({@link ContainersAuthSource});</li>
 *   <li>Kubernetes pull secrets, in the order given ({@link PullSecretSource});</li>
 *   <li>anonymous.</li>
 * </ol>
 * Every file is read here, once: a malformed one fails now, naming itself. Files that do not exist are skipped,
 * except the auth file, which was asked for by name. Credential helpers run later, on lookup, and only for
 * registries that need them.
 */
public final class CredentialChains {

    private CredentialChains() {}

    /**
     * The standard chain.
     *
     * @param explicit the explicit credentials ({@link ExplicitCredentials}, or a chain of them and a policy's),
     *     asked first; {@link CredentialSource#anonymous()} when there are none
     * @param authFile the {@code --authfile} flag; when empty, {@code REGISTRY_AUTH_FILE} is read from
     *     {@code environment}
     * @param pullSecrets the secrets of the {@code --pull-secret} files, in the order given (may be empty)
     * @param environment supplies {@code DOCKER_CONFIG}, {@code REGISTRY_AUTH_FILE}, {@code XDG_RUNTIME_DIR},
     *     {@code XDG_CONFIG_HOME} and the home directory
     * @param helpers where credential helpers are found and how long they may run
     * @throws CredentialException when a file is malformed or unreadable, or the auth file does not exist
     */
    public static CredentialChain standard(
            CredentialSource explicit,
            Optional<Path> authFile,
            List<PullSecret> pullSecrets,
            Environment environment,
            CredentialHelpers helpers) {
        List<CredentialSource> sources = new ArrayList<>();
        sources.add(explicit);
        Optional<ContainersAuthSource> replacement = authFile.map(
                        file -> ContainersAuthSource.authFile(file, "--authfile", helpers))
                .or(() -> environment
                        .get("REGISTRY_AUTH_FILE")
                        .map(file -> ContainersAuthSource.authFile(Path.of(file), "REGISTRY_AUTH_FILE", helpers)));
        if (replacement.isPresent()) {
            sources.add(replacement.get());
        } else {
            sources.add(DockerConfigSource.load(environment, helpers));
            sources.add(ContainersAuthSource.load(environment, helpers));
        }
        if (!pullSecrets.isEmpty()) {
            sources.add(new PullSecretSource(pullSecrets));
        }
        return new CredentialChain(sources);
    }
}

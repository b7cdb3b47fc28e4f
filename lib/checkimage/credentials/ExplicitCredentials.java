package checkimage.credentials;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Credentials given explicitly, per registry or per repository: {@code --username}/{@code --password-stdin},
 * an OpenPAI job's {@code auth} block, a policy's per-registry credentials. A repository entry
 * ({@code registry/path}) wins over a registry entry.
 */
public final class ExplicitCredentials implements CredentialSource {

    private final Map<String, Credential> byRepository = new LinkedHashMap<>();
    private final Map<String, Credential> byRegistry = new LinkedHashMap<>();

    /** Uses {@code credential} for every repository of {@code registry} (any key form, e.g. {@code https://index.docker.io/v1/}). */
    public ExplicitCredentials forRegistry(String registry, Credential credential) {
        byRegistry.putIfAbsent(RegistryKeys.host(registry), credential);
        return this;
    }

    /** Uses {@code credential} for one repository of one registry only. */
    public ExplicitCredentials forRepository(String registry, String repository, Credential credential) {
        byRepository.putIfAbsent(RegistryKeys.host(registry) + "/" + repository, credential);
        return this;
    }

    public boolean isEmpty() {
        return byRepository.isEmpty() && byRegistry.isEmpty();
    }

    @Override
    public Credential lookup(String registry, String repository) {
        String host = RegistryKeys.host(registry);
        Credential credential = byRepository.get(host + "/" + repository);
        if (credential == null) {
            credential = byRegistry.get(host);
        }
        return credential != null ? credential : Credential.anonymous();
    }

    @Override
    public String toString() {
        return "explicit credentials for " + byRegistry.keySet() + " " + byRepository.keySet();
    }
}

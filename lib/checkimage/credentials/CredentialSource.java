package checkimage.credentials;

/**
 * Finds the credential to use for one repository of one registry.
 *
 * <p>Implementations never return {@code null}: when they have nothing they return an
 * {@link Credential.Anonymous}. A source that fails (a broken credential helper, a malformed file) throws
 * {@link CredentialException} naming the registry and the source, never the secret.
 */
@FunctionalInterface
public interface CredentialSource {

    /**
     * @param registry the registry as written in the reference, e.g. {@code docker.io} or {@code localhost:5000}
     * @param repository the repository path, e.g. {@code library/ubuntu}
     */
    Credential lookup(String registry, String repository);

    /** A source that always answers anonymous. */
    static CredentialSource anonymous() {
        return (registry, repository) -> Credential.anonymous();
    }
}

package checkimage.credentials;

import java.util.List;

/** Asks sources in order; the first that is not anonymous wins, else anonymous. */
public final class CredentialChain implements CredentialSource {

    private final List<CredentialSource> sources;

    public CredentialChain(List<CredentialSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public Credential lookup(String registry, String repository) {
        for (CredentialSource source : sources) {
            Credential found = source.lookup(registry, repository);
            if (!(found instanceof Credential.Anonymous)) {
                return found;
            }
        }
        return Credential.anonymous();
    }

    /** The sources, in the order they are asked. */
    public List<CredentialSource> sources() {
        return sources;
    }

    /** The sources in order, e.g. {@code explicit credentials [] [] -> docker config (/home/me/.docker/config.json)}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (CredentialSource source : sources) {
            text.append(text.length() == 0 ? "" : " -> ").append(source);
        }
        return text.append(text.length() == 0 ? "anonymous" : " -> anonymous").toString();
    }
}

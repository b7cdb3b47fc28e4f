package checkimage.client;

import checkimage.auth.Scope;
import checkimage.credentials.Credential;
import checkimage.credentials.CredentialException;
import checkimage.credentials.CredentialSource;
import checkimage.reference.ImageReference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before a batch against one registry: ping it once, then ask its token server for one token per
 * {@code batchSize} repositories (several {@code scope} parameters in one request, as the token spec allows)
 * instead of one per repository. Best effort by design: any trouble here is silently left to the per-image
 * handshake, which retries with single scopes and reports the trouble properly. A token that lacks a scope the
 * server chose not to grant is caught by the per-image {@code insufficient_scope} retry.
 */
final class TokenPrefetcher {

    private final Pinger pinger;
    private final Authenticator authenticator;
    private final CredentialSource credentials;
    private final int batchSize;
    private final Duration budget;

    TokenPrefetcher(Pinger pinger, Authenticator authenticator, CredentialSource credentials, int batchSize, Duration budget) {
        this.pinger = pinger;
        this.authenticator = authenticator;
        this.credentials = credentials;
        this.batchSize = batchSize;
        this.budget = budget;
    }

    /** Prefetches tokens for {@code references}, all of one registry host. */
    void prefetch(List<ImageReference> references) {
        if (references.size() < 2 || batchSize < 2) {
            return;
        }
        Deadline deadline = Deadline.after(budget);
        try {
            RegistrySession session = pinger.session(references.get(0).registryHost(), deadline);
            for (Map.Entry<Credential, List<ImageReference>> group : byCredential(references).entrySet()) {
                List<String> scopes = scopes(group.getValue());
                for (int start = 0; start < scopes.size(); start += batchSize) {
                    List<String> chunk = scopes.subList(start, Math.min(scopes.size(), start + batchSize));
                    authenticator.prefetch(group.getValue().get(0), session, chunk, group.getKey(), deadline);
                }
            }
        } catch (CheckAbort | CredentialException | IllegalArgumentException trouble) {
            // left to the per-image handshake, which reports it with the right outcome
        }
    }

    private Map<Credential, List<ImageReference>> byCredential(List<ImageReference> references) {
        Map<Credential, List<ImageReference>> groups = new LinkedHashMap<>();
        for (ImageReference reference : references) {
            Credential credential = credentials.lookup(reference.domain(), reference.path());
            groups.computeIfAbsent(credential, c -> new ArrayList<>()).add(reference);
        }
        return groups;
    }

    private static List<String> scopes(List<ImageReference> references) {
        return references.stream().map(r -> Scope.repositoryPull(r.path()).toString()).distinct().toList();
    }
}

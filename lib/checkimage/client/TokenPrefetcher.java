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
import java.util.concurrent.CompletableFuture;

/**
 * Before a batch against one registry: ping it once, then ask its token server for one token per
 * {@code batchSize} repositories (several {@code scope} parameters in one request, as the token spec allows)
 * instead of one per repository. The scopes are marked as {@link PendingTokens pending} before any check starts,
 * and the requests run in the background, one after the other in input order over one kept-alive connection: a
 * check waits only for its own batch's token, and checks use up a batch (several round trips) faster than the
 * next token arrives (one). Parallel requests would open a connection, and a TLS handshake, per request to a
 * token server without HTTP/2.
 *
 * <p>Best effort by design: any trouble here, a bug included, is silently left to the per-image handshake, which
 * runs the same steps again, retries with single scopes and reports the trouble properly. A token that lacks a
 * scope the server chose not to grant is caught by the per-image {@code insufficient_scope} retry.
 */
final class TokenPrefetcher {

    private final Pinger pinger;
    private final Authenticator authenticator;
    private final PendingTokens pending;
    private final CredentialSource credentials;
    private final int batchSize;
    private final Duration budget;

    TokenPrefetcher(Pinger pinger, Authenticator authenticator, PendingTokens pending, CredentialSource credentials,
                    int batchSize, Duration budget) {
        this.pinger = pinger;
        this.authenticator = authenticator;
        this.pending = pending;
        this.credentials = credentials;
        this.batchSize = batchSize;
        this.budget = budget;
    }

    /**
     * Marks the scopes of {@code references} (all of one registry host) as pending and starts their token
     * requests on a background thread; returns at once. Does nothing for fewer than two references.
     */
    void start(List<ImageReference> references) {
        if (references.size() < 2 || batchSize < 2) {
            return;
        }
        String host = references.get(0).registryHost();
        List<Batch> batches = new ArrayList<>();
        try {
            for (Map.Entry<Credential, List<ImageReference>> group : byCredential(references).entrySet()) {
                List<String> scopes = scopes(group.getValue());
                for (int start = 0; start < scopes.size(); start += batchSize) {
                    List<String> chunk = List.copyOf(scopes.subList(start, Math.min(scopes.size(), start + batchSize)));
                    batches.add(new Batch(group.getValue().get(0), chunk, group.getKey(),
                            pending.expect(host, chunk, group.getKey())));
                }
            }
        } catch (CredentialException trouble) {
            batches.forEach(batch -> release(host, batch));
            return; // left to the per-image handshake, which reports it with the right outcome
        }
        Thread thread = new Thread(() -> fetchAll(host, batches), "check-image-token-prefetch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Pings, then fetches the batches in order, releasing each when done; trouble releases the rest at once. */
    private void fetchAll(String host, List<Batch> batches) {
        Deadline deadline = Deadline.after(budget);
        int released = 0;
        try {
            RegistrySession session = pinger.session(host, deadline);
            for (Batch batch : batches) {
                quietly(() -> authenticator.prefetch(batch.sample(), session, batch.scopes(), batch.credential(), deadline));
                release(host, batch);
                released++;
            }
        } catch (CheckAbort | RuntimeException trouble) {
            // left to the per-image handshake, which reports it with the right outcome
        } finally {
            batches.subList(released, batches.size()).forEach(batch -> release(host, batch));
        }
    }

    private void release(String host, Batch batch) {
        pending.release(host, batch.scopes(), batch.credential(), batch.fetch());
    }

    /** One token request: its scopes, all for one credential, and the pending fetch checks wait for. */
    private record Batch(ImageReference sample, List<String> scopes, Credential credential,
                         CompletableFuture<Void> fetch) {
    }

    /** A prefetch step whose trouble is left to the per-image handshake. */
    @FunctionalInterface
    private interface Step {
        void run() throws CheckAbort;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (CheckAbort | CredentialException | IllegalArgumentException trouble) {
            // the per-image handshake retries with a single scope and reports any trouble itself
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

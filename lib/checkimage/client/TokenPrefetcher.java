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
    private final int parallelism;

    TokenPrefetcher(Pinger pinger, Authenticator authenticator, CredentialSource credentials, int batchSize, Duration budget,
                    int parallelism) {
        this.parallelism = parallelism;
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
            List<Runnable> requests = new ArrayList<>();
            for (Map.Entry<Credential, List<ImageReference>> group : byCredential(references).entrySet()) {
                List<String> scopes = scopes(group.getValue());
                for (int start = 0; start < scopes.size(); start += batchSize) {
                    List<String> chunk = scopes.subList(start, Math.min(scopes.size(), start + batchSize));
                    ImageReference sample = group.getValue().get(0);
                    requests.add(() -> quietly(() -> authenticator.prefetch(sample, session, chunk, group.getKey(), deadline)));
                }
            }
            runAll(requests);
        } catch (CheckAbort | CredentialException | IllegalArgumentException trouble) {
            // left to the per-image handshake, which reports it with the right outcome
        }
    }

    /** Runs the token requests {@code parallelism} at a time (they are independent), the last on this thread. */
    private void runAll(List<Runnable> requests) {
        if (requests.size() == 1 || parallelism < 2) {
            requests.forEach(Runnable::run);
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(parallelism, requests.size()), runnable -> {
                    Thread thread = new Thread(runnable, "check-image-token-prefetch");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            requests.forEach(request -> futures.add(pool.submit(request)));
            for (java.util.concurrent.Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // each request is quiet; nothing to report here
        } finally {
            pool.shutdownNow();
        }
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

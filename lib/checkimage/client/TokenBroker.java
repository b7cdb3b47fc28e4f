package checkimage.client;

import checkimage.auth.Challenge;
import checkimage.auth.Scope;
import checkimage.credentials.Credential;
import checkimage.credentials.CredentialException;
import checkimage.credentials.CredentialSource;
import checkimage.reference.ImageReference;
import checkimage.result.Cause;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Bearer tokens of one checker: the tokens issued so far (by realm, service, scope and identity, handed out
 * while {@link Token#isFresh fresh}), the token requests under way, and the background batches that fetch them.
 *
 * <p>Before a batch against one registry, {@link #prefetch} marks the repositories' scopes as under way, then, on
 * this broker's executor, pings the registry once and asks its token server for one token per {@code batchSize}
 * repositories (several {@code scope} parameters in one request, as the token spec allows), one request after
 * the other in input order over one kept-alive connection. A check whose scope is under way waits for that one
 * request ({@link #token}), so it starts as soon as its own batch's token has arrived, and no scope is asked for
 * twice. Parallel requests would open a connection, and a TLS handshake, per request to a token server without
 * HTTP/2.
 *
 * <p>Expected trouble in the background (a refused token, an unreachable server) releases the waiting checks, and
 * each asks for its own token, so the per-image handshake reports it with the right outcome. A bug (any other
 * {@link RuntimeException}) is handed to the checks waiting for that batch, which throw it to the caller.
 * {@link #close} stops the executor: no thread outlives the checker.
 */
final class TokenBroker implements AutoCloseable {

    /** A scope of a registry being fetched in the background, before the registry's realm is known. */
    private record Pending(String host, String scope, Credential credential) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Pending that
                    && host.equals(that.host)
                    && scope.equals(that.scope)
                    && credential.equals(that.credential);
        }

        @Override
        public int hashCode() {
            return Objects.hash(host, scope, credential);
        }
    }

    private record Stored(Token token, Duration lifetime) {}

    /** One token request: its scopes, all for one credential, and the future the checks of those scopes wait for. */
    private record Batch(
            ImageReference sample, List<String> scopes, Credential credential, CompletableFuture<Void> done) {}

    private final TokenFetcher fetcher;
    private final Pinger pinger;
    private final CredentialSource credentials;
    private final Clock clock;
    private final int batchSize;
    private final Duration budget;
    private final Map<TokenKey, Stored> tokens = new ConcurrentHashMap<>();
    private final Map<Pending, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicReference<RuntimeException> unreported = new AtomicReference<>();
    private final ExecutorService background;

    TokenBroker(
            TokenFetcher fetcher,
            Pinger pinger,
            CredentialSource credentials,
            Clock clock,
            int batchSize,
            Duration budget) {
        this.fetcher = fetcher;
        this.pinger = pinger;
        this.credentials = credentials;
        this.clock = clock;
        this.batchSize = batchSize;
        this.budget = budget;
        // no thread until the first batch; an idle one ends after a few seconds, and close() ends them all
        this.background =
                new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "check-image-tokens");
                    thread.setDaemon(true);
                    threads.add(thread);
                    return thread;
                });
    }

    /**
     * A token for {@code scopes}: the cached one while fresh; else, for a single scope under way in the
     * background, the one its batch brings; else a new one from the token server, which is then cached.
     */
    Token token(
            ImageReference reference,
            RegistrySession session,
            Challenge challenge,
            List<String> scopes,
            Credential credential,
            Deadline deadline)
            throws CheckAbort {
        TokenKey key = TokenKey.of(challenge, scopes, credential);
        Token token = cached(key);
        if (token == null && scopes.size() == 1) {
            awaitBatch(reference.registryHost(), scopes.get(0), credential, deadline);
            token = cached(key);
        }
        if (token == null) {
            token = fetcher.fetch(reference, session, challenge, scopes, credential, deadline);
            store(key, token);
        }
        return token;
    }

    /** Drops the cached token of {@code scopes}, after the registry refused it. */
    void forget(Challenge challenge, List<String> scopes, Credential credential) {
        tokens.remove(TokenKey.of(challenge, scopes, credential));
    }

    /**
     * Marks the scopes of {@code references} (all of one registry host) as under way and starts their batched
     * token requests in the background; returns at once. Does nothing for fewer than two references.
     */
    void prefetch(List<ImageReference> references) {
        if (references.size() < 2 || batchSize < 2) {
            return;
        }
        String host = references.get(0).registryHost();
        List<Batch> batches = new ArrayList<>();
        try {
            for (Map.Entry<Credential, List<ImageReference>> group :
                    byCredential(references).entrySet()) {
                List<String> scopes = scopes(group.getValue());
                for (int start = 0; start < scopes.size(); start += batchSize) {
                    List<String> chunk = List.copyOf(scopes.subList(start, Math.min(scopes.size(), start + batchSize)));
                    batches.add(new Batch(
                            group.getValue().get(0), chunk, group.getKey(), expect(host, chunk, group.getKey())));
                }
            }
            background.execute(() -> fetchAll(host, batches));
        } catch (CredentialException | RejectedExecutionException trouble) {
            // left to the per-image handshake, which reports a credential failure with the right outcome
            batches.forEach(batch -> release(host, batch, null));
        }
    }

    /** Pings, then fetches the batches in order, releasing each when done; trouble releases the rest at once. */
    private void fetchAll(String host, List<Batch> batches) {
        Deadline deadline = Deadline.after(budget);
        int released = 0;
        RuntimeException bug = null;
        try {
            RegistrySession session = pinger.session(host, deadline);
            for (Batch batch : batches) {
                try {
                    fetchBatch(session, batch, deadline);
                } catch (CheckAbort trouble) {
                    // each check of the batch asks for its own token and reports any trouble itself
                }
                release(host, batch, null);
                released++;
            }
        } catch (CheckAbort trouble) {
            // the per-image handshake pings again and reports it
        } catch (RuntimeException e) {
            bug = e;
            unreported.set(e);
        } finally {
            for (Batch batch : batches.subList(released, batches.size())) {
                release(host, batch, bug);
            }
        }
    }

    private void fetchBatch(RegistrySession session, Batch batch, Deadline deadline) throws CheckAbort {
        Challenge challenge = session.chosen().orElse(null);
        if (challenge == null || !challenge.is("bearer")) {
            return;
        }
        List<String> missing = batch.scopes().stream()
                .filter(s -> cached(TokenKey.of(challenge, List.of(s), batch.credential())) == null)
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        Token token = fetcher.fetch(batch.sample(), session, challenge, missing, batch.credential(), deadline);
        for (String scope : missing) {
            store(TokenKey.of(challenge, List.of(scope), batch.credential()), token); // single-scope lookups find it
        }
    }

    /** Marks scopes as under way; a batch already under way for a scope keeps it, one that failed is replaced. */
    private CompletableFuture<Void> expect(String host, List<String> scopes, Credential credential) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        for (String scope : scopes) {
            pending.merge(
                    new Pending(host, scope, credential),
                    done,
                    (old, mine) -> old.isCompletedExceptionally() ? mine : old);
        }
        return done;
    }

    /**
     * Ends a batch and wakes whoever waits for it. A successful one ({@code bug} null) is forgotten; a failed one
     * stays, so a check that comes to wait for it only now still gets the bug.
     */
    private void release(String host, Batch batch, RuntimeException bug) {
        if (bug != null) {
            batch.done().completeExceptionally(bug);
            return;
        }
        for (String scope : batch.scopes()) {
            pending.remove(new Pending(host, scope, batch.credential()), batch.done());
        }
        batch.done().complete(null);
    }

    /**
     * Throws a bug of the background batches that no waiting check has thrown yet (every check of its batch may
     * have been served otherwise), so that none vanishes.
     */
    void rethrowUnreported() {
        RuntimeException bug = unreported.getAndSet(null);
        if (bug != null) {
            throw new IllegalStateException("the background token requests failed: " + bug, bug);
        }
    }

    /** Waits, at most until the deadline, for the batch of this scope if one is under way. */
    private void awaitBatch(String host, String scope, Credential credential, Deadline deadline) throws CheckAbort {
        CompletableFuture<Void> batch = pending.get(new Pending(host, scope, credential));
        if (batch == null) {
            return;
        }
        try {
            batch.get(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the check asks for its own token, within what is left of its deadline
        } catch (ExecutionException e) {
            unreported.compareAndSet((RuntimeException) e.getCause(), null);
            throw new IllegalStateException(
                    "the background token requests for " + host + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CheckAbort.unknown(Cause.TIMEOUT, "interrupted while waiting for a token of " + host);
        }
    }

    /** The token stored under {@code key} while it is fresh; a stale one is dropped. */
    Token cached(TokenKey key) {
        Stored stored = tokens.get(key);
        if (stored == null) {
            return null;
        }
        if (!stored.token().isFresh(clock.instant(), stored.lifetime())) {
            tokens.remove(key, stored);
            return null;
        }
        return stored.token();
    }

    void store(TokenKey key, Token token) {
        Duration lifetime = Duration.between(clock.instant(), token.expiresAt());
        tokens.put(key, new Stored(token, lifetime.isNegative() ? Duration.ZERO : lifetime));
    }

    int size() {
        return tokens.size();
    }

    /** The threads this broker has started, for specs that check none outlives {@link #close}. */
    List<Thread> threads() {
        return List.copyOf(threads);
    }

    /**
     * Stops the background batches and waits briefly for their thread to end (call after closing the transport,
     * so a request in flight fails at once); checks still waiting are released.
     */
    @Override
    public void close() {
        background.shutdownNow();
        pending.values().forEach(batch -> batch.complete(null));
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        return references.stream()
                .map(r -> Scope.repositoryPull(r.path()).toString())
                .distinct()
                .toList();
    }
}

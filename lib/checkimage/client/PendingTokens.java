package checkimage.client;

import checkimage.credentials.Credential;
import checkimage.result.Cause;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Token requests under way for many repositories at once ({@link TokenPrefetcher}), by registry, scope and
 * credential. A check whose scope is in one waits for it instead of asking the token server itself, so checks
 * start as soon as their own batch's token has arrived rather than after every batch, and no scope is asked
 * for twice. Whatever happens to a prefetch, its waiters are released; then each asks for its own token.
 */
final class PendingTokens {

    /** Hashed on every check: equals and hashCode are written out (see {@link Credential} for why). */
    private record Key(String host, String scope, Credential credential) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && host.equals(that.host) && scope.equals(that.scope)
                    && credential.equals(that.credential);
        }

        @Override
        public int hashCode() {
            return Objects.hash(host, scope, credential);
        }
    }

    private final ConcurrentHashMap<Key, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    /** Marks {@code scopes} of {@code host} as being fetched; the answer must be given to {@link #release}. */
    CompletableFuture<Void> expect(String host, List<String> scopes, Credential credential) {
        CompletableFuture<Void> fetch = new CompletableFuture<>();
        for (String scope : scopes) {
            pending.putIfAbsent(new Key(host, scope, credential), fetch);
        }
        return fetch;
    }

    /** Ends a fetch from {@link #expect}, successful or not, and wakes whoever waits for it. */
    void release(String host, List<String> scopes, Credential credential, CompletableFuture<Void> fetch) {
        for (String scope : scopes) {
            pending.remove(new Key(host, scope, credential), fetch);
        }
        fetch.complete(null);
    }

    /** Waits, at most until the deadline, for a fetch under way of this scope; returns at once if there is none. */
    void await(String host, String scope, Credential credential, Deadline deadline) throws CheckAbort {
        CompletableFuture<Void> fetch = pending.get(new Key(host, scope, credential));
        if (fetch == null) {
            return;
        }
        try {
            fetch.get(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the check asks for its own token, within what is left of its deadline
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CheckAbort.unknown(Cause.TIMEOUT, "interrupted while waiting for a token of " + host);
        }
    }
}

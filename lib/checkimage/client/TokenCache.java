package checkimage.client;

import checkimage.credentials.Credential;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens by realm, service, scope and identity, shared by every check of one checker. A token is handed
 * out while it is fresh (see {@link Token#isFresh}); expired ones are dropped on read.
 */
final class TokenCache {

    /** What a token was issued for. The credential is compared by value and never printed. */
    /** Hashed on every check: equals and hashCode are written out (see {@link Credential} for why). */
    record Key(String realm, String service, String scope, Credential credential) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && realm.equals(that.realm) && service.equals(that.service)
                    && scope.equals(that.scope) && credential.equals(that.credential);
        }

        @Override
        public int hashCode() {
            return Objects.hash(realm, service, scope, credential);
        }

        @Override
        public String toString() {
            return "Key[" + realm + ", " + service + ", " + scope + ", " + credential.source() + "]";
        }
    }

    private record Entry(Token token, Duration lifetime) {
    }

    private final Clock clock;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    TokenCache(Clock clock) {
        this.clock = clock;
    }

    Token get(Key key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!entry.token().isFresh(clock.instant(), entry.lifetime())) {
            entries.remove(key, entry);
            return null;
        }
        return entry.token();
    }

    void put(Key key, Token token) {
        Duration lifetime = Duration.between(clock.instant(), token.expiresAt());
        entries.put(key, new Entry(token, lifetime.isNegative() ? Duration.ZERO : lifetime));
    }

    /** Caches a token issued for several scopes under each of them, so single-scope lookups find it. */
    void putForEach(Key key, java.util.List<String> scopes, Token token) {
        for (String scope : scopes) {
            put(new Key(key.realm(), key.service(), scope, key.credential()), token);
        }
    }

    void invalidate(Key key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }
}

package checkimage.client

import checkimage.auth.Challenge
import checkimage.auth.ChallengeParser
import checkimage.credentials.Credential
import checkimage.credentials.Secret
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset

/**
 * The broker's cache: tokens are shared per realm, service, scope and credential, and dropped once they are no longer
 * fresh. Its background batches and executor are specified against the real registry in TokenAuthIntegrationSpec.
 */
class TokenBrokerSpec extends Specification {

    static final Instant START = Instant.parse('2024-05-01T12:00:00Z')
    static final String REALM = 'https://auth.example.com/token'
    static final String SERVICE = 'registry.example.com'
    static final String PULL = 'repository:acme/app:pull'
    static final Credential BOB = new Credential.UsernamePassword('bob', Secret.of('hunter2'), 'job auth')

    MutableClock clock = new MutableClock(START)
    TokenBroker cache = broker(clock)

    static TokenBroker broker(Clock clock) {
        new TokenBroker(null, null, null, clock, 50, Duration.ofSeconds(30))
    }

    static TokenKey key(String scope = PULL, Credential credential = BOB, String realm = REALM, String service = SERVICE) {
        new TokenKey(realm, service, scope, credential)
    }

    Token token(Duration lifetime, String value = 'tok') {
        new Token(Secret.of(value), clock.instant() + lifetime, null)
    }

    def "an unknown key has no token"() {
        expect:
        cache.cached(key()) == null
        cache.size() == 0
    }

    def "a stored token is handed out while it is fresh"() {
        given:
        Token stored = token(Duration.ofSeconds(300))
        cache.store(key(), stored)

        when:
        clock.advance(Duration.ofSeconds(294))

        then:
        cache.cached(key()).is(stored)
    }

    @Unroll("lifetime #lifetime, #elapsed later -> cached: #cached")
    def "a token stops being handed out a safety margin before it expires"(
            Duration lifetime, Duration elapsed, boolean cached) {
        given:
        cache.store(key(), token(lifetime))

        when:
        clock.advance(elapsed)

        then:
        (cache.cached(key()) != null) == cached

        where:
        lifetime                 | elapsed                               || cached
        Duration.ofSeconds(300)  | Duration.ZERO                         || true
        Duration.ofSeconds(300)  | Duration.ofSeconds(295).minusMillis(1) || true
        Duration.ofSeconds(300)  | Duration.ofSeconds(295)               || false
        Duration.ofSeconds(300)  | Duration.ofSeconds(300)               || false
        Duration.ofSeconds(300)  | Duration.ofHours(1)                   || false
        Duration.ofSeconds(60)   | Duration.ofSeconds(54)                || true
        Duration.ofSeconds(60)   | Duration.ofSeconds(55)                || false
        Duration.ofSeconds(10)   | Duration.ofSeconds(8)                 || true
        Duration.ofSeconds(10)   | Duration.ofSeconds(9)                 || false
    }

    def "an expired token is dropped when it is read"() {
        given:
        cache.store(key(), token(Duration.ofSeconds(60)))

        when:
        clock.advance(Duration.ofSeconds(61))

        then:
        cache.cached(key()) == null
        cache.size() == 0
    }

    def "a token that has already expired when it is stored is never handed out"() {
        when:
        cache.store(key(), new Token(Secret.of('old'), START - Duration.ofSeconds(1), null))

        then:
        cache.cached(key()) == null
    }

    def "a token that expires exactly when it is stored is never handed out"() {
        when:
        cache.store(key(), new Token(Secret.of('now'), START, null))

        then:
        cache.cached(key()) == null
    }

    def "on a fixed clock a token stays fresh"() {
        given:
        TokenBroker fixed = broker(Clock.fixed(START, ZoneOffset.UTC))
        fixed.store(key(), new Token(Secret.of('t'), START + Duration.ofSeconds(60), null))

        expect:
        (1..3).every { fixed.cached(key()) != null }
    }

    @Unroll("#description -> a separate entry")
    def "tokens are kept apart by realm, service, scope and credential"(String description, TokenKey other) {
        given:
        cache.store(key(), token(Duration.ofSeconds(300)))

        expect:
        cache.cached(other) == null
        cache.cached(key()) != null

        where:
        description                  | other
        'another scope'              | key('repository:acme/other:pull')
        'more actions'               | key('repository:acme/app:pull,push')
        'another password'           | key(PULL, new Credential.UsernamePassword('bob', Secret.of('hunter3'), 'job auth'))
        'another user'               | key(PULL, new Credential.UsernamePassword('alice', Secret.of('hunter2'), 'job auth'))
        'anonymous'                  | key(PULL, Credential.anonymous())
        'an identity token'          | key(PULL, new Credential.IdentityToken('bob', Secret.of('hunter2'), 'job auth'))
        'another realm'              | key(PULL, BOB, 'https://other.example.com/token')
        'another service'            | key(PULL, BOB, REALM, 'other.example.com')
    }

    def "an equal credential made anew finds the same token"() {
        given:
        Token stored = token(Duration.ofSeconds(300))
        cache.store(key(), stored)

        expect:
        cache.cached(key(PULL, new Credential.UsernamePassword('bob', Secret.of('hunter2'), 'job auth'))).is(stored)
    }

    def "putting a token again for the same key replaces the old one"() {
        given:
        cache.store(key(), token(Duration.ofSeconds(300), 'first'))

        when:
        cache.store(key(), token(Duration.ofSeconds(300), 'second'))

        then:
        cache.cached(key()).value() == Secret.of('second')
        cache.size() == 1
    }

    static Challenge challenge() {
        new ChallengeParser().parse(["Bearer realm=\"$REALM\",service=\"$SERVICE\"".toString()])[0]
    }

    def "forgetting a refused token drops it and only it"() {
        given:
        cache.store(key(), token(Duration.ofSeconds(300)))
        cache.store(key('repository:acme/other:pull'), token(Duration.ofSeconds(300)))

        when:
        cache.forget(challenge(), [PULL], BOB)

        then:
        cache.cached(key()) == null
        cache.cached(key('repository:acme/other:pull')) != null
        cache.size() == 1

        when:
        cache.forget(challenge(), ['repository:never:pull'], BOB)

        then:
        cache.size() == 1
    }

    def "a key prints the credential's source, never its secret"() {
        expect:
        key().toString() == "TokenKey[$REALM, $SERVICE, $PULL, job auth]"
        !key().toString().contains('hunter2')
    }
}

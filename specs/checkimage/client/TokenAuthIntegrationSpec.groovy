package checkimage.client

import checkimage.credentials.Credential
import checkimage.credentials.CredentialSource
import checkimage.credentials.Secret
import checkimage.fixture.RegistryFixture
import checkimage.fixture.TokenRequest
import checkimage.fixture.TokenServer
import checkimage.result.Cause
import checkimage.result.CheckOutcome
import checkimage.result.CheckResult
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/**
 * The Bearer token handshake against a real registry and an in-test token server that signs JWTs the registry
 * verifies. Anonymous pull is granted on public/ and library/ only; alice may pull everything, bob only team/.
 */
class TokenAuthIntegrationSpec extends Specification {

    @Shared
    RegistryFixture registry

    @Shared
    Map<String, String> digests

    def setupSpec() {
        registry = RegistryFixture.start(RegistryFixture.Mode.TOKEN)
        digests = registry.seedStandardImages()
    }

    def cleanupSpec() {
        registry?.close()
    }

    def setup() {
        registry.tokenServer.reset()
    }

    TokenServer getTokens() {
        registry.tokenServer
    }

    ImageChecker checker(Credential credential, Closure<ImageCheckerBuilder> tune = { it }) {
        tune(ImageChecker.builder().caFile(registry.caFile).credentials({ r, p -> credential } as CredentialSource)).build()
    }

    CheckOutcome check(String path, Credential credential = Credential.anonymous()) {
        ImageChecker checker = checker(credential)
        try {
            return checker.check("${registry.host}/${path}").outcome()
        } finally {
            checker.close()
        }
    }

    static Credential user(String name, String password) {
        new Credential.UsernamePassword(name, Secret.of(password), 'spec')
    }

    static final Credential ALICE = user('alice', 'alice-s3cret-pw')
    static final Credential BOB = user('bob', 'bob-s3cret-pw')

    @Unroll("#who pulling #path -> #kind")
    def "who may pull what is decided by the token server's grants"() {
        expect:
        check(path, credential).kind() == kind

        where:
        who         | credential             | path                 | kind
        'anonymous' | Credential.anonymous() | 'public/hello:oci'   | CheckOutcome.Kind.ACCESSIBLE
        'anonymous' | Credential.anonymous() | 'library/hello:index'| CheckOutcome.Kind.ACCESSIBLE
        'anonymous' | Credential.anonymous() | 'private/hello:oci'  | CheckOutcome.Kind.AUTH_REJECTED
        'alice'     | ALICE                  | 'private/hello:oci'  | CheckOutcome.Kind.ACCESSIBLE
        'bob'       | BOB                    | 'team/app:oci'       | CheckOutcome.Kind.ACCESSIBLE
        'bob'       | BOB                    | 'private/hello:oci'  | CheckOutcome.Kind.AUTH_REJECTED
        'alice'     | ALICE                  | 'private/nothing:oci'| CheckOutcome.Kind.MISSING
        'anonymous' | Credential.anonymous() | 'private/nothing:oci'| CheckOutcome.Kind.AUTH_REJECTED
    }

    def "anonymous pull of a private repository is denied after one insufficient_scope retry"() {
        when:
        CheckOutcome outcome = check('private/hello:oci')

        then:
        (outcome as CheckOutcome.AuthRejected).rejection() == CheckOutcome.Rejection.DENIED
        outcome.reason().contains('anonymous pull is not allowed')
        tokens.requestLog.size() == 2
        tokens.requestLog.every { it.scopes().contains('repository:private/hello:pull') }
    }

    def "a wrong password is rejected by the token server as bad credentials"() {
        when:
        CheckOutcome outcome = check('private/hello:oci', user('alice', 'not-her-password'))

        then:
        (outcome as CheckOutcome.AuthRejected).rejection() == CheckOutcome.Rejection.BAD_CREDENTIALS
        !outcome.toString().contains('not-her-password')
    }

    def "the token request carries service, scope and Basic credentials"() {
        when:
        check('private/hello:oci', ALICE)
        TokenRequest request = tokens.requestLog[0]

        then:
        request.method() == 'GET'
        request.param('service') == RegistryFixture.SERVICE
        request.scopes() == ['repository:private/hello:pull']
        request.authScheme() == 'Basic'
        request.username() == 'alice'
        request.param('account') == 'alice'
    }

    def "an anonymous token request names no account"() {
        when:
        check('public/hello:oci')

        then:
        tokens.requestLog[0].param('account') == null
        tokens.requestLog[0].authScheme() == null
    }

    @Unroll("a token response with #style is understood")
    def "token and access_token are both accepted"() {
        given:
        tokens.responseStyle = style

        expect:
        check('private/hello:oci', ALICE).isAccessible()

        where:
        style << TokenServer.ResponseStyle.values().toList()
    }

    def "a cached token is reused for the same repository and refetched once it expires on the checker's clock"() {
        given:
        MutableClock clock = new MutableClock(java.time.Instant.now())
        ImageChecker checker = checker(ALICE, { it.clock(clock) })

        when:
        checker.check("${registry.host}/private/hello:oci")
        clock.advance(Duration.ofMinutes(4))
        checker.check("${registry.host}/private/hello:oci")

        then:
        tokens.requestLog.size() == 1

        when:
        clock.advance(Duration.ofMinutes(1))
        CheckResult late = checker.check("${registry.host}/private/hello:oci")

        then:
        late.isAccessible()
        tokens.requestLog.size() == 2

        cleanup:
        checker?.close()
    }

    def "a token the registry refuses as expired is fetched afresh once"() {
        given: 'the first token expired well beyond the registry\'s leeway, though the token server says it lasts 5 minutes'
        tokens.nextLifetimes << Duration.ofMinutes(-5)
        tokens.reportedExpiresIn = 300

        when:
        CheckOutcome outcome = check('private/hello:oci', ALICE)

        then:
        outcome.isAccessible()
        tokens.requestLog.size() == 2
    }

    def "a token the registry keeps refusing is auth rejected after one fresh token, never missing"() {
        given:
        tokens.tokenLifetime = Duration.ofMinutes(-5)
        tokens.reportedExpiresIn = 300

        when:
        CheckOutcome outcome = check('private/hello:oci', ALICE)

        then:
        outcome.kind() == CheckOutcome.Kind.AUTH_REJECTED
        tokens.requestLog.size() == 2
    }

    def "a token granting another repository than the one asked for is refused by the registry and fetched afresh once"() {
        given: 'a token server that grants the scope only on the second request'
        int asked = 0
        tokens.grantPolicy = { String user, checkimage.fixture.Access requested ->
            (++asked > 1) ? ['pull'] : [] } as TokenServer.GrantPolicy

        when:
        CheckOutcome outcome = check('private/hello:oci', ALICE)

        then:
        outcome.isAccessible()
        tokens.requestLog.size() == 2
    }

    def "an identity token is exchanged with the OAuth2 refresh-token POST"() {
        given:
        Credential identity = new Credential.IdentityToken('alice', Secret.of(tokens.refreshTokenFor('alice')), 'spec')

        when:
        CheckOutcome outcome = check('private/hello:oci', identity)

        then:
        outcome.isAccessible()
        tokens.requestLog[0].method() == 'POST'
        tokens.requestLog[0].param('grant_type') == 'refresh_token'
        tokens.requestLog[0].param('client_id') == 'check-image'
    }

    def "a token server failing with 503 is unknown (server error) after retries"() {
        given:
        tokens.respondWith(503, '{"errors":[{"code":"UNAVAILABLE","message":"down"}]}', 10)

        when:
        CheckOutcome outcome = check('private/hello:oci', ALICE)

        then:
        (outcome as CheckOutcome.Unknown).cause() == Cause.SERVER_ERROR
    }

    def "a batch asks the token server once per batch of repositories"() {
        given:
        List<String> inputs = ['public/hello:oci', 'library/hello:oci', 'library/hello:docker', 'team/app:oci', 'private/hello:oci']
                .collect { "${registry.host}/${it}".toString() }
        ImageChecker checker = checker(ALICE)

        when:
        List<CheckResult> results = checker.checkAll(inputs)

        then:
        results.every { it.isAccessible() }
        tokens.requestLog.size() == 1
        tokens.requestLog[0].scopes().size() == 4
        checker.stats().pings() == 1

        cleanup:
        checker?.close()
    }

    def "the scope batch size bounds scopes per token request"() {
        given:
        List<String> inputs = ['public/hello:oci', 'library/hello:oci', 'team/app:oci', 'private/hello:oci']
                .collect { "${registry.host}/${it}".toString() }
        ImageChecker checker = checker(ALICE, { it.tokenBatch(2) })

        when:
        checker.checkAll(inputs)

        then:
        tokens.requestLog.size() == 2
        tokens.requestLog.every { it.scopes().size() == 2 }

        cleanup:
        checker?.close()
    }

    def "batched token requests go one after the other over one connection to the token server"() {
        given: 'two batches for a token server that speaks HTTP/1.1 only, so parallel requests would need two connections'
        List<String> inputs = ['public/hello:oci', 'library/hello:oci', 'team/app:oci', 'private/hello:oci']
                .collect { "${registry.host}/${it}".toString() }
        ImageChecker checker = checker(ALICE, { it.tokenBatch(2) })

        when:
        List<CheckResult> results = checker.checkAll(inputs)

        then:
        results.every { it.isAccessible() }
        tokens.requestLog.size() == 2
        tokens.connections == 1

        cleanup:
        checker?.close()
    }

    def "checks start as soon as their own batch's token arrives, while another batch's token is late"() {
        given: 'two batches of two; the token server holds the request of the second batch'
        CountDownLatch release = new CountDownLatch(1)
        tokens.hold('private/hello', release)
        List<String> early = ['public/hello:oci', 'library/hello:oci'].collect { "${registry.host}/${it}".toString() }
        List<String> late = ['team/app:oci', 'private/hello:oci'].collect { "${registry.host}/${it}".toString() }
        List<String> finished = Collections.synchronizedList([])
        ImageChecker checker = checker(ALICE, {
            it.tokenBatch(2).listener({ ref, message -> if (message.startsWith('result: ')) finished << ref.toString() } as CheckListener)
        })

        when:
        CompletableFuture<List<CheckResult>> results = CompletableFuture.supplyAsync { checker.checkAll(early + late) }
        boolean earlyDoneFirst = waitFor(5) { finished.size() >= 2 }
        List<String> doneWhileHeld = List.copyOf(finished)
        release.countDown()

        then: 'the first batch was checked while the second token was held'
        earlyDoneFirst
        doneWhileHeld.toSet() == early.toSet()
        results.get(10, TimeUnit.SECONDS).every { it.isAccessible() }
        tokens.requestLog.size() == 2

        cleanup:
        release.countDown()
        checker?.close()
    }

    /** Polls {@code condition} every 10 ms for up to {@code seconds}. */
    private static boolean waitFor(int seconds, Closure<Boolean> condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        while (System.nanoTime() < end) {
            if (condition()) {
                return true
            }
            Thread.sleep(10)
        }
        condition()
    }

    def "anonymous batches still deny private repositories correctly"() {
        given:
        List<String> inputs = ['public/hello:oci', 'private/hello:oci'].collect { "${registry.host}/${it}".toString() }
        ImageChecker checker = checker(Credential.anonymous())

        when:
        List<CheckResult> results = checker.checkAll(inputs)

        then:
        results*.kind() == [CheckOutcome.Kind.ACCESSIBLE, CheckOutcome.Kind.AUTH_REJECTED]

        cleanup:
        checker?.close()
    }

    def "the background token requests run on the checker's own threads, which end when it is closed"() {
        given:
        List<String> inputs = ['public/hello:oci', 'library/hello:oci'].collect { "${registry.host}/${it}".toString() }
        ImageChecker checker = checker(ALICE)

        when:
        checker.checkAll(inputs)
        List<Thread> started = checker.tokens().threads()

        then:
        started.size() == 1
        tokens.requestLog.size() == 1

        when:
        checker.close()

        then:
        started.every { !it.alive }
    }

    def "a bug in the background token requests reaches the caller as an exception"() {
        given: 'a transport with a bug that shows only in the batched (multi-scope) token request'
        List<String> inputs = ['public/hello:oci', 'library/hello:oci'].collect { "${registry.host}/${it}".toString() }
        ImageChecker checker = checker(ALICE, {
            it.transportFactory({ TransportSettings settings -> new BuggyBatchTransport(new HttpClientTransport(settings, 4)) })
        })

        when:
        checker.checkAll(inputs)

        then:
        IllegalStateException bug = thrown()
        bug.message.contains('bug in the batch')

        cleanup:
        checker?.close()
    }

    /** Throws a RuntimeException, as a bug would, for a token request that asks for more than one scope. */
    static class BuggyBatchTransport implements Transport {
        final Transport real

        BuggyBatchTransport(Transport real) {
            this.real = real
        }

        @Override
        RegistryResponse send(RegistryRequest request, Deadline deadline) throws TransportException {
            if ((request.uri().rawQuery ?: '').count('scope=') > 1) {
                throw new IllegalStateException('bug in the batch')
            }
            real.send(request, deadline)
        }

        @Override
        void close() {
            real.close()
        }
    }

    def "no password, token or Authorization value appears in any step message, outcome or exception text"() {
        given:
        List<String> said = Collections.synchronizedList([])
        ImageChecker checker = ImageChecker.builder().caFile(registry.caFile)
                .credentials({ r, p -> p.startsWith('private/') ? ALICE : user('bob', 'bob-wrong-pw-42') } as CredentialSource)
                .listener({ ref, message -> said << message } as CheckListener).build()

        when:
        List<CheckResult> results = checker.checkAll(['private/hello:oci', 'team/app:oci', 'private/gone:x']
                .collect { "${registry.host}/${it}".toString() })
        String everything = (said + results*.toString() + results*.outcome()*.reason()).join('\n')

        then:
        results*.kind() == [CheckOutcome.Kind.ACCESSIBLE, CheckOutcome.Kind.AUTH_REJECTED, CheckOutcome.Kind.MISSING]
        !everything.contains('alice-s3cret-pw')
        !everything.contains('bob-wrong-pw-42')
        !everything.contains(Base64.encoder.encodeToString('alice:alice-s3cret-pw'.bytes))
        !(everything =~ /eyJ[A-Za-z0-9_-]{8,}/)
        !everything.contains('Bearer ey')

        cleanup:
        checker?.close()
    }
}

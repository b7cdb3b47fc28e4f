package checkimage.client

import checkimage.credentials.Credential
import checkimage.credentials.Secret
import checkimage.result.Cause
import checkimage.result.CheckOutcome
import checkimage.result.CheckResult
import com.sun.net.httpserver.HttpExchange
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.Unroll

import java.security.MessageDigest
import java.time.Duration

import static checkimage.client.FaultServer.respond

/**
 * How the engine behaves when a registry misbehaves: retries, rate limits, server errors, resets, slow bodies,
 * hostile headers, redirects and lying digests. A hand-written server stands in for the registry here only.
 */
class FaultInjectionSpec extends Specification {

    static final String MANIFEST = '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",' +
            '"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:' + '0' * 64 + '","size":2},"layers":[]}'
    static final String MANIFEST_DIGEST = 'sha256:' + MessageDigest.getInstance('SHA-256').digest(MANIFEST.getBytes('UTF-8')).encodeHex()
    static final String OCI = 'application/vnd.oci.image.manifest.v1+json'

    @AutoCleanup
    FaultServer server = new FaultServer()

    ImageChecker checker(Map options = [:]) {
        ImageCheckerBuilder builder = ImageChecker.builder()
                .plainHttp(server.host)
                .retry(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofSeconds(2)))
                .timeout(options.timeout as Duration ?: Duration.ofSeconds(10))
        if (options.credentials) {
            builder.credentials { registry, repository -> options.credentials as Credential }
        }
        builder.build()
    }

    CheckResult check(String path, Map options = [:]) {
        ImageChecker checker = checker(options)
        try {
            return checker.check("${server.host}/${path}")
        } finally {
            checker.close()
        }
    }

    void openRegistry() {
        server.on('GET /v2/') { HttpExchange ex, int n -> respond(ex, 200, [:], '{}') }
    }

    def "a 429 with Retry-After is retried and then succeeds"() {
        given:
        openRegistry()
        server.on('HEAD /v2/app/manifests/v1') { HttpExchange ex, int n ->
            n == 0 ? respond(ex, 429, ['Retry-After': '0']) : respond(ex, 200, ['Docker-Content-Digest': MANIFEST_DIGEST, 'Content-Type': OCI])
        }

        when:
        CheckResult result = check('app:v1')

        then:
        result.kind() == CheckOutcome.Kind.ACCESSIBLE
        server.count('HEAD', '/v2/app/manifests/v1') == 2
    }

    def "a registry that keeps answering 429 is rate limited, unknown, with its Retry-After"() {
        given:
        openRegistry()
        server.on('HEAD /v2/app/manifests/v1') { HttpExchange ex, int n -> respond(ex, 429, ['Retry-After': '120']) }

        when:
        CheckOutcome outcome = check('app:v1').outcome()

        then: 'a Retry-After beyond the retry budget ends the retries at once'
        outcome instanceof CheckOutcome.Unknown
        (outcome as CheckOutcome.Unknown).cause() == Cause.RATE_LIMITED
        (outcome as CheckOutcome.Unknown).retryAfter() == Duration.ofSeconds(120)
        server.count('HEAD', '/v2/app/manifests/v1') == 1
    }

    @Unroll("status #status on the manifest is unknown (#cause) after #tries tries, never missing")
    def "server trouble is unknown, retried only where a retry may help"() {
        given:
        openRegistry()
        server.on('HEAD /v2/app/manifests/v1') { HttpExchange ex, int n -> respond(ex, status, [:]) }

        when:
        CheckOutcome outcome = check('app:v1').outcome()

        then:
        outcome.kind() == CheckOutcome.Kind.UNKNOWN
        (outcome as CheckOutcome.Unknown).cause() == cause
        server.count('HEAD', '/v2/app/manifests/v1') == tries

        where:
        status | cause                   | tries
        500    | Cause.SERVER_ERROR      | 1
        502    | Cause.SERVER_ERROR      | 3
        503    | Cause.SERVER_ERROR      | 3
        504    | Cause.SERVER_ERROR      | 3
        400    | Cause.UNEXPECTED_STATUS | 1
        418    | Cause.UNEXPECTED_STATUS | 1
    }

    def "a registry without the v2 API is unknown, not missing"() {
        given:
        server.on('GET /v2/') { HttpExchange ex, int n -> respond(ex, 404, [:], 'not here') }

        when:
        CheckOutcome outcome = check('app:v1').outcome()

        then:
        outcome.kind() == CheckOutcome.Kind.UNKNOWN
        outcome.reason().contains('not a registry v2 API')
    }

    def "a HEAD refused with 405 falls back to a GET and digests the body"() {
        given:
        openRegistry()
        server.on('HEAD /v2/app/manifests/v1') { HttpExchange ex, int n -> respond(ex, 405, [:]) }
        server.on('GET /v2/app/manifests/v1') { HttpExchange ex, int n -> respond(ex, 200, ['Content-Type': OCI], MANIFEST) }

        when:
        CheckOutcome outcome = check('app:v1').outcome()

        then:
        outcome instanceof CheckOutcome.Accessible
        (outcome as CheckOutcome.Accessible).digest().toString() == MANIFEST_DIGEST
        (outcome as CheckOutcome.Accessible).mediaType() == OCI
    }

    def "a HEAD without Docker-Content-Digest falls back to a GET"() {
        given:
        openRegistry()
        server.on('HEAD /v2/app/manifests/v1') { HttpExchange ex, int n -> respond(ex, 200, ['Content-Type': OCI]) }
        server.on('GET /v2/app/manifests/v1') { HttpExchange ex, int n -> respond(ex, 200, ['Content-Type': OCI], MANIFEST) }

        when:
        CheckOutcome outcome = check('app:v1').outcome()

        then:
        (outcome as CheckOutcome.Accessible).digest().toString() == MANIFEST_DIGEST
        server.count('GET', '/v2/app/manifests/v1') == 1
    }

    def "a registry reporting another digest than the one requested is a digest mismatch"() {
        given:
        openRegistry()
        String other = 'sha256:' + 'a' * 64
        server.on('HEAD /v2/app/manifests/' + MANIFEST_DIGEST) { HttpExchange ex, int n ->
            respond(ex, 200, ['Docker-Content-Digest': other, 'Content-Type': OCI])
        }

        when:
        CheckOutcome outcome = check('app@' + MANIFEST_DIGEST).outcome()

        then:
        outcome.kind() == CheckOutcome.Kind.UNKNOWN
        (outcome as CheckOutcome.Unknown).cause() == Cause.DIGEST_MISMATCH
    }

    def "a body that does not hash to the requested digest is a digest mismatch"() {
        given:
        openRegistry()
        server.on('HEAD /v2/app/manifests/' + MANIFEST_DIGEST) { HttpExchange ex, int n -> respond(ex, 200, ['Content-Type': OCI]) }
        server.on('GET /v2/app/manifests/' + MANIFEST_DIGEST) { HttpExchange ex, int n ->
            respond(ex, 200, ['Content-Type': OCI], MANIFEST.replace('"layers":[]', '"layers":[] '))
        }

        when:
        CheckOutcome outcome = check('app@' + MANIFEST_DIGEST).outcome()

        then:
        (outcome as CheckOutcome.Unknown).cause() == Cause.DIGEST_MISMATCH
    }

    def "a body that never ends is cut by the per-image deadline as a timeout"() {
        given:
        openRegistry()
        server.on('HEAD /v2/app/manifests/v1') { HttpExchange ex, int n -> respond(ex, 200, ['Content-Type': OCI]) }
        server.on('GET /v2/app/manifests/v1') { HttpExchange ex, int n ->
            ex.responseHeaders.add('Content-Type', OCI)
            ex.sendResponseHeaders(200, 0)
            ex.responseBody.write('{"schemaVersion":'.bytes)
            ex.responseBody.flush()
            Thread.sleep(5000)
        }

        when:
        long start = System.nanoTime()
        CheckOutcome outcome = check('app:v1', [timeout: Duration.ofMillis(800)]).outcome()
        long millis = (System.nanoTime() - start) / 1_000_000

        then:
        (outcome as CheckOutcome.Unknown).cause() == Cause.TIMEOUT
        millis < 4000
    }

    @Unroll("a hostile challenge #header is unknown, never a crash")
    def "a challenge we cannot use is unknown trouble"() {
        given:
        server.on('GET /v2/') { HttpExchange ex, int n -> respond(ex, 401, ['WWW-Authenticate': header]) }

        when:
        CheckOutcome outcome = check('app:v1').outcome()

        then:
        outcome.kind() == CheckOutcome.Kind.UNKNOWN
        (outcome as CheckOutcome.Unknown).cause() == Cause.UNEXPECTED_RESPONSE

        where:
        header << ['Negotiate abc==', 'Bearer service="x"', 'Bearer realm="unterminated', '=,=,', 'x' * 20000,
                   'Bearer realm="ftp://127.0.0.1/token"']
    }

    def "a connection reset on every try is unknown (connect) after the retries"() {
        given:
        ServerSocket resetter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
        Thread.start {
            while (!resetter.closed) {
                try {
                    Socket socket = resetter.accept()
                    socket.setSoLinger(true, 0)
                    socket.inputStream.read(new byte[1024])
                    socket.close()
                } catch (IOException ignored) {
                }
            }
        }
        ImageChecker checker = ImageChecker.builder().plainHttp("127.0.0.1:${resetter.localPort}")
                .retry(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofSeconds(1))).build()

        when:
        CheckOutcome outcome = checker.check("127.0.0.1:${resetter.localPort}/app:v1").outcome()

        then:
        (outcome as CheckOutcome.Unknown).cause() == Cause.CONNECT
        checker.stats().retries() == 2

        cleanup:
        checker?.close()
        resetter?.close()
    }

    def "a redirect to another host does not carry the Authorization header"() {
        given:
        FaultServer other = new FaultServer()
        other.on('HEAD /elsewhere') { HttpExchange ex, int n -> respond(ex, 200, ['Docker-Content-Digest': MANIFEST_DIGEST, 'Content-Type': OCI]) }
        server.on('GET /v2/') { HttpExchange ex, int n -> respond(ex, ex.requestHeaders.getFirst('Authorization') ? 200 : 401, ['WWW-Authenticate': 'Basic realm="r"']) }
        server.on('HEAD /v2/app/manifests/v1') { HttpExchange ex, int n ->
            respond(ex, 307, ['Location': "http://${other.host}/elsewhere".toString()])
        }
        Credential alice = new Credential.UsernamePassword('alice', Secret.of('redirect-s3cret'), 'test')

        when:
        CheckOutcome outcome = check('app:v1', [credentials: alice]).outcome()

        then:
        outcome.kind() == CheckOutcome.Kind.ACCESSIBLE
        server.requests.find { it.path == '/v2/app/manifests/v1' }.authorization.startsWith('Basic ')
        other.requests.size() == 1
        other.requests[0].authorization == null

        cleanup:
        other?.close()
    }

    def "a config blob redirected to another host (a CDN) is read for the image rules without the Authorization header"() {
        given:
        String config = '{"architecture":"amd64","os":"linux","created":"2020-01-01T00:00:00Z","config":{"User":"app"}}'
        String configDigest = 'sha256:' + MessageDigest.getInstance('SHA-256').digest(config.getBytes('UTF-8')).encodeHex()
        String manifest = '{"schemaVersion":2,"mediaType":"' + OCI + '","config":{"mediaType":"application/vnd.oci.image.config.v1+json",' +
                '"digest":"' + configDigest + '","size":' + config.length() + '},"layers":[{"mediaType":"x","digest":"sha256:' + '1' * 64 + '","size":10}]}'
        String manifestDigest = 'sha256:' + MessageDigest.getInstance('SHA-256').digest(manifest.getBytes('UTF-8')).encodeHex()
        FaultServer cdn = new FaultServer()
        cdn.on('GET /cdn/config') { HttpExchange ex, int n -> respond(ex, 200, [:], config) }
        server.on('GET /v2/') { HttpExchange ex, int n -> respond(ex, ex.requestHeaders.getFirst('Authorization') ? 200 : 401, ['WWW-Authenticate': 'Basic realm="r"']) }
        server.on('HEAD /v2/app/manifests/v1') { HttpExchange ex, int n -> respond(ex, 200, ['Docker-Content-Digest': manifestDigest, 'Content-Type': OCI]) }
        server.on("GET /v2/app/manifests/${manifestDigest}".toString()) { HttpExchange ex, int n -> respond(ex, 200, ['Content-Type': OCI], manifest) }
        server.on("GET /v2/app/blobs/${configDigest}".toString()) { HttpExchange ex, int n ->
            respond(ex, 307, ['Location': "http://${cdn.host}/cdn/config".toString()])
        }
        checkimage.policy.Policy policy = new checkimage.dsl.PolicyLoader().load("image { maxAge '180d'; forbidRootUser() }",
                'policy.groovy', [:], java.nio.file.Path.of('.'))
        Credential alice = new Credential.UsernamePassword('alice', Secret.of('redirect-s3cret'), 'test')
        ImageChecker checker = ImageChecker.builder().plainHttp(server.host).policy(policy)
                .credentials { registry, repository -> alice }.build()

        when:
        CheckResult result = checker.check("${server.host}/app:v1".toString())

        then:
        result.outcome().kind() == CheckOutcome.Kind.ACCESSIBLE
        result.denial().get().message().startsWith("denied by maxAge '180d' (policy.groovy, line 1): created 2020-01-01T00:00:00Z")
        server.requests.find { it.path == "/v2/app/blobs/${configDigest}".toString() }.authorization.startsWith('Basic ')
        cdn.requests.size() == 1
        cdn.requests[0].authorization == null
        checker.stats().blobRequests() == 2

        cleanup:
        checker?.close()
        cdn?.close()
    }

    def "a token server answering with access_token only is understood"() {
        given:
        server.on('GET /v2/') { HttpExchange ex, int n ->
            respond(ex, 401, ['WWW-Authenticate': "Bearer realm=\"http://${server.host}/token\",service=\"fault\"".toString()])
        }
        server.on('GET /token') { HttpExchange ex, int n -> respond(ex, 200, ['Content-Type': 'application/json'], '{"access_token":"opaque-123","expires_in":300}') }
        server.on('HEAD /v2/app/manifests/v1') { HttpExchange ex, int n ->
            ex.requestHeaders.getFirst('Authorization') == 'Bearer opaque-123'
                    ? respond(ex, 200, ['Docker-Content-Digest': MANIFEST_DIGEST, 'Content-Type': OCI])
                    : respond(ex, 401, [:])
        }

        expect:
        check('app:v1').kind() == CheckOutcome.Kind.ACCESSIBLE
    }

    @Unroll("a token response #body is unknown (unexpected response) and leaks nothing")
    def "a broken token response is unknown trouble"() {
        given:
        server.on('GET /v2/') { HttpExchange ex, int n ->
            respond(ex, 401, ['WWW-Authenticate': "Bearer realm=\"http://${server.host}/token\",service=\"fault\"".toString()])
        }
        server.on('GET /token') { HttpExchange ex, int n -> respond(ex, 200, ['Content-Type': 'application/json'], body) }

        when:
        CheckOutcome outcome = check('app:v1').outcome()

        then:
        (outcome as CheckOutcome.Unknown).cause() == Cause.UNEXPECTED_RESPONSE
        !outcome.toString().contains('leaky-token-value')

        where:
        body << ['not json leaky-token-value', '{"tok":"leaky-token-value"}', '["leaky-token-value"]', '{"token":"leaky-token-value"']
    }

    def "an expired token is refreshed once when the registry says invalid_token"() {
        given:
        server.on('GET /v2/') { HttpExchange ex, int n ->
            respond(ex, 401, ['WWW-Authenticate': "Bearer realm=\"http://${server.host}/token\",service=\"fault\"".toString()])
        }
        server.on('GET /token') { HttpExchange ex, int n -> respond(ex, 200, [:], "{\"token\":\"t${n}\"}".toString()) }
        server.on('HEAD /v2/app/manifests/v1') { HttpExchange ex, int n ->
            ex.requestHeaders.getFirst('Authorization') == 'Bearer t1'
                    ? respond(ex, 200, ['Docker-Content-Digest': MANIFEST_DIGEST, 'Content-Type': OCI])
                    : respond(ex, 401, ['WWW-Authenticate': "Bearer realm=\"http://${server.host}/token\",service=\"fault\",error=\"invalid_token\"".toString()])
        }

        expect:
        check('app:v1').kind() == CheckOutcome.Kind.ACCESSIBLE
        server.count('GET', '/token') == 2
    }

    @Unroll("a challenge with #challengeParams asks for a token with the query #expected")
    def "a challenge parameter that is present but empty is not sent to the token server"() {
        given:
        List<String> queries = Collections.synchronizedList([])
        server.on('GET /v2/') { HttpExchange ex, int n ->
            respond(ex, 401, ['WWW-Authenticate': "Bearer realm=\"http://${server.host}/token\"${challengeParams}".toString()])
        }
        server.on('GET /token') { HttpExchange ex, int n ->
            queries << ex.requestURI.rawQuery
            respond(ex, 200, ['Content-Type': 'application/json'], '{"token":"t"}')
        }
        server.on('HEAD /v2/app/manifests/v1') { HttpExchange ex, int n ->
            respond(ex, 200, ['Docker-Content-Digest': MANIFEST_DIGEST, 'Content-Type': OCI])
        }

        expect:
        check('app:v1').kind() == CheckOutcome.Kind.ACCESSIBLE
        queries == [expected]

        where:
        challengeParams             || expected
        ',service=""'               || 'scope=repository%3Aapp%3Apull'
        ''                          || 'scope=repository%3Aapp%3Apull'
        ',service="fault"'          || 'service=fault&scope=repository%3Aapp%3Apull'
        ',service="a b"'            || 'service=a%20b&scope=repository%3Aapp%3Apull'
    }

    def "the OAuth2 form always carries service, empty when the challenge names none, as Docker and containerd send it"() {
        given:
        List<String> forms = Collections.synchronizedList([])
        server.on('GET /v2/') { HttpExchange ex, int n ->
            respond(ex, 401, ['WWW-Authenticate': "Bearer realm=\"http://${server.host}/token\",service=\"\"".toString()])
        }
        server.on('POST /token') { HttpExchange ex, int n ->
            forms << new String(ex.requestBody.readAllBytes(), 'UTF-8')
            respond(ex, 200, ['Content-Type': 'application/json'], '{"access_token":"t"}')
        }
        server.on('HEAD /v2/app/manifests/v1') { HttpExchange ex, int n ->
            respond(ex, 200, ['Docker-Content-Digest': MANIFEST_DIGEST, 'Content-Type': OCI])
        }
        Credential identity = new Credential.IdentityToken('bob', Secret.of('refresh-me'), 'spec')

        expect:
        check('app:v1', [credentials: identity]).kind() == CheckOutcome.Kind.ACCESSIBLE
        forms == ['grant_type=refresh_token&service=&scope=repository%3Aapp%3Apull&client_id=check-image&refresh_token=refresh-me']
    }

    def "after insufficient_scope the fresh token asks for our scope first, then the challenge's others, none twice"() {
        given:
        List<String> queries = Collections.synchronizedList([])
        String realm = "Bearer realm=\"http://${server.host}/token\",service=\"fault\""
        server.on('GET /v2/') { HttpExchange ex, int n -> respond(ex, 401, ['WWW-Authenticate': realm]) }
        server.on('GET /token') { HttpExchange ex, int n ->
            queries << ex.requestURI.rawQuery
            respond(ex, 200, ['Content-Type': 'application/json'], "{\"token\":\"t${n}\"}".toString())
        }
        server.on('HEAD /v2/app/manifests/v1') { HttpExchange ex, int n ->
            ex.requestHeaders.getFirst('Authorization') == 'Bearer t1'
                    ? respond(ex, 200, ['Docker-Content-Digest': MANIFEST_DIGEST, 'Content-Type': OCI])
                    : respond(ex, 401, ['WWW-Authenticate': realm + ',scope="repository:other:pull repository:app:pull",error="insufficient_scope"'])
        }

        expect:
        check('app:v1').kind() == CheckOutcome.Kind.ACCESSIBLE
        queries == ['service=fault&scope=repository%3Aapp%3Apull',
                    'service=fault&scope=repository%3Aapp%3Apull&scope=repository%3Aother%3Apull']
    }
}

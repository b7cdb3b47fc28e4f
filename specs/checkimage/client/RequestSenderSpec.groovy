package checkimage.client

import checkimage.credentials.Secret
import checkimage.reference.ImageReference
import checkimage.result.Cause
import spock.lang.PendingFeature
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Duration
import java.time.Instant
import java.util.random.RandomGenerator

/**
 * One logical request: redirects that never carry the Authorization header off its origin, and retries of
 * 429/502/503/504 and reset connections that honour Retry-After, the retry policy and the deadline.
 */
class RequestSenderSpec extends Specification {

    static final ImageReference REF = ImageReference.parse('registry.example.com/app:1')
    static final URI MANIFEST = URI.create('https://registry.example.com/v2/app/manifests/1')
    static final Instant NOW = Instant.parse('2015-10-21T07:28:00Z')
    static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5))

    List<Duration> sleeps = []
    List<String> steps = []
    RequestStats stats = new RequestStats()

    RequestSender sender(Transport transport, RetryPolicy policy = POLICY) {
        new RequestSender(transport, policy, stats, { ImageReference reference, String message -> steps << message } as CheckListener,
                { Duration wait -> sleeps << wait } as RequestSender.Sleeper, new HighestRandom())
    }

    RegistryResponse send(Transport transport, RetryPolicy policy = POLICY, Duration budget = Duration.ofSeconds(30),
                          RegistryRequest request = RegistryRequest.head(MANIFEST)) {
        sender(transport, policy).send(REF, RequestStats.Kind.MANIFEST, request, Deadline.after(budget))
    }

    static RegistryResponse response(int status, Map<String, String> headers = [:]) {
        new RegistryResponse(status, headers.collectEntries { String name, String value -> [(name.toLowerCase()): [value]] },
                null, false, 'HTTP/1.1', MANIFEST)
    }

    static RegistryRequest authorized(URI uri = MANIFEST) {
        RegistryRequest.head(uri).withHeader('Accept', 'application/vnd.oci.image.index.v1+json')
                .withAuthorization(Secret.of('Bearer sekrit-token'))
    }

    // --- Retry-After --------------------------------------------------------------------------------------------

    @Unroll("Retry-After #value -> #expected")
    def "Retry-After is read as delta-seconds or an HTTP-date, and anything else is ignored"(String value, Duration expected) {
        expect:
        RequestSender.retryAfter(response(429, value == null ? [:] : ['Retry-After': value]), NOW) == expected

        where:
        value                             || expected
        '120'                             || Duration.ofSeconds(120)
        '0'                               || Duration.ZERO
        ' 7 '                             || Duration.ofSeconds(7)
        '007'                             || Duration.ofSeconds(7)
        '999999999'                       || Duration.ofSeconds(999_999_999)
        'Wed, 21 Oct 2015 07:30:00 GMT'   || Duration.ofSeconds(120)
        'Wed, 21 Oct 2015 07:28:00 GMT'   || Duration.ZERO
        'Wed, 21 Oct 2015 07:00:00 GMT'   || Duration.ZERO
        'Tue, 20 Oct 2015 07:28:00 GMT'   || Duration.ZERO
        'Thu, 22 Oct 2015 07:28:00 GMT'   || Duration.ofDays(1)
        null                              || null
        ''                                || null
        '   '                             || null
        '-5'                              || null
        '+5'                              || null
        '1.5'                             || null
        '5s'                              || null
        'soon'                            || null
        '2015-10-21T07:30:00Z'            || null
        'Wed, 21 Oct 2015 25:00:00 GMT'   || null
    }

    @Unroll("Retry-After #value -> #expected")
    def "Retry-After in the obsolete HTTP-date forms is understood too"(String value, Duration expected) {
        expect:
        RequestSender.retryAfter(response(429, ['Retry-After': value]), NOW) == expected

        where:
        value                                || expected
        'Wednesday, 21-Oct-15 07:30:00 GMT'  || Duration.ofSeconds(120)
        'Wed Oct 21 07:30:00 2015'           || Duration.ofSeconds(120)
        'Sun Nov  1 07:28:00 2015'           || Duration.ofDays(11)
        'Sunday, 01-Nov-15 07:28:00 GMT'     || Duration.ofDays(11)
    }

    // --- redirects ----------------------------------------------------------------------------------------------

    @Unroll("#from -> #location: #expectedUri, authorization kept: #kept")
    def "a redirect keeps the Authorization header only on the same origin over the same or a safer scheme"(
            String from, String location, String expectedUri, boolean kept) {
        given:
        RegistryRequest request = authorized(URI.create(from))

        when:
        RegistryRequest next = RequestSender.redirected(request, location)

        then:
        next.uri() == URI.create(expectedUri)
        (next.authorization() != null) == kept
        next.method() == 'HEAD'
        next.headers() == request.headers()

        where:
        from                                              | location                                                 || expectedUri                                          | kept
        'https://registry.example.com/v2/app/manifests/1' | 'https://registry.example.com/v2/app/manifests/sha'      || 'https://registry.example.com/v2/app/manifests/sha' | true
        'https://registry.example.com/v2/app/manifests/1' | '/v2/app/blobs/sha256:abc'                               || 'https://registry.example.com/v2/app/blobs/sha256:abc' | true
        'https://registry.example.com/v2/app/manifests/1' | 'other'                                                  || 'https://registry.example.com/v2/app/manifests/other' | true
        'https://registry.example.com/v2/app/manifests/1' | '  /v2/trimmed  '                                         || 'https://registry.example.com/v2/trimmed'           | true
        'https://registry.example.com/v2/app/manifests/1' | 'HTTPS://REGISTRY.EXAMPLE.COM/v2/x'                      || 'HTTPS://REGISTRY.EXAMPLE.COM/v2/x'                 | true
        'http://localhost:5000/v2/app/manifests/1'        | 'https://localhost:5000/v2/x'                            || 'https://localhost:5000/v2/x'                       | true
        'http://localhost:5000/v2/app/manifests/1'        | '/v2/x'                                                  || 'http://localhost:5000/v2/x'                        | true
        'https://registry.example.com/v2/app/manifests/1' | 'https://cdn.example.com/blob?sig=1'                     || 'https://cdn.example.com/blob?sig=1'                | false
        'https://registry.example.com/v2/app/manifests/1' | '//cdn.example.com/blob'                                 || 'https://cdn.example.com/blob'                      | false
        'https://registry.example.com/v2/app/manifests/1' | 'https://registry.example.com.evil.io/v2/x'              || 'https://registry.example.com.evil.io/v2/x'         | false
        'https://registry.example.com/v2/app/manifests/1' | 'https://registry.example.com:8443/v2/x'                 || 'https://registry.example.com:8443/v2/x'            | false
        'https://registry.example.com:5000/v2/x'          | 'https://registry.example.com:5001/v2/x'                 || 'https://registry.example.com:5001/v2/x'            | false
        'https://registry.example.com/v2/app/manifests/1' | 'https://user@registry.example.com/v2/x'                 || 'https://user@registry.example.com/v2/x'            | false
        'https://registry.example.com/v2/app/manifests/1' | 'http://registry.example.com/v2/x'                       || 'http://registry.example.com/v2/x'                  | false
        'https://localhost:5000/v2/app/manifests/1'       | 'http://localhost:5000/v2/x'                             || 'http://localhost:5000/v2/x'                        | false
    }

    @Unroll("#location -> #message")
    def "a redirect to a non-HTTP or malformed location is refused as an unexpected response"(String location, String message) {
        when:
        RequestSender.redirected(authorized(), location)

        then:
        TransportException e = thrown()
        e.kind() == Cause.UNEXPECTED_RESPONSE
        e.message == message
        !e.message.contains('sekrit')

        where:
        location                          || message
        'ftp://registry.example.com/x'    || 'redirect from registry.example.com to a non-HTTP location'
        'file:///etc/passwd'              || 'redirect from registry.example.com to a non-HTTP location'
        'javascript:alert(1)'             || 'redirect from registry.example.com to a non-HTTP location'
        'ldap://evil.example.com/a'       || 'redirect from registry.example.com to a non-HTTP location'
        'https://exa mple.com/x'          || 'redirect from registry.example.com to an invalid location'
        'http://[bad/x'                   || 'redirect from registry.example.com to an invalid location'
    }

    def "a redirect is followed, counted, and loses the Authorization header when it leaves the registry"() {
        given:
        ScriptedTransport transport = new ScriptedTransport(
                response(307, [Location: 'https://cdn.example.com/blob?sig=1']), response(200))

        when:
        RegistryResponse result = send(transport, POLICY, Duration.ofSeconds(30), authorized())

        then:
        result.status() == 200
        transport.requests*.uri() == [MANIFEST, URI.create('https://cdn.example.com/blob?sig=1')]
        transport.requests*.authorization() == [Secret.of('Bearer sekrit-token'), null]
        stats.manifestRequests() == 2
        stats.retries() == 0
    }

    def "a redirect loop ends after five hops with the last redirect response"() {
        given:
        ScriptedTransport transport = new ScriptedTransport(response(302, [Location: '/v2/app/manifests/1']))

        when:
        RegistryResponse result = send(transport)

        then:
        result.status() == 302
        transport.requests.size() == 6
    }

    def "a redirect status without a Location is returned as it is"() {
        given:
        ScriptedTransport transport = new ScriptedTransport(response(301))

        expect:
        send(transport).status() == 301
        transport.requests.size() == 1
    }

    // --- retries ------------------------------------------------------------------------------------------------

    def "a 429 is retried after a backoff and the next answer is returned"() {
        given:
        ScriptedTransport transport = new ScriptedTransport(response(429), response(200))

        when:
        RegistryResponse result = send(transport)

        then:
        result.status() == 200
        transport.requests.size() == 2
        sleeps == [Duration.ofMillis(100)]
        stats.retries() == 1
        stats.manifestRequests() == 2
    }

    def "a 429 with Retry-After waits as long as the registry asked"() {
        given:
        ScriptedTransport transport = new ScriptedTransport(response(429, ['Retry-After': '2']), response(200))

        when:
        RegistryResponse result = send(transport)

        then:
        result.status() == 200
        sleeps == [Duration.ofSeconds(2)]
    }

    def "a 503 on every try gives up after maxAttempts and returns the last response"() {
        given:
        RegistryResponse last = response(503)
        ScriptedTransport transport = new ScriptedTransport(response(503), response(503), last, response(200))

        when:
        RegistryResponse result = send(transport)

        then:
        result.is(last)
        transport.requests.size() == 3
        sleeps == [Duration.ofMillis(100), Duration.ofMillis(200)]
        stats.retries() == 2
    }

    @Unroll("#status -> retried: #retried")
    def "only 429, 502, 503 and 504 are retried"(int status, boolean retried) {
        given:
        ScriptedTransport transport = new ScriptedTransport(response(status), response(200))

        when:
        RegistryResponse result = send(transport)

        then:
        result.status() == (retried ? 200 : status)
        transport.requests.size() == (retried ? 2 : 1)
        sleeps.size() == (retried ? 1 : 0)

        where:
        status || retried
        429    || true
        502    || true
        503    || true
        504    || true
        500    || false
        501    || false
        400    || false
        401    || false
        403    || false
        404    || false
        200    || false
    }

    @Unroll("Retry-After #retryAfter with maxDelay 5 s -> retried: #retried")
    def "a Retry-After longer than the policy's maxDelay ends the retries"(String retryAfter, boolean retried) {
        given:
        ScriptedTransport transport = new ScriptedTransport(response(429, ['Retry-After': retryAfter]), response(200))

        when:
        RegistryResponse result = send(transport)

        then:
        result.status() == (retried ? 200 : 429)
        sleeps == (retried ? [Duration.ofSeconds(retryAfter as long)] : [])

        where:
        retryAfter  || retried
        '0'         || true
        '5'         || true
        '6'         || false
        '3600'      || false
        '999999999' || false
    }

    def "a Retry-After too long to count in seconds ends the retries too"() {
        given:
        ScriptedTransport transport = new ScriptedTransport(response(429, ['Retry-After': '10000000000']), response(200))

        when:
        RegistryResponse result = send(transport)

        then:
        result.status() == 429
        sleeps == []
    }

    def "a Retry-After that does not fit in the time left ends the retries"() {
        given:
        ScriptedTransport transport = new ScriptedTransport(response(503, ['Retry-After': '2']), response(200))

        when:
        RegistryResponse result = send(transport, POLICY, Duration.ofSeconds(1))

        then:
        result.status() == 503
        transport.requests.size() == 1
        sleeps == []
    }

    def "a deadline shorter than the backoff returns the response without waiting"() {
        given:
        ScriptedTransport transport = new ScriptedTransport(response(503), response(200))

        when:
        RegistryResponse result = send(transport, new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                Duration.ofMillis(50))

        then:
        result.status() == 503
        transport.requests.size() == 1
        sleeps == []
        stats.retries() == 0
    }

    def "the policy without retries sends once"() {
        given:
        ScriptedTransport transport = new ScriptedTransport(response(503), response(200))

        expect:
        send(transport, RetryPolicy.none()).status() == 503
        transport.requests.size() == 1
        sleeps == []
    }

    def "a reset connection is retried and the next answer is returned"() {
        given:
        ScriptedTransport transport = new ScriptedTransport(
                new TransportException(Cause.CONNECT, 'connection reset', true), response(200))

        when:
        RegistryResponse result = send(transport)

        then:
        result.status() == 200
        transport.requests.size() == 2
        sleeps == [Duration.ofMillis(100)]
        stats.retries() == 1
    }

    def "a connection reset on every try is thrown after maxAttempts"() {
        given:
        TransportException last = new TransportException(Cause.CONNECT, 'reset 3', true)
        ScriptedTransport transport = new ScriptedTransport(new TransportException(Cause.CONNECT, 'reset 1', true),
                new TransportException(Cause.CONNECT, 'reset 2', true), last, response(200))

        when:
        send(transport)

        then:
        TransportException e = thrown()
        e.is(last)
        transport.requests.size() == 3
        sleeps.size() == 2
    }

    @Unroll("#cause -> thrown at once")
    def "trouble a retry cannot cure is thrown at once"(Cause cause) {
        given:
        TransportException failure = new TransportException(cause, "$cause trouble")
        ScriptedTransport transport = new ScriptedTransport(failure, response(200))

        when:
        send(transport)

        then:
        TransportException e = thrown()
        e.is(failure)
        transport.requests.size() == 1
        sleeps == []
        stats.retries() == 0

        where:
        cause << [Cause.DNS, Cause.CONNECT, Cause.TLS, Cause.TIMEOUT]
    }

    def "a reset connection is not retried when the backoff does not fit in the time left"() {
        given:
        TransportException reset = new TransportException(Cause.CONNECT, 'connection reset', true)
        ScriptedTransport transport = new ScriptedTransport(reset, response(200))

        when:
        send(transport, new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(5)), Duration.ofMillis(50))

        then:
        TransportException e = thrown()
        e.is(reset)
        sleeps == []
    }

    def "an interrupt while waiting to retry ends the request as a timeout and keeps the thread interrupted"() {
        given:
        ScriptedTransport transport = new ScriptedTransport(response(503), response(200))
        RequestSender interrupted = new RequestSender(transport, POLICY, stats, CheckListener.silent(),
                { Duration wait -> throw new InterruptedException() } as RequestSender.Sleeper, new HighestRandom())

        when:
        interrupted.send(REF, RequestStats.Kind.MANIFEST, RegistryRequest.head(MANIFEST), Deadline.after(Duration.ofSeconds(30)))

        then:
        TransportException e = thrown()
        e.kind() == Cause.TIMEOUT
        e.message == 'interrupted while waiting to retry'
        Thread.interrupted()
        transport.requests.size() == 1
    }

    def "each request and retry is narrated without the Authorization value"() {
        given:
        ScriptedTransport transport = new ScriptedTransport(response(503), response(200))

        when:
        send(transport, POLICY, Duration.ofSeconds(30), authorized())

        then:
        steps == ["HEAD $MANIFEST -> 503 (HTTP/1.1)".toString(),
                  'retrying in 100 ms after 503 from registry.example.com',
                  "HEAD $MANIFEST -> 200 (HTTP/1.1)".toString()]
        steps.every { !it.contains('sekrit') }
    }

    def "a failed request is narrated with its error"() {
        given:
        ScriptedTransport transport = new ScriptedTransport(new TransportException(Cause.DNS, 'unknown host registry.example.com'))

        when:
        send(transport)

        then:
        thrown(TransportException)
        steps == ["HEAD $MANIFEST failed: unknown host registry.example.com".toString()]
    }

    @Unroll("#kind -> counted")
    def "each request is counted by its kind"(RequestStats.Kind kind) {
        given:
        ScriptedTransport transport = new ScriptedTransport(response(200))

        when:
        sender(transport).send(REF, kind, RegistryRequest.head(MANIFEST), Deadline.after(Duration.ofSeconds(5)))

        then:
        [stats.pings(), stats.tokenRequests(), stats.manifestRequests(), stats.blobRequests()] ==
                RequestStats.Kind.values().collect { it == kind ? 1 : 0 }

        where:
        kind << RequestStats.Kind.values()
    }
}

/** Answers from a script, one entry per request; the last entry repeats. Records the requests. */
class ScriptedTransport implements Transport {

    final List<Object> script
    final List<RegistryRequest> requests = []

    ScriptedTransport(Object... script) {
        this.script = script.toList()
    }

    @Override
    RegistryResponse send(RegistryRequest request, Deadline deadline) throws TransportException {
        requests << request
        Object next = script.size() > 1 ? script.remove(0) : script[0]
        if (next instanceof TransportException) {
            throw next
        }
        return next as RegistryResponse
    }

    @Override
    void close() {
    }
}

/** Always the largest value allowed, so backoff is its ceiling: baseDelay, 2 x baseDelay, ... */
class HighestRandom implements RandomGenerator {

    @Override
    long nextLong() {
        Long.MAX_VALUE
    }

    @Override
    long nextLong(long bound) {
        bound - 1
    }
}

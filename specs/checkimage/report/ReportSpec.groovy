package checkimage.report

import checkimage.json.Json
import checkimage.reference.Digest
import checkimage.reference.ImageReference
import checkimage.reference.InvalidReferenceException
import checkimage.result.Cause
import checkimage.result.CheckOutcome
import checkimage.result.CheckResult
import checkimage.result.RegistryError
import spock.lang.PendingFeature
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Duration

/**
 * The JSON document (schema version 1, documented in the README), the text table and the summary, for results of
 * every kind.
 */
class ReportSpec extends Specification {

    static final String INDEX = 'application/vnd.oci.image.index.v1+json'
    static final Digest RESOLVED = Digest.parse('sha256:' + 'a' * 64)
    static final Digest PINNED = Digest.parse('sha256:' + 'b' * 64)
    static final String JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl'

    static final List<String> RESULT_KEYS = ['input', 'origin', 'reference', 'familiar', 'registry', 'repository', 'tag',
                                             'status', 'digest', 'mediaType', 'size', 'platforms', 'reason', 'cause',
                                             'rejection', 'retryAfterSeconds', 'errors', 'credentialSource', 'elapsedMs', 'endpoint', 'endpointRepository', 'proxy', 'policy',
                                             'file', 'line', 'column', 'context', 'warnings', 'unevaluated']
    static final Map<String, Integer> REQUESTS = [pings: 3, tokenRequests: 2, manifestRequests: 6, blobRequests: 0, retries: 1]

    static String invalidReason(String input) {
        try {
            ImageReference.parse(input)
            throw new IllegalStateException("'$input' parsed")
        } catch (InvalidReferenceException e) {
            return e.message
        }
    }

    static ReportEntry entry(String input, CheckOutcome outcome, String source, long millis, String origin) {
        new ReportEntry(new CheckResult(input, outcome, source, Duration.ofMillis(millis)), origin)
    }

    /** One result of each status, in this order. */
    @Shared
    List<ReportEntry> entries = [
            entry('nginx',
                    new CheckOutcome.Accessible(ImageReference.parse('nginx'), RESOLVED, INDEX, 10229, ['linux/amd64', 'linux/arm64']),
                    'anonymous', 41, 'argument'),
            entry('ghcr.io/acme/app:9.9',
                    new CheckOutcome.Missing(ImageReference.parse('ghcr.io/acme/app:9.9'),
                            "manifest unknown: acme/app has no tag '9.9' (or the repository does not exist) [MANIFEST_UNKNOWN]",
                            [new RegistryError('MANIFEST_UNKNOWN', 'manifest unknown')]),
                    'docker config auths', 120, 'images.txt:3'),
            entry("registry.example.com/private/app@$PINNED",
                    new CheckOutcome.AuthRejected(ImageReference.parse("registry.example.com/private/app@$PINNED"),
                            CheckOutcome.Rejection.BAD_CREDENTIALS,
                            "registry.example.com rejected the credentials of user 'bob' (job auth) [UNAUTHORIZED]",
                            [new RegistryError('UNAUTHORIZED', "authentication required; Authorization: Bearer $JWT")]),
                    'job auth', 80, 'job.yaml task role worker'),
            entry('Not A Ref',
                    new CheckOutcome.InvalidReference('Not A Ref', invalidReason('Not A Ref')),
                    null, 0, 'argument'),
            entry('quay.io/org/tool:1',
                    new CheckOutcome.Unknown(ImageReference.parse('quay.io/org/tool:1'), Cause.RATE_LIMITED,
                            'rate limited by quay.io; retry after 30 s', Duration.ofSeconds(30),
                            [new RegistryError('TOOMANYREQUESTS', 'slow down, token=abc123')]),
                    '', 5000, 'argument'),
            entry('alpine:3.19',
                    new CheckOutcome.NotChecked(ImageReference.parse('alpine:3.19')),
                    null, 0, null),
    ]

    @Shared
    Map<String, Object> document = Json.object(Json.parse(JsonReport.render(entries, REQUESTS, 3)))

    Map<String, Object> result(String status) {
        Json.array(document.results).collect { Json.object(it) }.find { it.status == status }
    }

    // --- JSON ---------------------------------------------------------------------------------------------------

    def "the document has the schema version, results in input order, a summary, the request counts and the exit code"() {
        expect:
        document.keySet() as List == ['schemaVersion', 'results', 'summary', 'requests', 'registries', 'exitCode']
        document.schemaVersion == 1
        document.results*.input == ['nginx', 'ghcr.io/acme/app:9.9', "registry.example.com/private/app@$PINNED".toString(),
                                    'Not A Ref', 'quay.io/org/tool:1', 'alpine:3.19']
        document.summary == [total: 6, accessible: 1, missing: 1, auth_rejected: 1, invalid_reference: 1, unknown: 1, denied_by_policy: 0, not_checked: 1]
        document.requests == REQUESTS
        document.exitCode == 3
    }

    @Unroll("#status has every documented key")
    def "every result has every documented key, present with null when it does not apply"(String status) {
        expect:
        result(status).keySet() as List == RESULT_KEYS

        where:
        status << ['accessible', 'missing', 'auth_rejected', 'invalid_reference', 'unknown', 'not_checked']
    }

    @Unroll("#status -> #reference")
    def "the reference fields give the normalized reference, or null for an invalid one"(String status, String input,
            String reference, String familiar, String registry, String repository, String tag) {
        given:
        Map<String, Object> json = result(status)

        expect:
        json.input == input
        json.reference == reference
        json.familiar == familiar
        json.registry == registry
        json.repository == repository
        json.tag == tag

        where:
        status              || input                 | reference                                      | familiar                                     | registry               | repository        | tag
        'accessible'        || 'nginx'               | 'docker.io/library/nginx:latest'               | 'nginx:latest'                               | 'docker.io'            | 'library/nginx'   | 'latest'
        'missing'           || 'ghcr.io/acme/app:9.9'| 'ghcr.io/acme/app:9.9'                         | 'ghcr.io/acme/app:9.9'                       | 'ghcr.io'              | 'acme/app'        | '9.9'
        'auth_rejected'     || "registry.example.com/private/app@$PINNED" | "registry.example.com/private/app@$PINNED" | "registry.example.com/private/app@$PINNED" | 'registry.example.com' | 'private/app' | null
        'invalid_reference' || 'Not A Ref'           | null                                           | null                                         | null                   | null              | null
        'unknown'           || 'quay.io/org/tool:1'  | 'quay.io/org/tool:1'                           | 'quay.io/org/tool:1'                         | 'quay.io'              | 'org/tool'        | '1'
        'not_checked'       || 'alpine:3.19'         | 'docker.io/library/alpine:3.19'                | 'alpine:3.19'                                | 'docker.io'            | 'library/alpine'  | '3.19'
    }

    @Unroll("#status -> digest #digest")
    def "the manifest fields describe what was resolved, or the pinned digest, or null"(String status, String digest,
            String mediaType, Long size, List<String> platforms) {
        given:
        Map<String, Object> json = result(status)

        expect:
        json.digest == digest
        json.mediaType == mediaType
        json.size == size
        json.platforms == platforms

        where:
        status              || digest              | mediaType | size  | platforms
        'accessible'        || RESOLVED.toString() | INDEX     | 10229 | ['linux/amd64', 'linux/arm64']
        'missing'           || null                | null      | null  | []
        'auth_rejected'     || PINNED.toString()   | null      | null  | []
        'invalid_reference' || null                | null      | null  | []
        'unknown'           || null                | null      | null  | []
        'not_checked'       || null                | null      | null  | []
    }

    @Unroll("#status -> cause #cause, rejection #rejection")
    def "cause, rejection and retryAfterSeconds are set only for the statuses they belong to"(String status, String cause,
            String rejection, Long retryAfterSeconds) {
        given:
        Map<String, Object> json = result(status)

        expect:
        json.status == status
        json.cause == cause
        json.rejection == rejection
        json.retryAfterSeconds == retryAfterSeconds

        where:
        status              || cause          | rejection         | retryAfterSeconds
        'accessible'        || null           | null              | null
        'missing'           || null           | null              | null
        'auth_rejected'     || null           | 'bad_credentials' | null
        'invalid_reference' || null           | null              | null
        'unknown'           || 'rate_limited' | null              | 30
        'not_checked'       || null           | null              | null
    }

    @Unroll("#status -> #source, #elapsedMs ms, #origin")
    def "provenance, elapsed time, origin and registry errors are reported; an empty source is null"(String status,
            String source, long elapsedMs, String origin, List<Map<String, String>> errors) {
        given:
        Map<String, Object> json = result(status)

        expect:
        json.credentialSource == source
        json.elapsedMs == elapsedMs
        json.origin == origin
        json.errors == errors

        where:
        status              || source                | elapsedMs | origin                      | errors
        'accessible'        || 'anonymous'           | 41        | 'argument'                  | []
        'missing'           || 'docker config auths' | 120       | 'images.txt:3'              | [[code: 'MANIFEST_UNKNOWN', message: 'manifest unknown']]
        'auth_rejected'     || 'job auth'            | 80        | 'job.yaml task role worker' | [[code: 'UNAUTHORIZED', message: 'authentication required; Authorization: Bearer ***']]
        'invalid_reference' || null                  | 0         | 'argument'                  | []
        'unknown'           || null                  | 5000      | 'argument'                  | [[code: 'TOOMANYREQUESTS', message: 'slow down, token=***']]
        'not_checked'       || null                  | 0         | ''                          | []
    }

    def "the reason is each outcome's one line"() {
        expect:
        document.results*.reason == entries*.result()*.outcome()*.reason()
        result('invalid_reference').reason.contains('Not A Ref')
    }

    def "inputs, reasons and error messages are redacted"() {
        given:
        ReportEntry leaky = entry("ghcr.io/acme/app:1 password=hunter2",
                new CheckOutcome.Unknown(ImageReference.parse('ghcr.io/acme/app:1'), Cause.UNEXPECTED_RESPONSE,
                        "token server said {\"token\":\"$JWT\"}", null, [new RegistryError('DENIED', 'bad secret=s3cr3t')]),
                'job auth', 1, 'argument')

        when:
        String json = JsonReport.render([leaky], [:], 3)

        then:
        !json.contains('hunter2')
        !json.contains(JWT)
        !json.contains('s3cr3t')
        Json.object(Json.array(Json.object(Json.parse(json)).results)[0]).input == 'ghcr.io/acme/app:1 password=***'
    }

    def "the proxy that carried a result is reported, never with credentials in its URL"() {
        given:
        ReportEntry proxied = new ReportEntry(new CheckResult('ghcr.io/acme/app:1',
                new CheckOutcome.Unknown(ImageReference.parse('ghcr.io/acme/app:1'), Cause.PROXY,
                        'cannot connect to proxy http://carol:pw-123@proxy.corp:3128 (for ghcr.io)', null, []),
                'anonymous', Duration.ofMillis(3), 'ghcr.io', '', 'http://carol:pw-123@proxy.corp:3128', []), 'argument')

        when:
        Map result = Json.object(Json.array(Json.object(Json.parse(JsonReport.render([proxied], [:], 0))).results)[0])

        then:
        result.proxy == 'http://***@proxy.corp:3128'
        result.cause == 'proxy'
        result.reason == 'cannot connect to proxy http://***@proxy.corp:3128 (for ghcr.io)'
    }

    def "an image whose name ends in a credential word is reported with its tag"() {
        given:
        ReportEntry offline = entry('thomseddon/traefik-forward-auth:2',
                new CheckOutcome.NotChecked(ImageReference.parse('thomseddon/traefik-forward-auth:2')), null, 0, 'argument')

        when:
        Map<String, Object> json = Json.object(Json.array(Json.object(Json.parse(JsonReport.render([offline], [:], 0))).results)[0])

        then:
        json.input == 'thomseddon/traefik-forward-auth:2'
        json.reason == 'not checked (offline); normalized to docker.io/thomseddon/traefik-forward-auth:2'
    }

    def "an accessible result without a media type or size reports them as null"() {
        given:
        ReportEntry bare = entry('nginx', new CheckOutcome.Accessible(ImageReference.parse('nginx'), RESOLVED, '', -1, []),
                null, 1, 'argument')

        when:
        Map<String, Object> json = Json.object(Json.array(Json.object(Json.parse(JsonReport.render([bare], [:], 0))).results)[0])

        then:
        json.containsKey('mediaType') && json.mediaType == null
        json.containsKey('size') && json.size == null
        json.digest == RESOLVED.toString()
    }

    def "a report without results has an empty list and a zero summary"() {
        when:
        Map<String, Object> empty = Json.object(Json.parse(JsonReport.render([], [:], 0)))

        then:
        empty.results == []
        empty.summary == [total: 0, accessible: 0, missing: 0, auth_rejected: 0, invalid_reference: 0, unknown: 0, denied_by_policy: 0, not_checked: 0]
        empty.requests == [:]
        empty.exitCode == 0
    }

    // --- text ---------------------------------------------------------------------------------------------------

    def "the table has a header, one row per result in input order and a summary line"() {
        when:
        List<String> lines = TextReport.render(entries, false, false).readLines()

        then:
        lines.size() == 8
        lines[0] ==~ /REFERENCE +RESULT +DETAIL/
        lines[1].startsWith('nginx:latest ')
        lines[2].startsWith('ghcr.io/acme/app:9.9 ')
        lines[3].startsWith("registry.example.com/private/app@$PINNED ")
        lines[4].startsWith('Not A Ref ')
        lines[5].startsWith('quay.io/org/tool:1 ')
        lines[6].startsWith('alpine:3.19 ')
        lines[7] == '6 images: 1 accessible, 1 missing, 1 auth rejected, 1 invalid reference, 1 unknown, 1 not checked'
    }

    @Unroll("row #row -> #word")
    def "the result and detail columns line up under the header"(int row, String word, String detail) {
        given:
        List<String> lines = TextReport.render(entries, false, false).readLines()
        int resultColumn = lines[0].indexOf('RESULT')
        int detailColumn = lines[0].indexOf('DETAIL')

        expect:
        lines[row].substring(resultColumn).startsWith(word + ' ')
        lines[row].substring(detailColumn) == detail

        where:
        row || word                | detail
        1   || 'accessible'        | "$RESOLVED  $INDEX  [linux/amd64, linux/arm64]"
        2   || 'missing'           | "manifest unknown: acme/app has no tag '9.9' (or the repository does not exist) [MANIFEST_UNKNOWN]"
        4   || 'invalid reference' | invalidReason('Not A Ref')
        5   || 'unknown'           | 'rate limited by quay.io; retry after 30 s'
        6   || 'not checked'       | 'not checked (offline); normalized to docker.io/library/alpine:3.19'
    }

    def "a label wider than the column, like any digest-pinned reference, pushes only its own row to the right"() {
        when:
        List<String> lines = TextReport.render(entries, false, false).readLines()

        then:
        lines[3] == "registry.example.com/private/app@$PINNED  auth rejected      " +
                "registry.example.com rejected the credentials of user 'bob' (job auth) [UNAUTHORIZED]"
        lines[2].indexOf('missing') == lines[0].indexOf('RESULT')
    }

    def "the table has no ANSI codes unless colour is asked for"() {
        expect:
        !TextReport.render(entries, false, false).contains('\u001b')
        !TextReport.render(entries, false, true).contains('\u001b')
    }

    @Unroll("#word -> #code")
    def "with colour each result word is coloured by how bad it is and reset after"(int row, String word, String code) {
        when:
        String line = TextReport.render(entries, true, false).readLines()[row]

        then:
        line.contains(code + word)
        line.contains('\u001b[0m')

        where:
        row || word                | code
        1   || 'accessible'        | '\u001b[32m'
        2   || 'missing'           | '\u001b[31m'
        3   || 'auth rejected'     | '\u001b[31m'
        4   || 'invalid reference' | '\u001b[31m'
        5   || 'unknown'           | '\u001b[33m'
        6   || 'not checked'       | '\u001b[36m'
    }

    def "with colour the header and summary stay plain"() {
        when:
        List<String> lines = TextReport.render(entries, true, false).readLines()

        then:
        !lines.first().contains('\u001b')
        !lines.last().contains('\u001b')
    }

    def "the credential source is shown only when asked for, and only when there is one"() {
        when:
        List<String> shown = TextReport.render(entries, false, true).readLines()
        List<String> hidden = TextReport.render(entries, false, false).readLines()

        then:
        shown[1].endsWith('  (credentials: anonymous)')
        shown[2].endsWith('  (credentials: docker config auths)')
        shown[3].endsWith('  (credentials: job auth)')
        [4, 5, 6].every { !shown[it].contains('(credentials:') }
        hidden.every { !it.contains('(credentials:') }
    }

    def "the text table is redacted too"() {
        given:
        ReportEntry leaky = entry("Bad Ref password=hunter2",
                new CheckOutcome.InvalidReference('Bad Ref password=hunter2', "invalid reference; Authorization: Bearer $JWT"),
                null, 0, 'argument')

        when:
        String text = TextReport.render([leaky], false, false)

        then:
        !text.contains('hunter2')
        !text.contains(JWT)
        text.readLines()[1].startsWith('Bad Ref password=*** ')
    }

    def "a label longer than 72 characters is not padded further, so the table keeps a bounded width"() {
        given:
        String longName = 'registry.example.com/' + 'a' * 80 + ':1'
        ReportEntry wide = entry(longName, new CheckOutcome.NotChecked(ImageReference.parse(longName)), null, 0, 'argument')

        when:
        List<String> lines = TextReport.render([wide], false, false).readLines()

        then:
        lines[0].indexOf('RESULT') == 74
        lines[1].startsWith(longName + '  not checked')
    }

    // --- summary ------------------------------------------------------------------------------------------------

    @Unroll("#statuses -> #expected")
    def "the summary counts results by status and names only the statuses present"(List<Integer> statuses, String expected) {
        when:
        Summary summary = Summary.of(statuses.collect { entries[it] })

        then:
        summary.toString() == expected
        summary.total() == statuses.size()

        where:
        statuses            || expected
        []                  || '0 images'
        [0]                 || '1 image: 1 accessible'
        [0, 0, 1]           || '3 images: 2 accessible, 1 missing'
        [4, 1, 4]           || '3 images: 1 missing, 2 unknown'
        [5, 3, 2]           || '3 images: 1 auth rejected, 1 invalid reference, 1 not checked'
        [0, 1, 2, 3, 4, 5]  || '6 images: 1 accessible, 1 missing, 1 auth rejected, 1 invalid reference, 1 unknown, 1 not checked'
    }

    def "a status without results counts zero"() {
        when:
        Summary summary = Summary.of([entries[0], entries[0]])

        then:
        summary.count(Status.ACCESSIBLE) == 2
        Status.values().findAll { it != Status.ACCESSIBLE }.every { summary.count(it) == 0 }
    }

    @Unroll("#kind -> #word")
    def "every outcome kind has a stable status word"(CheckOutcome.Kind kind, String word) {
        expect:
        Status.of(entries.find { it.result().kind() == kind }.result().outcome()).word() == word

        where:
        kind                                || word
        CheckOutcome.Kind.ACCESSIBLE        || 'accessible'
        CheckOutcome.Kind.MISSING           || 'missing'
        CheckOutcome.Kind.AUTH_REJECTED     || 'auth_rejected'
        CheckOutcome.Kind.INVALID_REFERENCE || 'invalid_reference'
        CheckOutcome.Kind.UNKNOWN           || 'unknown'
        CheckOutcome.Kind.NOT_CHECKED       || 'not_checked'
    }
}

package checkimage.cli

import checkimage.client.ImageChecker
import checkimage.dsl.PolicyLoader
import checkimage.fixture.ImageDocuments
import checkimage.fixture.ImageFormat
import checkimage.fixture.ImageTraits
import checkimage.fixture.Platform
import checkimage.fixture.RegistryFixture
import checkimage.json.Json
import checkimage.policy.Policy
import checkimage.reference.ImageReference
import checkimage.result.CheckResult
import checkimage.result.RuleFinding
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset
import java.time.temporal.ChronoUnit

/**
 * Image rules against a real token-auth registry: images pushed with chosen config {@code created}, labels, User,
 * layer sizes and base-image annotations (single manifests and two-platform OCI indexes); one rule at a time,
 * passing and failing, scoped and unscoped, warning and denying, waived and with an expired waiver; the request
 * log and the JSON request counts show that a config blob is read only when an image rule applies. Dates are
 * relative to now (10 days, 400 days old), so no spec depends on today's date.
 */
class ImageRulesIntegrationSpec extends Specification {

    static final String SOURCE = 'org.opencontainers.image.source'
    static final String VENDOR = 'org.opencontainers.image.vendor'

    @Shared
    RegistryFixture registry

    @Shared
    Map<String, String> digests = [:]

    @Shared
    Map<String, String> configs = [:]

    @TempDir
    Path dir

    def setupSpec() {
        registry = RegistryFixture.start(RegistryFixture.Mode.TOKEN)
        String fresh = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()
        String old = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()
        ImageTraits good = ImageTraits.of(created: fresh, user: 'app', baseAnnotation: 'docker.io/library/alpine:3.20',
                labels: [(SOURCE): 'https://github.com/acme/app', (VENDOR): 'ACME Corp'])
        ImageTraits stale = ImageTraits.of(created: old, paddingBytes: 40_000)
        ImageTraits rooted = ImageTraits.of(created: fresh, user: '0:0',
                labels: [(VENDOR): 'Other Inc', (ImageTraits.BASE_NAME): 'quay.io/evil/base:1'])
        Platform amd64 = Platform.parse('linux/amd64')
        push('fresh:1', amd64, good)
        push('fresh:2', amd64, good)
        push('stale:1', amd64, stale)
        push('rooted:1', amd64, rooted)
        push('undated:1', amd64, ImageTraits.of(user: 'app'))
        push('legacy-app:1', amd64, stale)
        digests['multi:1'] = registry.seeder.pushIndex('library/multi', '1', ['linux/amd64', 'linux/arm64'], ImageFormat.OCI, false, good)
        digests['multi-stale:1'] = registry.seeder.pushIndex('library/multi-stale', '1', ['linux/amd64', 'linux/arm64'],
                ImageFormat.OCI, false, stale)
        digests['arm-only:1'] = registry.seeder.pushIndex('library/arm-only', '1', ['linux/arm64'], ImageFormat.OCI, false, good)
    }

    def cleanupSpec() {
        registry?.close()
    }

    def setup() {
        registry.clearRequestLog()
        registry.tokenServer.reset()
    }

    private void push(String name, Platform platform, ImageTraits traits) {
        String[] parts = name.split(':')
        configs[name] = ImageDocuments.image(platform, ImageFormat.OCI, traits).config().digest()
        digests[name] = registry.seeder.pushImage("library/${parts[0]}".toString(), parts[1], platform, ImageFormat.OCI, traits)
    }

    String image(String name) {
        "${registry.host}/library/${name}".toString()
    }

    Path policy(String text) {
        Path file = dir.resolve('policy.groovy')
        Files.writeString(file, text.replace('HOST', registry.host).stripIndent())
        file
    }

    CliRunner.Run run(Path policy, List<String> images, List<String> extra = []) {
        CliRunner.run(['--policy', policy.toString(), '--ca-file', registry.caFile.toString()] + extra + images.collect { image(it) })
    }

    Map json(Path policy, List<String> images, List<String> extra = []) {
        CliRunner.Run run = run(policy, images, extra + ['-o', 'json'])
        assert run.out: run.err
        Json.parse(run.out) as Map
    }

    List<String> blobReads() {
        registry.requestLog.findAll { it.startsWith('GET ') && it.contains('/blobs/') }
    }

    @Unroll("#rule on #name: #status")
    def "each image rule passes a conforming image and denies one that breaks it, naming the rule, file and line"() {
        given:
        Path file = policy("allow 'HOST/**'\nimage {\n  ${rule}\n}\n")

        when:
        Map doc = json(file, [name])
        Map result = doc.results[0] as Map

        then:
        result.status == status
        doc.exitCode == (status == 'accessible' ? 0 : 1)
        status == 'accessible' || result.reason.startsWith("denied by ${rule} (policy.groovy, line 3): ".toString())
        result.reason.contains(reason)
        status == 'accessible' || result.policy == [verdict: 'image_denied', rule: rule, origin: 'policy.groovy, line 3',
                                                     message: result.reason]
        result.warnings == []

        where:
        rule                                    | name            | status             | reason
        "maxAge '180d'"                         | 'fresh:1'       | 'accessible'       | ''
        "maxAge '180d'"                         | 'stale:1'       | 'denied_by_policy' | 'days ago, more than 180d'
        "maxAge '180d'"                         | 'undated:1'     | 'denied_by_policy' | 'the config has no created date (data is missing)'
        "maxAge '180d'"                         | 'multi:1'       | 'accessible'       | ''
        "maxAge '180d'"                         | 'multi-stale:1' | 'denied_by_policy' | 'more than 180d'
        "maxSize '20kB'"                        | 'fresh:1'       | 'accessible'       | ''
        "maxSize '20kB'"                        | 'stale:1'       | 'denied_by_policy' | 'more than 20kB'
        "requireLabel '${SOURCE}'"              | 'fresh:1'       | 'accessible'       | ''
        "requireLabel '${SOURCE}'"              | 'stale:1'       | 'denied_by_policy' | "label '${SOURCE}' is missing (data is missing)"
        "label '${VENDOR}', 'ACME*'"            | 'fresh:1'       | 'accessible'       | ''
        "label '${VENDOR}', 'ACME*'"            | 'rooted:1'      | 'denied_by_policy' | "label '${VENDOR}' is 'Other Inc', which does not match 'ACME*'"
        'forbidRootUser()'                      | 'fresh:1'       | 'accessible'       | ''
        'forbidRootUser()'                      | 'rooted:1'      | 'denied_by_policy' | "runs as root (User '0:0')"
        'forbidRootUser()'                      | 'stale:1'       | 'denied_by_policy' | 'the config sets no User (data is missing)'
        "baseImage 'docker.io/library/*'"       | 'fresh:1'       | 'accessible'       | ''
        "baseImage 'docker.io/library/*'"       | 'rooted:1'      | 'denied_by_policy' | "base image quay.io/evil/base:1 matches none of 'docker.io/library/*'"
        "baseImage 'docker.io/library/*'"       | 'stale:1'       | 'denied_by_policy' | 'names no base image'
        "baseImage 'quay.io/evil/*', 'x.io/**'" | 'rooted:1'      | 'accessible'       | ''
    }

    def "an index is judged on each required platform, and the message names the platform that breaks the rule"() {
        given:
        Path file = policy("platforms 'linux/amd64', 'linux/arm64'\nimage { maxAge '180d' }\n")

        when:
        Map doc = json(file, ['multi-stale:1', 'multi:1'])

        then:
        doc.results*.status == ['denied_by_policy', 'accessible']
        doc.results[0].reason.startsWith("denied by maxAge '180d' (policy.groovy, line 2): linux/amd64: created ")
        blobReads().size() == 4
        doc.requests.blobRequests == 4
    }

    def "a rule in a warn block warns with rule, origin and message, and passes unless --fail-on-warning"() {
        given:
        Path file = policy("warn {\n  image { maxAge '180d' }\n}\n")

        when:
        Map doc = json(file, ['stale:1', 'fresh:1'])
        CliRunner.Run text = run(file, ['stale:1'])
        CliRunner.Run strict = run(file, ['stale:1'], ['--fail-on-warning'])

        then:
        doc.exitCode == 0
        doc.results*.status == ['accessible', 'accessible']
        doc.results[0].warnings.size() == 1
        doc.results[0].warnings[0].rule == "maxAge '180d'"
        doc.results[0].warnings[0].origin == 'policy.groovy, line 2'
        doc.results[0].warnings[0].message.contains('days ago, more than 180d')
        doc.results[1].warnings == []
        text.exitCode == 0
        text.out.contains("  warning: maxAge '180d' (policy.groovy, line 2): created ")
        strict.exitCode == 1
    }

    def "match scopes rules: only the matched images are judged, and only theirs config blobs are read"() {
        given:
        Path file = policy("match('HOST/library/stale', 'HOST/library/rooted') {\n  image { maxAge '180d' }\n}\n")

        when:
        Map doc = json(file, ['stale:1', 'legacy-app:1', 'fresh:1'])

        then:
        doc.results*.status == ['denied_by_policy', 'accessible', 'accessible']
        doc.results[0].policy.origin == 'policy.groovy, line 2'
        blobReads() == ["GET /v2/library/stale/blobs/${configOf('stale:1')}".toString()]
        doc.requests.blobRequests == 1
    }

    def "without an image rule that applies, no config blob is read at all"() {
        given:
        Path file = policy(text)

        when:
        Map doc = json(file, ['stale:1', 'fresh:1'])

        then:
        doc.results*.status == ['accessible', 'accessible']
        blobReads().empty
        doc.requests.blobRequests == 0
        registry.requestLog.findAll { it.startsWith('GET ') && it.contains('/manifests/') }.empty

        where:
        text << ["allow 'HOST/**'\n", "match('HOST/team/**') { image { maxAge '1d' } }\n"]
    }

    def "one config blob is read per distinct image, however many references name it"() {
        given:
        Path file = policy("image { maxAge '180d' }\n")

        when:
        Map doc = json(file, ['fresh:1', 'fresh:2', 'fresh:1'])

        then:
        doc.results*.status == ['accessible'] * 3
        doc.requests.blobRequests == 1
        blobReads().size() == 1
    }

    def "rules that need no registry decide first: a scoped tag rule denies without any request"() {
        given:
        Path file = policy("match('HOST/library/**') {\n  tags { requireDigest true }\n  image { maxAge '180d' }\n}\n")

        when:
        Map doc = json(file, ['stale:1'])

        then:
        doc.results[0].status == 'denied_by_policy'
        doc.results[0].reason == 'not pinned by digest: denied by requireDigest true (policy.groovy, line 2)'
        registry.requestLog.empty
        doc.requests == [:]
    }

    def "deprecated denies with the replacement, before any request"() {
        given:
        Path file = policy("deprecated 'HOST/library/stale', use: 'HOST/library/fresh'\n")

        when:
        Map doc = json(file, ['stale:1'])

        then:
        doc.results[0].status == 'denied_by_policy'
        doc.results[0].reason == "denied by deprecated '${image('stale')}' (policy.groovy, line 1): ${image('stale')} is deprecated; use ${image('fresh')}".toString()
        registry.requestLog.empty
    }

    def "an active waiver turns a denial into a warning that names the waiver; an expired one denies and says it expired"() {
        given:
        Path file = policy("image { maxAge '180d' }\nwaive 'HOST/library/legacy-*', until: '${until}', reason: 'OPS-1234'\n")

        when:
        Map doc = json(file, ['legacy-app:1', 'stale:1'])
        Map legacy = doc.results[0] as Map

        then:
        legacy.status == status
        doc.results[1].status == 'denied_by_policy'
        legacy.warnings.size() == 1
        legacy.warnings[0].message.contains(warning)
        legacy.warnings[0].origin == origin

        where:
        until                                          | status             | origin                  | warning
        LocalDate.now(ZoneOffset.UTC).plusYears(1)     | 'accessible'       | 'policy.groovy, line 1' | "(waived until ${LocalDate.now(ZoneOffset.UTC).plusYears(1)}, OPS-1234, by waive '"
        '2020-01-01'                                   | 'denied_by_policy' | 'policy.groovy, line 2' | "waiver expired on 2020-01-01 (OPS-1234); maxAge '180d' denies again"
    }

    def "an image that cannot be read for its rules is unknown, not denied"() {
        given:
        Path file = policy("image { maxAge '180d' }\n")

        when:
        Map doc = json(file, ['arm-only:1'])

        then:
        doc.results[0].status == 'unknown'
        doc.results[0].reason.startsWith("image rules not evaluated (maxAge '180d' at policy.groovy, line 1): ")
        doc.results[0].reason.contains('has no linux/amd64 image to read for the image rules')
        doc.exitCode == 0
    }

    def "--offline judges the reference rules and lists the image rules it could not evaluate"() {
        given:
        Path file = policy("image { maxAge '180d' }\nwarn { image { requireLabel 'a.b' } }\n")

        when:
        Map doc = json(file, ['stale:1'], ['--offline'])
        CliRunner.Run text = run(file, ['stale:1'], ['--offline'])

        then:
        doc.results[0].status == 'not_checked'
        doc.results[0].unevaluated == [[rule: "maxAge '180d'", origin: 'policy.groovy, line 1'],
                                       [rule: "requireLabel 'a.b'", origin: 'policy.groovy, line 2']]
        text.out.contains("  not evaluated offline: maxAge '180d' (policy.groovy, line 1)")
        registry.requestLog.empty
    }

    def "from JShell, a checker built with a policy reports the image-rule verdicts in its results"() {
        given:
        Policy loaded = new PolicyLoader().load(policy("image { maxAge '180d' }\nwarn { image { requireLabel '${SOURCE}' } }\n"), [:])
        ImageChecker checker = ImageChecker.builder().caFile(registry.caFile).policy(loaded).build()

        when:
        List<CheckResult> results = checker.check([ImageReference.parse(image('stale:1')), ImageReference.parse(image('fresh:1'))])

        then:
        results[0].isAccessible()
        results[0].denial().get().rule() == "maxAge '180d'"
        results[0].findings()*.level == [RuleFinding.Level.DENY, RuleFinding.Level.WARN]
        results[1].findings().empty
        loaded.evaluate(ImageReference.parse(image('stale:1'))).allowed()

        cleanup:
        checker?.close()
    }

    private String configOf(String name) {
        configs[name]
    }
}

package checkimage.policy

import checkimage.dsl.PolicyLoader
import checkimage.reference.ImageReference
import spock.lang.Specification
import spock.lang.Unroll

import java.nio.file.Path
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset

/**
 * Image rules decided on typed facts with a fixed clock: no registry, no real time. Also the size, age and date
 * parsers, and how waivers and warn blocks shape a verdict.
 */
class ImageRuleEvaluationSpec extends Specification {

    static final Instant NOW = Instant.parse('2027-03-31T12:00:00Z')
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC)
    static final ImageReference APP = ImageReference.parse('ghcr.io/acme/app:1')
    static final ImageReference LEGACY = ImageReference.parse('docker.io/library/legacy-db:9')

    static ImageFacts facts(Map<String, Object> values = [:]) {
        new ImageFacts((values.platform ?: 'linux/amd64') as String,
                Optional.ofNullable(values.containsKey('created') ? values.created as Instant : NOW.minus(Duration.ofDays(10))),
                values.containsKey('size') ? (values.size == null ? OptionalLong.empty() : OptionalLong.of(values.size as long)) : OptionalLong.of(1000),
                (values.labels ?: [:]) as Map<String, String>,
                Optional.ofNullable(values.containsKey('user') ? values.user as String : 'app'),
                Optional.ofNullable(values.base as String))
    }

    static Policy load(String text) {
        new PolicyLoader().load(text, 'policy.groovy', [:], Path.of('.'))
    }

    @Unroll("#rule on #values -> #expected")
    def "an image rule holds or says what is wrong, and absent data breaks it"(String rule, Map values, String expected) {
        given:
        ImageRule parsed = load("image { ${rule} }").rulebook().scoped()[0].image()[0]

        expect:
        parsed.violation(facts(values), NOW).orElse('holds') == expected

        where:
        rule                                  | values                                        | expected
        "maxAge '180d'"                       | [:]                                           | 'holds'
        "maxAge '180d'"                       | [created: NOW.minus(Duration.ofDays(181))]    | 'created 2026-10-01T12:00:00Z, 181 days ago, more than 180d'
        "maxAge '180d'"                       | [created: null]                               | 'the config has no created date (data is missing)'
        "maxAge '26w'"                        | [created: NOW.minus(Duration.ofDays(182))]    | 'holds'
        "maxSize '1kB'"                       | [size: 1000]                                  | 'holds'
        "maxSize '1kB'"                       | [size: 1001]                                  | 'layers add up to 1001 B (1001 bytes), more than 1kB'
        "maxSize '2GiB'"                      | [size: 3L << 30]                              | 'layers add up to 3.0 GiB (3221225472 bytes), more than 2GiB'
        "maxSize '2GiB'"                      | [size: null]                                  | 'the manifest gives no layer sizes (data is missing)'
        "requireLabel 'a.b'"                  | [labels: ['a.b': 'x']]                        | 'holds'
        "requireLabel 'a.b'"                  | [labels: ['a.b': ' ']]                        | "label 'a.b' is missing (data is missing)"
        "label 'vendor', 'ACME*'"             | [labels: [vendor: 'ACME Corp']]               | 'holds'
        "label 'vendor', 'ACME*'"             | [labels: [vendor: 'acme']]                    | "label 'vendor' is 'acme', which does not match 'ACME*'"
        "label 'vendor', 'A.C'"               | [labels: [vendor: 'ABC']]                     | "label 'vendor' is 'ABC', which does not match 'A.C'"
        'forbidRootUser()'                    | [user: '1000:1000']                           | 'holds'
        'forbidRootUser()'                    | [user: 'root:wheel']                          | "runs as root (User 'root:wheel')"
        'forbidRootUser()'                    | [user: '0']                                   | "runs as root (User '0')"
        'forbidRootUser()'                    | [user: '']                                    | "runs as root (User '')"
        'forbidRootUser()'                    | [user: null]                                  | 'the config sets no User (data is missing), so the image runs as root'
        "baseImage 'gcr.io/distroless/**'"    | [base: 'gcr.io/distroless/static:nonroot']    | 'holds'
        "baseImage 'docker.io/library/*'"     | [base: 'alpine:3.20']                         | 'holds'
        "baseImage 'docker.io/library/*'"     | [base: 'quay.io/x/y']                         | "base image quay.io/x/y:latest matches none of 'docker.io/library/*'"
        "baseImage 'docker.io/library/*'"     | [base: 'Not A Reference']                     | "base image 'Not A Reference' is not a valid reference"
        "baseImage 'docker.io/library/*'"     | [:]                                           | 'the image names no base image (org.opencontainers.image.base.name; data is missing)'
    }

    def "warn rules and waived rules become warnings; the first unwaived denial decides"() {
        given:
        Policy policy = load("""\
            image { maxAge '180d' }
            warn { image { requireLabel 'a.b' } }
            match('ghcr.io/acme/**') { image { forbidRootUser() } }
            waive 'docker.io/library/legacy-*', until: '2027-03-31', reason: 'OPS-1234'
            """.stripIndent())
        ImageRuleEvaluator evaluator = new ImageRuleEvaluator(policy, CLOCK)
        ImageFacts old = facts(created: NOW.minus(Duration.ofDays(400)), user: 'root')

        when:
        Verdict app = evaluator.judge(APP, [old])
        Verdict legacy = evaluator.judge(LEGACY, [old])
        Verdict tomorrow = new ImageRuleEvaluator(policy, Clock.offset(CLOCK, Duration.ofDays(1))).judge(LEGACY, [old])

        then:
        evaluator.rulesFor(APP)*.describe() == ["maxAge '180d'", "requireLabel 'a.b'", 'forbidRootUser()']
        evaluator.rulesFor(LEGACY)*.describe() == ["maxAge '180d'", "requireLabel 'a.b'"]
        app.kind() == Verdict.Kind.IMAGE_DENIED
        app.message() == "denied by maxAge '180d' (policy.groovy, line 1): created 2026-02-24T12:00:00Z, 400 days ago, more than 180d"
        app.warnings()*.rule == ["requireLabel 'a.b'"]
        legacy.allowed()
        legacy.warnings()*.message == [
                "created 2026-02-24T12:00:00Z, 400 days ago, more than 180d (waived until 2027-03-31, OPS-1234, by waive 'docker.io/library/legacy-*' at policy.groovy, line 4)",
                "label 'a.b' is missing (data is missing)"]
        tomorrow.kind() == Verdict.Kind.IMAGE_DENIED
        tomorrow.warnings()*.message[0] == "waiver expired on 2027-03-31 (OPS-1234); maxAge '180d' denies again"
    }

    def "an index names the platform that breaks a rule"() {
        given:
        ImageRuleEvaluator evaluator = new ImageRuleEvaluator(load("image { maxSize '1kB' }"), CLOCK)

        expect:
        evaluator.judge(APP, [facts(platform: 'linux/amd64'), facts(platform: 'linux/arm64', size: 5000)]).message() ==
                "denied by maxSize '1kB' (policy.groovy, line 1): linux/arm64: layers add up to 4.9 KiB (5000 bytes), more than 1kB"
    }

    def "reference rules of match and warn blocks, deprecations and waivers decide before any request"() {
        given:
        Policy policy = load("""\
            deprecated 'k8s.gcr.io', use: 'registry.k8s.io'
            match('ghcr.io/acme/**') { tags { requireDigest true } }
            warn { tags { forbid 'latest' } }
            waive 'ghcr.io/acme/legacy', until: '2027-04-01', reason: 'OPS-9'
            """.stripIndent())
        PolicyEvaluator evaluator = new PolicyEvaluator(policy, CLOCK)

        expect:
        evaluator.evaluate(ImageReference.parse(reference)).message() == message
        evaluator.evaluate(ImageReference.parse(reference)).warnings()*.message == warnings

        where:
        reference                   | message                                                                                        | warnings
        'k8s.gcr.io/pause:3.9'      | "denied by deprecated 'k8s.gcr.io' (policy.groovy, line 1): k8s.gcr.io is deprecated; use registry.k8s.io" | []
        'ghcr.io/acme/app:1'        | 'not pinned by digest: denied by requireDigest true (policy.groovy, line 2)'                  | []
        'ghcr.io/acme/legacy:1'     | 'allowed: no rule applies'                                                                     | ["not pinned by digest (waived until 2027-04-01, OPS-9, by waive 'ghcr.io/acme/legacy' at policy.groovy, line 4)"]
        'ubuntu'                    | 'allowed: no rule applies'                                                                     | ["tag 'latest' is forbidden"]
        'ubuntu:24.04'              | 'allowed: no rule applies'                                                                     | []
    }

    @Unroll("size #text -> #bytes")
    def "sizes are a whole number and a decimal or binary unit"(String text, long bytes) {
        expect:
        PolicyValues.size(text) == bytes

        where:
        text     | bytes
        '2GiB'   | 2L << 30
        '500MiB' | 500L << 20
        '1GB'    | 1_000_000_000L
        '10kB'   | 10_000L
        '7B'     | 7L
    }

    @Unroll("#kind #text is refused, naming the accepted forms")
    def "a bad size, age or date names the accepted forms"(String kind, String text, String expected) {
        when:
        PolicyValues."${kind}"(text)

        then:
        IllegalArgumentException e = thrown()
        e.message.startsWith(expected)

        where:
        kind   | text         | expected
        'size' | '2 GB'       | "invalid size '2 GB'; expected a whole number and a unit without a space, like '500MiB'"
        'size' | '2.5GiB'     | "invalid size '2.5GiB'; expected"
        'size' | '0B'         | "invalid size '0B'; expected"
        'age'  | '180 days'   | "invalid age '180 days'; expected a whole number and a unit without a space, like '12h', '180d' or '26w'"
        'age'  | '6mo'        | "invalid age '6mo'; expected"
        'date' | '2027-13-01' | "invalid date '2027-13-01'; expected a calendar date written YYYY-MM-DD, like '2027-03-31'"
        'date' | '31.03.2027' | "invalid date '31.03.2027'; expected"
    }
}

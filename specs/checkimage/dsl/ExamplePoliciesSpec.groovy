package checkimage.dsl

import checkimage.policy.CredentialSpec
import checkimage.policy.OnUnknown
import checkimage.policy.Policy
import checkimage.policy.PolicyEvaluator
import checkimage.policy.Verdict
import checkimage.reference.ImageReference
import spock.lang.Specification
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset
import java.security.cert.CertificateFactory
import java.security.cert.X509Certificate

/** Every policy under scripts/policies loads, and says what its comments say. */
class ExamplePoliciesSpec extends Specification {

    static final Path POLICIES = Path.of(System.getProperty('basedir', '.'), 'scripts', 'policies')

    static final Map<String, String> ENV = [GHCR_USER: 'example-user', GHCR_TOKEN: 'example-token-not-real']

    PolicyLoader loader = new PolicyLoader()

    static List<Path> examples() {
        Files.list(POLICIES).withCloseable { stream -> stream.filter { it.toString().endsWith('.groovy') }.sorted().toList() }
    }

    def "the examples are the three documented ones"() {
        expect:
        examples()*.fileName*.toString() == ['corporate.groovy', 'minimal.groovy', 'openpai-cluster.groovy', 'rollout.groovy']
    }

    @Unroll("#file.fileName loads")
    def "every example policy loads"(Path file) {
        when:
        Policy policy = loader.load(file, ENV)

        then:
        policy.source() == file.fileName.toString()
        !policy.rules().empty

        where:
        file << examples()
    }

    @Unroll("minimal: #reference -> #kind")
    def "the minimal policy allows official images and ours, never latest"(String reference, Verdict.Kind kind) {
        expect:
        loader.load(POLICIES.resolve('minimal.groovy'), ENV).evaluate(ImageReference.parse(reference)).kind() == kind

        where:
        reference               | kind
        'ubuntu:24.04'          | Verdict.Kind.ALLOWED
        'ghcr.io/acme/app:1.2'  | Verdict.Kind.ALLOWED
        'ubuntu'                | Verdict.Kind.TAG_FORBIDDEN
        'bitnami/redis:7'       | Verdict.Kind.NOT_ALLOWED
    }

    def "the rollout policy enforces some image rules, warns about others and waives with dates"() {
        given:
        Policy policy = loader.load(POLICIES.resolve('rollout.groovy'), ENV)
        Clock before = Clock.fixed(Instant.parse('2027-03-31T23:00:00Z'), ZoneOffset.UTC)
        Clock after = Clock.fixed(Instant.parse('2027-04-01T00:00:00Z'), ZoneOffset.UTC)
        ImageReference legacy = ImageReference.parse('ghcr.io/acme/legacy-billing:7')

        expect: 'our images get the stricter scoped rules on top of the enforced and the announced ones'
        policy.imageRulesFor(ImageReference.parse('ghcr.io/acme/app@sha256:' + 'a' * 64))*.describe() == [
                "maxAge '180d'", "maxSize '2GiB'", "requireLabel 'org.opencontainers.image.source'",
                "maxAge '30d'", 'forbidRootUser()', "baseImage 'docker.io/library/*', 'gcr.io/distroless/**'",
                "requireLabel 'org.opencontainers.image.licenses'", "label 'org.opencontainers.image.vendor', 'ACME*'"]

        and: 'deprecated registries are denied with the replacement; latest only warns'
        policy.evaluate(ImageReference.parse('k8s.gcr.io/pause:3.9')).message() ==
                "denied by deprecated 'k8s.gcr.io' (rollout.groovy, line 7): k8s.gcr.io is deprecated; use registry.k8s.io"
        policy.evaluate(ImageReference.parse('ubuntu')).allowed()
        policy.evaluate(ImageReference.parse('ubuntu')).warnings()*.message == ["tag 'latest' is forbidden"]

        and: 'a waiver holds through its last day, then the rule denies again and says so'
        new PolicyEvaluator(policy, before).evaluate(legacy).allowed()
        !new PolicyEvaluator(policy, after).evaluate(legacy).allowed()
        new PolicyEvaluator(policy, after).evaluate(legacy).warnings()*.message ==
                ["waiver expired on 2027-03-31 (OPS-1234: legacy billing moves to distroless); requireDigest true denies again"]
    }

    def "the corporate policy trusts the example CA next to it and takes the GitHub token from the environment"() {
        when:
        Policy policy = loader.load(POLICIES.resolve('corporate.groovy'), ENV)
        Path ca = policy.registryFor('registry.corp.example:5000').get().caFiles()[0]

        then:
        ca == POLICIES.resolve('corp-ca.pem').toAbsolutePath().normalize()
        policy.registryFor('docker.io').get().mirrors() == [URI.create('https://mirror.corp.example:5000')]
        (policy.credentialsFor('ghcr.io')[0] as CredentialSpec.Env).credential().username() == 'example-user'
        policy.credentialsFor('123456789012.dkr.ecr.eu-west-1.amazonaws.com') == [new CredentialSpec.Helper('ecr-login', 'corporate.groovy, line 16')]
        policy.onUnknown() == OnUnknown.FAIL
        policy.evaluate(ImageReference.parse('alpine:3.18')).message() ==
                "denied by deny 'docker.io/library/alpine:3.1*' (corporate.groovy, line 21)"

        and: 'the example CA is a real certificate'
        X509Certificate certificate = Files.newInputStream(ca).withCloseable { CertificateFactory.getInstance('X.509').generateCertificate(it) } as X509Certificate
        certificate.subjectX500Principal.name.contains('not a real CA')
    }

    def "the corporate policy does not load without the GitHub token"() {
        when:
        loader.load(POLICIES.resolve('corporate.groovy'), [GHCR_USER: 'example-user'])

        then:
        PolicyException e = thrown()
        e.message == '(corporate.groovy, line 13) environment variable GHCR_TOKEN is not set'
    }

    def "the OpenPAI policy is best effort and speaks plain HTTP only to the cluster registry"() {
        when:
        Policy policy = loader.load(POLICIES.resolve('openpai-cluster.groovy'), [:])

        then:
        policy.onUnknown() == OnUnknown.PASS
        policy.registries().findAll { it.plainHttp() }*.host()*.text() == ['pai-registry.cluster.local:5000']
        policy.evaluate(ImageReference.parse('openpai/standard:python_3.6-pytorch_1.2.0-gpu')).allowed()
        policy.evaluate(ImageReference.parse('gcr.io/google-containers/pause:3.2')).kind() == Verdict.Kind.BLOCKED
    }
}

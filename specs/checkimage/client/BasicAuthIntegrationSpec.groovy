package checkimage.client

import checkimage.credentials.Credential
import checkimage.credentials.CredentialSource
import checkimage.credentials.Secret
import checkimage.fixture.RegistryFixture
import checkimage.result.Cause
import checkimage.result.CheckOutcome
import spock.lang.Shared
import spock.lang.Specification

/** The handshake against a real registry with TLS (a test CA) and htpasswd Basic authentication. */
class BasicAuthIntegrationSpec extends Specification {

    @Shared
    RegistryFixture registry

    @Shared
    Map<String, String> digests

    def setupSpec() {
        registry = RegistryFixture.start(RegistryFixture.Mode.BASIC)
        digests = registry.seedStandardImages()
    }

    def cleanupSpec() {
        registry?.close()
    }

    CheckOutcome check(String path, Credential credential, Closure<ImageCheckerBuilder> tune = { it.caFile(registry.caFile) }) {
        ImageChecker checker = tune(ImageChecker.builder().credentials({ r, p -> credential } as CredentialSource)).build()
        try {
            return checker.check("${registry.host}/${path}").outcome()
        } finally {
            checker.close()
        }
    }

    static Credential user(String name, String password) {
        new Credential.UsernamePassword(name, Secret.of(password), 'spec')
    }

    def "the right password makes the image accessible over TLS with the given CA"() {
        when:
        CheckOutcome outcome = check('library/hello:oci', user('alice', 'alice-s3cret-pw'))

        then:
        (outcome as CheckOutcome.Accessible).digest().toString() == digests['library/hello:oci']
    }

    def "a wrong password is auth rejected for bad credentials, not missing"() {
        when:
        CheckOutcome outcome = check('library/hello:oci', user('alice', 'wrong-password-123'))

        then:
        outcome instanceof CheckOutcome.AuthRejected
        (outcome as CheckOutcome.AuthRejected).rejection() == CheckOutcome.Rejection.BAD_CREDENTIALS
        !outcome.toString().contains('wrong-password-123')
    }

    def "no credentials for a Basic registry is auth rejected as denied"() {
        when:
        CheckOutcome outcome = check('library/hello:oci', Credential.anonymous())

        then:
        (outcome as CheckOutcome.AuthRejected).rejection() == CheckOutcome.Rejection.DENIED
        outcome.reason().contains('credentials are required')
    }

    def "a missing tag after a successful login is missing"() {
        expect:
        check('library/hello:absent', user('bob', 'bob-s3cret-pw')).kind() == CheckOutcome.Kind.MISSING
    }

    def "a registry certificate from an unknown CA is unknown (TLS), never missing"() {
        when:
        CheckOutcome outcome = check('library/hello:oci', user('alice', 'alice-s3cret-pw'), { it })

        then:
        outcome.kind() == CheckOutcome.Kind.UNKNOWN
        (outcome as CheckOutcome.Unknown).cause() == Cause.TLS
    }

    def "skipping TLS verification for the host reaches it without the CA"() {
        expect:
        check('library/hello:oci', user('alice', 'alice-s3cret-pw'), { it.skipTlsVerify(registry.host) }).isAccessible()
    }

    def "the connection is HTTP/2 where the registry offers it over TLS"() {
        given:
        registry.clearRequestLog()

        when:
        check('library/hello:docker', user('alice', 'alice-s3cret-pw'))

        then:
        registry.requests.find { it.method() == 'HEAD' }.protocol() == 'HTTP/2.0'
    }
}

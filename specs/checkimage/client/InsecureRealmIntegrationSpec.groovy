package checkimage.client

import checkimage.credentials.Credential
import checkimage.credentials.Secret
import checkimage.fixture.RegistryFixture
import checkimage.result.Cause
import checkimage.result.CheckOutcome
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** An HTTPS registry whose Bearer realm is plain HTTP: credentials must not go there. */
class InsecureRealmIntegrationSpec extends Specification {

    @Shared
    @AutoCleanup
    RegistryFixture registry = RegistryFixture.start(RegistryFixture.Mode.TOKEN, httpRealm: true)

    def "a plain-HTTP token realm is refused for an HTTPS registry and nothing is sent to it"() {
        given:
        ImageChecker checker = ImageChecker.builder().caFile(registry.caFile)
                .credentials({ r, p -> new Credential.UsernamePassword('alice', Secret.of('alice-s3cret-pw'), 'spec') }).build()

        when:
        CheckOutcome outcome = checker.check("${registry.host}/private/hello:oci").outcome()

        then:
        outcome.kind() == CheckOutcome.Kind.UNKNOWN
        (outcome as CheckOutcome.Unknown).cause() == Cause.REFUSED_INSECURE
        registry.tokenServer.requestLog.empty

        cleanup:
        checker?.close()
    }
}

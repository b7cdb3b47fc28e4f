package checkimage.policy

import checkimage.reference.Platform
import spock.lang.Specification

import java.nio.file.Path
import java.time.Duration

/** The policy records are immutable data; registry blocks are found by host, exact before wildcard. */
class PolicySpec extends Specification {

    static RegistryRule registry(String host, List<CredentialSpec> credentials = []) {
        new RegistryRule(HostPattern.parse(host), [], false, false, [], credentials, 'policy.groovy, line 1')
    }

    static final CredentialSpec HELPER = new CredentialSpec.Helper('ecr-login', 'policy.groovy, line 2')
    static final CredentialSpec DOCKER = new CredentialSpec.DockerConfig('policy.groovy, line 5')

    Policy policy = new Policy('policy.groovy',
            [registry('*.io', [HELPER]), registry('ghcr.io'), registry('*.dkr.ecr.*.amazonaws.com', [HELPER])],
            [DOCKER], [], TagRules.none(), [], OnUnknown.PASS, Limits.none())

    def "a registry block naming the host exactly wins over an earlier wildcard"() {
        expect:
        policy.registryFor('ghcr.io').get().host().text() == 'ghcr.io'
        policy.registryFor('GHCR.IO').get().host().text() == 'ghcr.io'
        policy.registryFor('quay.io').get().host().text() == '*.io'
        policy.registryFor('1234.dkr.ecr.us-east-1.amazonaws.com').get().host().text() == '*.dkr.ecr.*.amazonaws.com'
        policy.registryFor('registry.corp.example') == Optional.empty()
    }

    def "a registry without its own credentials uses the default chain"() {
        expect:
        policy.credentialsFor('quay.io') == [HELPER]
        policy.credentialsFor('ghcr.io') == [DOCKER]
        policy.credentialsFor('registry.corp.example') == [DOCKER]
    }

    def "the records copy their lists, and what they return cannot be changed"() {
        given:
        List<Platform> platforms = [Platform.parse('linux/amd64')]
        List<Path> caFiles = [Path.of('/etc/ca.pem')]
        Policy copy = new Policy('policy.groovy', [], [], [], TagRules.none(), platforms, OnUnknown.PASS, Limits.none())
        RegistryRule rule = new RegistryRule(HostPattern.parse('ghcr.io'), [], false, false, caFiles, [], 'o')

        when:
        platforms << Platform.parse('linux/arm64')
        caFiles << Path.of('/etc/other.pem')

        then:
        copy.platforms() == [Platform.parse('linux/amd64')]
        rule.caFiles() == [Path.of('/etc/ca.pem')]

        when:
        copy.platforms().add(Platform.parse('linux/arm64'))

        then:
        thrown(UnsupportedOperationException)
    }

    def "two registry blocks for one host are refused"() {
        when:
        new Policy('policy.groovy', [registry('docker.io'), registry('index.docker.io')], [], [], TagRules.none(), [],
                OnUnknown.PASS, Limits.none())

        then:
        IllegalArgumentException e = thrown()
        e.message == "registry 'docker.io' is given twice"
    }

    def "limits refuse values the engine cannot use"() {
        when:
        new Limits(OptionalInt.of(0), OptionalInt.empty(), Optional.of(Duration.ofSeconds(1)), OptionalInt.empty())

        then:
        IllegalArgumentException e = thrown()
        e.message == 'concurrency must be at least 1'
    }

    def "a credential spec names its kind for an exhaustive switch"() {
        expect:
        [HELPER, DOCKER, new CredentialSpec.PodmanAuth('o'), new CredentialSpec.AuthFile(Path.of('/a.json'), 'o')]*.kind() ==
                [CredentialSpec.Kind.HELPER, CredentialSpec.Kind.DOCKER_CONFIG, CredentialSpec.Kind.PODMAN_AUTH, CredentialSpec.Kind.AUTH_FILE]
    }
}

package checkimage.credentials

import spock.lang.Specification
import spock.lang.Unroll

/** Credentials given per registry or per repository; a repository entry wins. */
class ExplicitCredentialsSpec extends Specification {

    static final Credential BOB = new Credential.UsernamePassword('bob', Secret.of('hunter2'), '--username')
    static final Credential ALICE = new Credential.UsernamePassword('alice', Secret.of('s3cr3t'), 'job auth')
    static final Credential CAROL = new Credential.IdentityToken('carol', Secret.of('refresh'), 'policy')

    @Unroll("#registry -> #expected")
    def "a registry entry applies to every repository of the registry, whatever key form named it"(String key, String registry,
            Credential expected) {
        given:
        ExplicitCredentials credentials = new ExplicitCredentials().forRegistry(key, BOB)

        expect:
        credentials.lookup(registry, 'library/ubuntu') == expected
        credentials.lookup(registry, 'acme/app') == expected

        where:
        key                             | registry                 || expected
        'https://index.docker.io/v1/'   | 'docker.io'              || BOB
        'docker.io'                     | 'index.docker.io'        || BOB
        'docker.io'                     | 'registry-1.docker.io'   || BOB
        'GHCR.IO'                       | 'ghcr.io'                || BOB
        'ghcr.io'                       | 'GHCR.io'                || BOB
        'localhost:5000'                | 'localhost:5000'         || BOB
        'localhost:5000'                | 'localhost:5001'         || Credential.anonymous()
        'ghcr.io'                       | 'quay.io'                || Credential.anonymous()
        'registry.example.com'          | 'registry.example.com:443' || Credential.anonymous()
    }

    def "a repository entry wins over a registry entry, in whichever order they were given"() {
        given:
        ExplicitCredentials repositoryFirst = new ExplicitCredentials()
                .forRepository('ghcr.io', 'acme/app', ALICE).forRegistry('ghcr.io', BOB)
        ExplicitCredentials registryFirst = new ExplicitCredentials()
                .forRegistry('ghcr.io', BOB).forRepository('ghcr.io', 'acme/app', ALICE)

        expect:
        [repositoryFirst, registryFirst].every {
            it.lookup('ghcr.io', 'acme/app') == ALICE && it.lookup('ghcr.io', 'acme/other') == BOB
        }
    }

    def "a repository entry applies to that repository only"() {
        given:
        ExplicitCredentials credentials = new ExplicitCredentials().forRepository('https://index.docker.io/v1/', 'acme/app', ALICE)

        expect:
        credentials.lookup('docker.io', 'acme/app') == ALICE
        credentials.lookup('docker.io', 'acme/app2') == Credential.anonymous()
        credentials.lookup('docker.io', 'acme') == Credential.anonymous()
        credentials.lookup('docker.io', 'acme/app/sub') == Credential.anonymous()
        credentials.lookup('ghcr.io', 'acme/app') == Credential.anonymous()
    }

    def "the first credential given for a registry or repository is kept"() {
        given:
        ExplicitCredentials credentials = new ExplicitCredentials()
                .forRegistry('ghcr.io', BOB).forRegistry('https://GHCR.io/', CAROL)
                .forRepository('quay.io', 'a/b', ALICE).forRepository('quay.io', 'a/b', BOB)

        expect:
        credentials.lookup('ghcr.io', 'x/y') == BOB
        credentials.lookup('quay.io', 'a/b') == ALICE
    }

    def "nothing found is the anonymous credential"() {
        when:
        Credential found = new ExplicitCredentials().lookup('ghcr.io', 'acme/app')

        then:
        found instanceof Credential.Anonymous
        found.source() == 'anonymous'
    }

    def "it is empty until a credential is given"() {
        expect:
        new ExplicitCredentials().isEmpty()
        !new ExplicitCredentials().forRegistry('ghcr.io', BOB).isEmpty()
        !new ExplicitCredentials().forRepository('ghcr.io', 'a/b', BOB).isEmpty()
    }

    def "it prints the keys it has, never a secret"() {
        given:
        ExplicitCredentials credentials = new ExplicitCredentials()
                .forRegistry('https://index.docker.io/v1/', BOB).forRepository('ghcr.io', 'acme/app', ALICE)

        expect:
        credentials.toString() == 'explicit credentials for [docker.io] [ghcr.io/acme/app]'
        !credentials.toString().contains('hunter2')
        !credentials.toString().contains('s3cr3t')
    }
}

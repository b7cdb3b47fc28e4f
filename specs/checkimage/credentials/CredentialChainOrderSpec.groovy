package checkimage.credentials

import spock.lang.Specification
import spock.lang.Unroll

import java.nio.file.Path

import static checkimage.credentials.CredentialFixtures.*

/**
 * The documented order of {@link CredentialChains#standard}: explicit, then --authfile / REGISTRY_AUTH_FILE
 * (replacing the next two), docker config, containers auth.json, pull secrets, anonymous. Each source below
 * holds a credential for ghcr.io whose username is the source's name, so the winner reads off the result.
 */
class CredentialChainOrderSpec extends Specification {

    Path home = tempDir('chain-home')
    Path bin = tempDir('chain-bin')

    private static Map auths(String user, String registry = 'ghcr.io') {
        [auths: [(registry): authEntry(user, 'pw')]]
    }

    private CredentialChain chain(List<String> sources) {
        Map<String, String> variables = [:]
        ExplicitCredentials explicit = new ExplicitCredentials()
        Optional<Path> authFile = Optional.empty()
        List<PullSecret> pullSecrets = []
        sources.each { String source ->
            switch (source) {
                case 'explicit':
                    explicit.forRegistry('ghcr.io', new Credential.UsernamePassword('explicit', Secret.of('pw'), '--username'))
                    break
                case 'authfile':
                    authFile = Optional.of(write(home, 'flag/auth.json', json(auths('authfile'))))
                    break
                case 'authfile for quay.io only':
                    authFile = Optional.of(write(home, 'flag/auth.json', json(auths('authfile', 'quay.io'))))
                    break
                case 'REGISTRY_AUTH_FILE':
                    variables.REGISTRY_AUTH_FILE = write(home, 'env/auth.json', json(auths('REGISTRY_AUTH_FILE'))).toString()
                    break
                case 'docker':
                    write(home, '.docker/config.json', json(auths('docker')))
                    break
                case 'containers':
                    write(home, '.config/containers/auth.json', json(auths('containers')))
                    break
                case 'pull secret':
                    pullSecrets << new PullSecret('regcred.yaml', 'regcred', PullSecret.Format.DOCKER_CONFIG_JSON, json(auths('pull secret')))
                    break
                default:
                    throw new IllegalArgumentException(source)
            }
        }
        CredentialChains.standard(explicit, authFile, pullSecrets, environment(home, variables), helpersOn(bin))
    }

    private static String winner(Credential credential) {
        credential instanceof Credential.UsernamePassword ? credential.username() : credential.source()
    }

    @Unroll("#sources -> #expected")
    def "between any two sources, the one earlier in the documented order wins"(List<String> sources, String expected) {
        expect:
        winner(chain(sources).lookup('ghcr.io', 'acme/app')) == expected

        where:
        sources                                     || expected
        ['explicit', 'authfile']                    || 'explicit'
        ['explicit', 'REGISTRY_AUTH_FILE']          || 'explicit'
        ['explicit', 'docker']                      || 'explicit'
        ['explicit', 'containers']                  || 'explicit'
        ['explicit', 'pull secret']                 || 'explicit'
        ['authfile', 'REGISTRY_AUTH_FILE']          || 'authfile'
        ['authfile', 'docker']                      || 'authfile'
        ['authfile', 'containers']                  || 'authfile'
        ['authfile', 'pull secret']                 || 'authfile'
        ['REGISTRY_AUTH_FILE', 'docker']            || 'REGISTRY_AUTH_FILE'
        ['REGISTRY_AUTH_FILE', 'containers']        || 'REGISTRY_AUTH_FILE'
        ['REGISTRY_AUTH_FILE', 'pull secret']       || 'REGISTRY_AUTH_FILE'
        ['docker', 'containers']                    || 'docker'
        ['docker', 'pull secret']                   || 'docker'
        ['containers', 'pull secret']               || 'containers'
        ['pull secret']                             || 'pull secret'
        []                                          || 'anonymous'
    }

    @Unroll("#sources -> #expected")
    def "an auth file replaces docker config and auth.json, even when it has nothing for the registry"(
            List<String> sources, String expected) {
        expect:
        winner(chain(sources).lookup('ghcr.io', 'acme/app')) == expected

        where:
        sources                                                        || expected
        ['authfile for quay.io only', 'docker', 'containers']          || 'anonymous'
        ['authfile for quay.io only', 'docker', 'pull secret']         || 'pull secret'
        ['REGISTRY_AUTH_FILE', 'docker', 'containers']                 || 'REGISTRY_AUTH_FILE'
    }

    def "the chain lists its sources in the order it asks them"() {
        given:
        write(home, '.docker/config.json', '{}')

        when:
        CredentialChain standard = chain(['explicit', 'pull secret'])

        then:
        standard.sources()*.class*.simpleName == ['ExplicitCredentials', 'DockerConfigSource', 'ContainersAuthSource', 'PullSecretSource']
        standard.toString() == "explicit credentials for [ghcr.io] [] -> docker config (${home.resolve('.docker/config.json')})" +
                " -> auth.json [${home.resolve('.config/containers/auth.json')}] -> pull secrets [regcred.yaml] -> anonymous"
    }

    def "files that do not exist are skipped"() {
        expect:
        chain([]).lookup('ghcr.io', 'acme/app') == Credential.anonymous()
    }

    @Unroll("a missing auth file named by #namedBy is an error naming it")
    def "an auth file that was named but does not exist is an error"(String namedBy) {
        given:
        Path missing = home.resolve('missing/auth.json')
        Optional<Path> flag = namedBy == '--authfile' ? Optional.of(missing) : Optional.empty()
        Map<String, String> variables = namedBy == 'REGISTRY_AUTH_FILE' ? [REGISTRY_AUTH_FILE: missing.toString()] : [:]

        when:
        CredentialChains.standard(CredentialSource.anonymous(), flag, [], environment(home, variables), helpersOn(bin))

        then:
        CredentialException e = thrown()
        e.message == "${namedBy} ${missing}: no such file".toString()

        where:
        namedBy << ['--authfile', 'REGISTRY_AUTH_FILE']
    }

    def "a malformed file fails the chain when it is built, naming the file"() {
        given:
        Path config = write(home, '.docker/config.json', '{"auths": {"ghcr.io": {"auth": 1}}}')

        when:
        chain([])

        then:
        CredentialException e = thrown()
        e.message == "${config}: auths[\"ghcr.io\"].auth: expected a string, got a number".toString()
    }

    def "DOCKER_CONFIG moves the docker config"() {
        given:
        Path elsewhere = tempDir('docker-config')
        write(elsewhere, 'config.json', json(auths('moved')))
        Environment env = environment(home, [DOCKER_CONFIG: elsewhere.toString()])

        expect:
        winner(CredentialChains.standard(CredentialSource.anonymous(), Optional.empty(), [], env, helpersOn(bin))
                .lookup('ghcr.io', 'x')) == 'moved'
    }

    def "a credential helper named by the docker config runs from the search path it was given"() {
        given:
        answeringHelper(bin, 'fake', 'from-helper', 'pw')
        write(home, '.docker/config.json', json([credHelpers: ['ghcr.io': 'fake']]))

        expect:
        winner(chain([]).lookup('ghcr.io', 'x')) == 'from-helper'
    }
}

package checkimage.cli

import checkimage.fixture.RegistryFixture
import checkimage.json.Json
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/**
 * Credentials from every source reach a real registry (TLS + token auth, and TLS + Basic): the pull succeeds,
 * the JSON names the source, a wrong credential is auth rejected naming the source, and the identity-token
 * POST flow works. Home, config directories and PATH are temporary; the real ones are never read.
 */
class CredentialSourcesIntegrationSpec extends Specification {

    static final String PASSWORD = 'alice-s3cret-pw'

    @Shared
    RegistryFixture token

    @Shared
    RegistryFixture basic

    @TempDir
    Path home

    def setupSpec() {
        token = RegistryFixture.start(RegistryFixture.Mode.TOKEN)
        token.seedStandardImages()
        basic = RegistryFixture.start(RegistryFixture.Mode.BASIC)
        basic.seedStandardImages()
    }

    def cleanupSpec() {
        token?.close()
        basic?.close()
    }

    def setup() {
        token.tokenServer.reset()
    }

    Map<String, String> env(Map<String, String> extra = [:]) {
        [HOME: home.toString(), PATH: "${home}/bin:/usr/bin:/bin".toString()] + extra
    }

    static String auth(String user, String password) {
        Base64.encoder.encodeToString("${user}:${password}".bytes)
    }

    Path write(String relative, String text) {
        Path file = home.resolve(relative)
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
        file
    }

    Map run(RegistryFixture registry, Map<String, String> environment, List<String> extra = [], String path = 'private/hello:oci') {
        CliRunner.Run run = CliRunner.run(['--ca-file', registry.caFile.toString(), '-o', 'json', '-v'] + extra +
                ["${registry.host}/${path}".toString()], environment)
        assert !run.all.contains(PASSWORD)
        assert !run.all.contains('wrong-pw-99')
        Map doc = Json.parse(run.out) as Map
        [exitCode: run.exitCode, result: doc.results[0], err: run.err]
    }

    @Unroll("credentials from #source reach the #mode registry")
    def "every credential source reaches the registry and is named in the report"() {
        given:
        RegistryFixture registry = mode == 'token' ? token : basic
        Map<String, String> environment = configure(kind, registry.host, PASSWORD)

        when:
        Map outcome = run(registry, environment, flags(kind))

        then:
        outcome.exitCode == 0
        outcome.result.status == 'accessible'
        (outcome.result.credentialSource as String).startsWith(source)

        where:
        kind                 | mode    | source
        'docker auths'       | 'token' | 'docker config auths'
        'docker auths'       | 'basic' | 'docker config auths'
        'credHelpers'        | 'token' | 'docker config credHelpers (fake)'
        'auth.json'          | 'token' | 'auth.json (namespace'
        'authfile flag'      | 'basic' | 'authfile'
        'REGISTRY_AUTH_FILE' | 'token' | 'authfile'
        'pull secret'        | 'token' | 'pull secret'
    }

    @Unroll("a wrong password from #kind is auth rejected and the reason names the source")
    def "a wrong credential is rejected naming where it came from"() {
        given:
        RegistryFixture registry = mode == 'token' ? token : basic
        Map<String, String> environment = configure(kind, registry.host, 'wrong-pw-99')

        when:
        Map outcome = run(registry, environment, flags(kind))

        then:
        outcome.exitCode == 1
        outcome.result.status == 'auth_rejected'
        outcome.result.rejection == 'bad_credentials'
        (outcome.result.reason as String).contains(source)

        where:
        kind           | mode    | source
        'docker auths' | 'token' | 'docker config auths'
        'pull secret'  | 'basic' | 'pull secret'
    }

    def "an identity token in the Docker config is exchanged with the OAuth2 POST"() {
        given:
        String refresh = token.tokenServer.refreshTokenFor('alice')
        write('.docker/config.json', """{"auths":{"${token.host}":{"auth":"${auth('alice', '')}","identitytoken":"${refresh}"}}}""")

        when:
        Map outcome = run(token, env())

        then:
        outcome.result.status == 'accessible'
        token.tokenServer.requestLog*.method() == ['POST']
        !(outcome.err as String).contains(refresh)
    }

    def "explicit credentials win over the Docker config"() {
        given:
        write('.docker/config.json', """{"auths":{"${token.host}":{"auth":"${auth('alice', 'wrong-pw-99')}"}}}""")

        when:
        CliRunner.Run run = CliRunner.run(['--ca-file', token.caFile.toString(), '-o', 'json', '--username', 'alice', '--password-stdin',
                                            "${token.host}/private/hello:oci".toString()], env(), PASSWORD + '\n')

        then:
        run.exitCode == 0
        (Json.parse(run.out) as Map).results[0].credentialSource == '--username'
    }

    def "a credential helper that hangs is unknown for that registry, not anonymous and not a crash"() {
        given:
        helper('#!/bin/sh\nsleep 30\n')
        write('.docker/config.json', """{"credHelpers":{"${token.host}":"fake"}}""")

        when:
        Map outcome = run(token, env(), ['--fail-on-unknown'])

        then:
        outcome.exitCode == 3
        outcome.result.status == 'unknown'
        outcome.result.cause == 'credentials'
        (outcome.result.reason as String).contains('fake')
    }

    def "a malformed Docker config is a configuration error naming the file"() {
        given:
        Path config = write('.docker/config.json', '{"auths": {')

        when:
        CliRunner.Run run = CliRunner.run(['--ca-file', token.caFile.toString(), "${token.host}/public/hello:oci".toString()], env())

        then:
        run.exitCode == 2
        run.err.contains(config.toString())
        !run.err.contains('\tat ')
    }

    private Map<String, String> configure(String kind, String host, String password) {
        switch (kind) {
            case 'docker auths':
                write('.docker/config.json', """{"auths":{"https://${host}/v2/":{"auth":"${auth('alice', password)}"}}}""")
                return env()
            case 'credHelpers':
                helper("""#!/bin/sh\nread server\nprintf '{"ServerURL":"%s","Username":"alice","Secret":"${password}"}' "\$server"\n""")
                write('.docker/config.json', """{"credHelpers":{"${host}":"fake"}}""")
                return env()
            case 'auth.json':
                write('xdg/containers/auth.json', """{"auths":{"${host}/private":{"auth":"${auth('alice', password)}"}}}""")
                Path xdg = home.resolve('xdg')
                return env([XDG_CONFIG_HOME: xdg.toString()])
            case 'authfile flag':
            case 'REGISTRY_AUTH_FILE':
                Path file = write('elsewhere/auth.json', """{"auths":{"${host}":{"auth":"${auth('alice', password)}"}}}""")
                write('.docker/config.json', """{"auths":{"${host}":{"auth":"${auth('alice', 'wrong-pw-99')}"}}}""")
                return kind == 'REGISTRY_AUTH_FILE' ? env([REGISTRY_AUTH_FILE: file.toString()]) : env()
            case 'pull secret':
                String config = Base64.encoder.encodeToString("""{"auths":{"${host}":{"auth":"${auth('alice', password)}"}}}""".bytes)
                write('secret.yaml', "apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${config}\n")
                return env()
        }
        throw new IllegalArgumentException(kind)
    }

    private List<String> flags(String kind) {
        switch (kind) {
            case 'authfile flag': return ['--authfile', home.resolve('elsewhere/auth.json').toString()]
            case 'pull secret': return ['--pull-secret', home.resolve('secret.yaml').toString()]
            default: return []
        }
    }

    private void helper(String script) {
        Path file = write('bin/docker-credential-fake', script)
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rwxr-xr-x'))
    }
}

package checkimage.network

import checkimage.cli.CliRunner
import checkimage.client.FaultServer
import checkimage.fixture.RegistryFixture
import checkimage.fixture.TokenRequest
import checkimage.json.Json
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * A credential reaches only the registry it is for: --username goes to one registry (--registry, or the one every
 * input is on), and job auth blocks and pull secrets never reach another host, not through a mirror, not through
 * a redirect. Two real registries with their own token servers tell who saw what.
 */
class CredentialScopeIntegrationSpec extends Specification {

    static final String PASSWORD = RegistryFixture.ALICE.password()

    @Shared
    RegistryFixture home

    @Shared
    RegistryFixture elsewhere

    @TempDir
    Path dir

    def setupSpec() {
        home = RegistryFixture.start(RegistryFixture.Mode.TOKEN)
        home.seedStandardImages()
        elsewhere = RegistryFixture.start(RegistryFixture.Mode.TOKEN)
        elsewhere.seedStandardImages()
    }

    def cleanupSpec() {
        home?.close()
        elsewhere?.close()
    }

    def setup() {
        [home, elsewhere].each { it.tokenServer.reset(); it.tokenServer.clearRequestLog() }
    }

    List<String> tls() {
        ['--ca-file', home.caFile.toString()]
    }

    static List<String> usersSeenBy(RegistryFixture registry) {
        registry.tokenServer.requestLog.collect { TokenRequest r -> r.username() }
    }

    def "--username with inputs on several registries and no --registry is a usage error naming them"() {
        when:
        CliRunner.Run run = CliRunner.run(tls() + ['--username', 'alice', '--password-stdin',
                "${home.host}/private/hello:oci".toString(), "${elsewhere.host}/public/hello:oci".toString()], [:], PASSWORD)

        then:
        run.exitCode == 2
        run.err.trim() == "check-image: --username applies to one registry, but the inputs span " +
                "${[home.host, elsewhere.host].sort().join(', ')}; say which with --registry HOST"
        usersSeenBy(home).isEmpty()
        usersSeenBy(elsewhere).isEmpty()
    }

    def "in a mixed run --username goes to the --registry only; the other token server never sees it"() {
        when:
        CliRunner.Run run = CliRunner.run(tls() + ['-o', 'json', '--username', 'alice', '--password-stdin',
                '--registry', home.host, "${home.host}/private/hello:oci".toString(),
                "${elsewhere.host}/public/hello:oci".toString()], [:], PASSWORD)

        then:
        run.exitCode == 0
        ((Json.parse(run.out) as Map).results as List<Map>)*.credentialSource == ['--username', 'anonymous']
        usersSeenBy(home).contains('alice')
        !usersSeenBy(elsewhere).isEmpty()
        usersSeenBy(elsewhere).every { it == null }
        elsewhere.tokenServer.requestLog.every { it.authScheme() == null }
    }

    def "--username with every input on one registry needs no --registry"() {
        expect:
        CliRunner.run(tls() + ['--username', 'alice', '--password-stdin', "${home.host}/private/hello:oci".toString()],
                [:], PASSWORD).exitCode == 0
        usersSeenBy(home).contains('alice')
    }

    def "a job's auth block never reaches another registry, not even as its mirror"() {
        given:
        Path job = dir.resolve('job.yaml')
        Files.writeString(job, """\
            protocolVersion: 2
            name: scope-job
            type: job
            prerequisites:
              - type: dockerimage
                name: private-image
                uri: ${home.host}/private/hello:oci
                auth:
                  username: alice
                  password: ${PASSWORD}
                  registryuri: https://${home.host}/v2/
              - type: dockerimage
                name: other-image
                uri: ${elsewhere.host}/private/hello:oci
            taskRoles:
              worker:
                dockerImage: private-image
              other:
                dockerImage: other-image
            """.stripIndent())
        Path policy = dir.resolve('policy.groovy')
        Files.writeString(policy, "registry('${home.host}') { mirror 'https://${elsewhere.host}' }\n")

        when:
        CliRunner.Run run = CliRunner.run(tls() + ['-o', 'json', '--job', job.toString(), '--policy', policy.toString()])
        List<Map> results = (Json.parse(run.out) as Map).results as List<Map>

        then: 'the mirror was asked anonymously, the home registry with the job auth'
        results*.status == ['accessible', 'auth_rejected']
        results[0].endpoint == home.host
        usersSeenBy(home).contains('alice')
        !usersSeenBy(elsewhere).isEmpty()
        usersSeenBy(elsewhere).every { it == null }
        !run.all.contains(PASSWORD)
    }

    @AutoCleanup
    FaultServer origin = new FaultServer()

    @AutoCleanup
    FaultServer storage = new FaultServer()

    def "a pull secret's credential is not carried along a redirect to another host"() {
        given:
        origin.on('GET /v2/') { exchange, int n ->
            FaultServer.respond(exchange, 401, ['WWW-Authenticate': 'Basic realm="origin"'])
        }
        origin.on('HEAD /v2/team/app/manifests/1') { exchange, int n ->
            FaultServer.respond(exchange, 307, [Location: "http://${storage.host}/v2/team/app/manifests/1".toString()])
        }
        storage.on('HEAD /v2/team/app/manifests/1') { exchange, int n ->
            FaultServer.respond(exchange, 404, ['Content-Type': 'application/json'])
        }
        Path secret = dir.resolve('pull-secret.yaml')
        String auth = Base64.encoder.encodeToString("alice:${PASSWORD}".getBytes('UTF-8'))
        Files.writeString(secret, """\
            apiVersion: v1
            kind: Secret
            type: kubernetes.io/dockerconfigjson
            stringData:
              .dockerconfigjson: '{"auths": {"${origin.host}": {"auth": "${auth}"}}}'
            """.stripIndent())

        when:
        CliRunner.Run run = CliRunner.run(['--pull-secret', secret.toString(), '--plain-http', origin.host,
                '--plain-http', storage.host, "${origin.host}/team/app:1".toString()])

        then:
        run.exitCode == 1
        origin.requests.any { it.path == '/v2/team/app/manifests/1' && it.authorization?.startsWith('Basic ') }
        storage.requests.size() >= 1
        storage.requests.every { it.authorization == null }
        !run.all.contains(PASSWORD)
    }
}

package checkimage.cli

import checkimage.fixture.RegistryFixture
import checkimage.json.Json
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/**
 * The command in-process against a real registry with TLS and token auth: inputs, OpenPAI jobs with secrets,
 * exit codes, the JSON schema, platforms, and that no secret is ever printed.
 */
class CommandLineIntegrationSpec extends Specification {

    static final String SECRET = 'alice-s3cret-pw'

    @Shared
    RegistryFixture registry

    @Shared
    Map<String, String> digests

    @TempDir
    Path dir

    def setupSpec() {
        registry = RegistryFixture.start(RegistryFixture.Mode.TOKEN)
        digests = registry.seedStandardImages()
    }

    def cleanupSpec() {
        registry?.close()
    }

    List<String> tls() {
        ['--ca-file', registry.caFile.toString()]
    }

    String ref(String path) {
        "${registry.host}/${path}"
    }

    Path job(String secretsDocument = null) {
        Path file = dir.resolve('job.yaml')
        String text = """\
            protocolVersion: 2
            name: spec-job
            type: job
            prerequisites:
              - type: dockerimage
                name: public-image
                uri: ${ref('public/hello:oci')}
              - type: dockerimage
                name: private-image
                uri: ${ref('private/hello:oci')}
                auth:
                  username: <% \$secrets.registry.user %>
                  password: <% \$secrets.registry.password %>
                  registryuri: https://${registry.host}/v2/
            taskRoles:
              prepare:
                dockerImage: public-image
              worker:
                dockerImage: private-image
            """.stripIndent()
        Files.writeString(file, secretsDocument == null ? text : text + '---\n' + secretsDocument)
        file
    }

    Path secrets(String password = SECRET) {
        Path file = dir.resolve('secrets.yaml')
        Files.writeString(file, "registry:\n  user: alice\n  password: ${password}\n")
        file
    }

    def "one accessible image prints its digest and exits 0"() {
        when:
        CliRunner.Run run = CliRunner.run(tls() + [ref('public/hello:oci')])

        then:
        run.exitCode == 0
        run.out.contains(digests['public/hello:oci'])
        run.out.contains('1 image: 1 accessible')
    }

    def "a missing image exits 1 and says missing"() {
        when:
        CliRunner.Run run = CliRunner.run(tls() + [ref('library/hello:oci'), ref('library/hello:gone')])

        then:
        run.exitCode == 1
        run.out.contains('missing')
        run.out.contains("has no tag 'gone'")
    }

    def "a list file and stdin are read in order"() {
        given:
        Path list = dir.resolve('images.txt')
        Files.writeString(list, "# two images\n${ref('public/hello:oci')}\n${ref('library/hello:docker')}\n")

        when:
        Map doc = Json.parse(CliRunner.run(tls() + ['-o', 'json', '--file', list.toString(), '--file', '-'], [:],
                ref('library/hello:index') + '\n').out) as Map

        then:
        doc.results*.input == [ref('public/hello:oci'), ref('library/hello:docker'), ref('library/hello:index')]
        doc.results*.origin == ["${list}:2".toString(), "${list}:3".toString(), '-:1']
        doc.exitCode == 0
    }

    @Unroll("an OpenPAI job with secrets #how checks every task role with the job's auth")
    def "OpenPAI jobs with secrets in a separate file or as a second document"() {
        given:
        List<String> args = how == 'in a separate file'
                ? ['--job', job().toString(), '--secrets', secrets().toString()]
                : ['--job', job("registry:\n  user: alice\n  password: ${SECRET}\n").toString()]

        when:
        CliRunner.Run run = CliRunner.run(tls() + args + ['-o', 'json'])
        Map doc = Json.parse(run.out) as Map

        then:
        run.exitCode == 0
        doc.results*.status == ['accessible', 'accessible']
        doc.results*.credentialSource == ['anonymous', 'job auth (private-image)']

        where:
        how << ['in a separate file', 'as a second YAML document']
    }

    def "--task-role checks only that role"() {
        when:
        Map doc = Json.parse(CliRunner.run(tls() + ['--job', job().toString(), '--secrets', secrets().toString(),
                                                    '--task-role', 'worker', '-o', 'json']).out) as Map

        then:
        doc.results*.reference == [ref('private/hello:oci')]
    }

    def "a wrong job password is auth rejected with exit 1 and the password is never printed, even with -v"() {
        when:
        CliRunner.Run text = CliRunner.run(tls() + ['--job', job().toString(), '--secrets', secrets('wr0ng-Passw0rd-xyz').toString(), '-v'])
        CliRunner.Run json = CliRunner.run(tls() + ['--job', job().toString(), '--secrets', secrets('wr0ng-Passw0rd-xyz').toString(), '-v', '-o', 'json'])

        then:
        text.exitCode == 1
        text.out.contains('auth rejected')
        [text, json].every { !it.all.contains('wr0ng-Passw0rd-xyz') }
        json.exitCode == 1
        (Json.parse(json.out) as Map).results[1].rejection == 'bad_credentials'
    }

    def "the right job password never appears in any output either"() {
        when:
        List<CliRunner.Run> runs = [[], ['-v'], ['-o', 'json'], ['-v', '-o', 'json']].collect { List<String> extra ->
            CliRunner.run(tls() + ['--job', job().toString(), '--secrets', secrets().toString()] + extra)
        }

        then:
        runs.every { it.exitCode == 0 }
        runs.every { !it.all.contains(SECRET) }
        runs.every { !it.all.contains(Base64.encoder.encodeToString("alice:${SECRET}".bytes)) }
        runs.every { !(it.all =~ /eyJ[A-Za-z0-9_-]{10,}\./) }
    }

    def "--username with --password-stdin reaches the token server"() {
        when:
        CliRunner.Run run = CliRunner.run(tls() + ['--username', 'alice', '--password-stdin', ref('private/hello:oci')], [:], SECRET + '\n')

        then:
        run.exitCode == 0
        !run.all.contains(SECRET)
    }

    @Unroll("unknown trouble exits #code #flag")
    def "unknown results pass unless --fail-on-unknown"() {
        when:
        CliRunner.Run run = CliRunner.run(['--timeout', '2s'] + flags + ['127.0.0.1:1/some/image:1'])

        then:
        run.exitCode == code
        run.out.contains('unknown')
        run.err.contains('result(s) unknown; they pass without --fail-on-unknown') == warned

        where:
        flags                 | code | warned
        []                    | 0    | true
        ['--fail-on-unknown'] | 3    | false
        flag = flags ? 'with --fail-on-unknown' : 'without --fail-on-unknown'
    }

    def "an invalid reference exits 1 with a line naming it, among accessible ones"() {
        when:
        CliRunner.Run run = CliRunner.run(tls() + [ref('public/hello:oci'), 'upper/Case'])

        then:
        run.exitCode == 1
        run.out.contains("invalid image reference 'upper/Case'")
    }

    def "the JSON document carries every documented field"() {
        when:
        Map doc = Json.parse(CliRunner.run(tls() + ['-o', 'json', ref('library/hello:index'), ref('private/hello:oci'), 'x/Y']).out) as Map
        Map accessible = doc.results[0] as Map

        then:
        doc.schemaVersion == 1
        doc.results.every { Map r ->
            r.keySet() == ['input', 'origin', 'reference', 'familiar', 'registry', 'repository', 'tag', 'status', 'digest',
                           'mediaType', 'size', 'platforms', 'reason', 'cause', 'rejection', 'retryAfterSeconds', 'errors',
                           'credentialSource', 'elapsedMs', 'endpoint', 'policy', 'file', 'line', 'column', 'context'] as Set
        }
        accessible.status == 'accessible'
        accessible.digest == digests['library/hello:index']
        accessible.mediaType == 'application/vnd.oci.image.index.v1+json'
        accessible.registry == registry.host
        accessible.repository == 'library/hello'
        accessible.tag == 'index'
        doc.results[1].status == 'auth_rejected'
        doc.results[1].rejection == 'denied'
        doc.results[2].status == 'invalid_reference'
        doc.summary == [total: 3, accessible: 1, missing: 0, auth_rejected: 1, invalid_reference: 1, unknown: 0, denied_by_policy: 0, not_checked: 0]
        doc.requests.pings == 1
        doc.exitCode == 1
    }

    @Unroll("--platform #platforms on the OCI index -> exit #code")
    def "platforms must exist in a real multi-platform index"() {
        when:
        CliRunner.Run run = CliRunner.run(tls() + platforms.collectMany { ['--platform', it] } + [ref('library/hello:index')])

        then:
        run.exitCode == code
        run.out.contains(fragment)

        where:
        platforms                        | code | fragment
        ['linux/amd64']                  | 0    | 'accessible'
        ['linux/amd64', 'linux/arm64']   | 0    | 'linux/arm64/v8'
        ['linux/riscv64']                | 1    | 'no image for platform linux/riscv64; available: linux/amd64, linux/arm64/v8'
    }

    def "-v narrates the handshake on stderr without secrets"() {
        when:
        CliRunner.Run run = CliRunner.run(tls() + ['-v', '--username', 'alice', '--password-stdin', ref('private/hello:oci')], [:], SECRET + '\n')

        then:
        run.err.contains('GET https://' + registry.host + '/v2/ -> 401')
        run.err.contains('/token?service=')
        run.err.contains('HEAD https://' + registry.host + '/v2/private/hello/manifests/oci -> 200')
        !run.all.contains(SECRET)
    }
}

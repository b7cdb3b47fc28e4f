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
 * A policy applied by the command against real registries: decisions before any request, mirrors with fallback,
 * plain HTTP, a private CA, per-registry credentials from the environment, platforms and onUnknown.
 */
class PolicyIntegrationSpec extends Specification {

    @Shared
    RegistryFixture origin

    @Shared
    RegistryFixture mirror

    @Shared
    RegistryFixture secured

    @TempDir
    Path dir

    def setupSpec() {
        origin = RegistryFixture.start(RegistryFixture.Mode.PLAIN)
        origin.seedStandardImages()
        mirror = RegistryFixture.start(RegistryFixture.Mode.PLAIN)
        mirror.seeder.pushImage('library/hello', 'oci', 'linux', 'amd64')
        secured = RegistryFixture.start(RegistryFixture.Mode.TOKEN)
        secured.seedStandardImages()
    }

    def cleanupSpec() {
        [origin, mirror, secured]*.close()
    }

    def setup() {
        [origin, mirror, secured]*.clearRequestLog()
        secured.tokenServer.reset()
    }

    Path policy(String text) {
        Path file = dir.resolve('policy.groovy')
        Files.writeString(file, text.stripIndent())
        file
    }

    Map json(List<String> args, Map<String, String> env = [:]) {
        CliRunner.Run run = CliRunner.run(args + ['-o', 'json'], env)
        assert run.out: run.err
        Map doc = Json.parse(run.out) as Map
        doc.err = run.err
        doc
    }

    def "an image the policy denies is reported as denied by policy, exits 1 and causes no request at all"() {
        given:
        Path file = policy("""\
            deny '${secured.host}/private/**'
            """)

        when:
        Map doc = json(['--policy', file.toString(), '--ca-file', secured.caFile.toString(), "${secured.host}/private/hello:oci".toString()])

        then:
        doc.exitCode == 1
        doc.results[0].status == 'denied_by_policy'
        doc.results[0].reason == "denied by deny '${secured.host}/private/**' (policy.groovy, line 1)".toString()
        doc.results[0].policy.rule == "deny '${secured.host}/private/**'".toString()
        secured.requestLog.empty
        secured.tokenServer.requestLog.empty
        doc.requests == [:]
    }

    @Unroll("#what: #expected")
    def "rule precedence decides before the registry is asked"() {
        given:
        Path file = policy(text.replace('HOST', origin.host))

        when:
        Map doc = json(['--policy', file.toString(), "${origin.host}/library/hello:oci".toString()])

        then:
        doc.results[0].status == expected
        origin.requestLog.isEmpty() == (expected == 'denied_by_policy')

        where:
        what                            | text                                                       | expected
        'allowed by allow'              | "allow 'HOST/library/*'"                                    | 'accessible'
        'allowed by nothing'            | "allow 'HOST/team/**'"                                      | 'denied_by_policy'
        'deny beats allow'              | "allow 'HOST/**'\ndeny 'HOST/library/hello:o*'"             | 'denied_by_policy'
        'block beats allow'             | "allow 'HOST/**'\nblock 'HOST'"                             | 'denied_by_policy'
        'a forbidden tag'               | "tags { forbid 'oci' }"                                     | 'denied_by_policy'
        'a digest required'             | "tags { requireDigest true }"                               | 'denied_by_policy'
    }

    def "offline, the policy's registry-free rules still apply"() {
        given:
        Path file = policy("block 'quay.io'\n")

        when:
        Map doc = json(['--offline', '--policy', file.toString(), 'quay.io/acme/app:1', 'ubuntu'])

        then:
        doc.results*.status == ['denied_by_policy', 'not_checked']
        doc.exitCode == 1
    }

    def "a mirror is tried first and the origin serves what the mirror lacks"() {
        given:
        Path file = policy("""\
            registry('${origin.host}') { mirror 'http://${mirror.host}' }
            """)

        when:
        Map doc = json(['--policy', file.toString(), "${origin.host}/library/hello:oci".toString(), "${origin.host}/library/hello:docker".toString()])

        then:
        doc.results*.status == ['accessible', 'accessible']
        doc.results*.endpoint == [mirror.host, origin.host]
        mirror.requestLog.any { it.startsWith('HEAD /v2/library/hello/manifests/oci') }
        mirror.requestLog.any { it.startsWith('HEAD /v2/library/hello/manifests/docker') }
        !origin.requestLog.any { it.startsWith('HEAD /v2/library/hello/manifests/oci') }
        origin.requestLog.any { it.startsWith('HEAD /v2/library/hello/manifests/docker') }
    }

    def "plainHttp() speaks HTTP to the registry without trying HTTPS first"() {
        given:
        Path file = policy("registry('${origin.host}') { plainHttp() }\n")

        when:
        Map doc = json(['--policy', file.toString(), "${origin.host}/library/hello:oci".toString()])

        then:
        doc.results[0].status == 'accessible'
        doc.requests.pings == 1
    }

    def "a private CA and per-registry credentials from the environment reach a token-auth registry"() {
        given:
        Files.copy(secured.caFile, dir.resolve('private-ca.pem'))
        Path file = policy("""\
            registry('${secured.host}') {
                caFile 'private-ca.pem'
                credentials { env 'REG_USER', 'REG_PASS' }
            }
            """)

        when:
        Map doc = json(['--policy', file.toString(), "${secured.host}/private/hello:oci".toString()],
                [REG_USER: 'alice', REG_PASS: 'alice-s3cret-pw'])

        then:
        doc.results[0].status == 'accessible'
        (doc.results[0].credentialSource as String).contains('REG_USER')
        !(doc.toString().contains('alice-s3cret-pw'))
    }

    @Unroll("platforms #platform in the OCI index -> #expected")
    def "the policy's platforms must exist in a real index"() {
        given:
        Path file = policy("platforms '${platform}'\n")

        expect:
        json(['--policy', file.toString(), "${origin.host}/library/hello:index".toString()]).results[0].status == expected

        where:
        platform      | expected
        'linux/arm64' | 'accessible'
        'linux/s390x' | 'missing'
    }

    @Unroll("onUnknown '#word' with an unreachable registry exits #code")
    def "onUnknown decides what unknown trouble means"() {
        given:
        Path file = policy("onUnknown '${word}'\n")

        expect:
        CliRunner.run(['--policy', file.toString(), '--timeout', '2s', '127.0.0.1:1/app:1']).exitCode == code

        where:
        word   | code
        'pass' | 0
        'fail' | 3
    }

    def "a policy error exits 2 with the file, the line and what is wrong"() {
        given:
        Path file = policy("allow 'docker.io/library/*'\nalow 'x'\n")

        when:
        CliRunner.Run run = CliRunner.run(['--policy', file.toString(), 'ubuntu'])

        then:
        run.exitCode == 2
        run.err.trim() == "check-image: (policy.groovy, line 2) unknown keyword 'alow'; expected one of: allow, block, credentials, deny, deprecated, image, limits, match, noProxy, onUnknown, platforms, proxy, registry, tags, waive, warn"
    }
}

package checkimage.cli

import checkimage.fixture.RegistryFixture
import checkimage.json.Json
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The runtime's registry configuration applied by the command against two real registries: an origin and a
 * mirror that serves a Harbor-style proxy project under {@code proxy-project/}. registries.conf rewrites,
 * mirrors with a path, pull-from-mirror, blocked and insecure entries, containerd hosts.toml, Docker's
 * daemon.json, and the policy winning over the files.
 */
class RuntimeRegistriesIntegrationSpec extends Specification {

    @Shared
    RegistryFixture origin

    @Shared
    RegistryFixture mirror

    @Shared
    String ociDigest

    @TempDir
    Path dir

    def setupSpec() {
        origin = RegistryFixture.start(RegistryFixture.Mode.PLAIN)
        ociDigest = origin.seedStandardImages()['library/hello:oci']
        mirror = RegistryFixture.start(RegistryFixture.Mode.PLAIN)
        mirror.seeder.pushImage('proxy-project/library/hello', 'oci', 'linux', 'amd64')
        mirror.seeder.pushImage('proxy-project/library/hello', 'only-on-mirror', 'linux', 'amd64')
        mirror.seeder.pushImage('library/hello', 'oci', 'linux', 'amd64')
    }

    def cleanupSpec() {
        [origin, mirror]*.close()
    }

    def setup() {
        [origin, mirror]*.clearRequestLog()
    }

    Path file(String name, String text) {
        Path path = dir.resolve(name)
        Files.createDirectories(path.parent)
        Files.writeString(path, text.stripIndent())
        path
    }

    Map json(List<String> args) {
        CliRunner.Run run = CliRunner.run(args + ['-o', 'json'], [HOME: dir.toString()])
        assert run.out: run.err
        Map doc = Json.parse(run.out) as Map
        doc.err = run.err
        doc.exit = run.exitCode
        doc
    }

    def "a registries.conf mirror with a path serves the image from its proxy project, and the origin serves what it lacks"() {
        given:
        Path conf = file('registries.conf', """\
            [[registry]]
            prefix = "${origin.host}"
            [[registry.mirror]]
            location = "${mirror.host}/proxy-project"
            """)

        when:
        Map doc = json(['--registries-conf', conf.toString(), "${origin.host}/library/hello:only-on-mirror".toString(),
                        "${origin.host}/library/hello:docker".toString()])

        then:
        doc.results*.status == ['accessible', 'accessible']
        doc.results*.endpoint == [mirror.host, origin.host]
        doc.results*.endpointRepository == ['proxy-project/library/hello', 'library/hello']
        doc.results[0].reference == "${origin.host}/library/hello:only-on-mirror".toString()
        mirror.requestLog.any { it.startsWith('HEAD /v2/proxy-project/library/hello/manifests/only-on-mirror') }
        !mirror.requestLog.any { it.contains('/v2/library/hello/') }
    }

    def "images the mirror serves cause no request at all to the registry behind it"() {
        given:
        Path conf = file('registries.conf', """\
            [[registry]]
            prefix = "${origin.host}"
            [[registry.mirror]]
            location = "${mirror.host}/proxy-project"
            """)

        when:
        Map doc = json(['--registries-conf', conf.toString(), "${origin.host}/library/hello:only-on-mirror".toString(),
                        "${origin.host}/library/hello:oci".toString()])

        then:
        doc.results*.endpoint == [mirror.host, mirror.host]
        origin.requestLog.empty
    }

    def "the library's mirror() keeps the mirror's path too"() {
        given:
        checkimage.client.ImageChecker checker = checkimage.client.ImageChecker.builder()
                .mirror(origin.host, URI.create("http://${mirror.host}/proxy-project/")).build()

        when:
        checkimage.result.CheckResult result = checker.check("${origin.host}/library/hello:only-on-mirror".toString())

        then:
        result.accessible
        result.endpoint() == mirror.host
        result.endpointRepository() == 'proxy-project/library/hello'

        cleanup:
        checker?.close()
    }

    def "a prefix with a location is rewritten to where the images really live"() {
        given:
        Path conf = file('registries.conf', """\
            [[registry]]
            prefix = "registry.test/acme"
            location = "${origin.host}/library"
            """)

        when:
        Map doc = json(['--registries-conf', conf.toString(), 'registry.test/acme/hello:oci'])

        then:
        doc.results[0].status == 'accessible'
        doc.results[0].reference == 'registry.test/acme/hello:oci'
        doc.results[0].endpoint == origin.host
        doc.results[0].endpointRepository == 'library/hello'
        doc.results[0].digest == ociDigest
    }

    def "a blocked registry is denied, naming the file, before any request"() {
        given:
        Path conf = file('registries.conf', """\
            [[registry]]
            location = "${origin.host}"
            blocked = true
            """)

        when:
        Map doc = json(['--registries-conf', conf.toString(), "${origin.host}/library/hello:oci".toString()])

        then:
        doc.exit == 1
        doc.results[0].status == 'denied_by_policy'
        doc.results[0].reason.contains(conf.toString())
        doc.results[0].reason.contains('blocked')
        origin.requestLog.empty
    }

    def "a digest-only mirror is skipped for a tag and asked for a digest"() {
        given:
        Path conf = file('registries.conf', """\
            [[registry]]
            prefix = "${origin.host}"
            [[registry.mirror]]
            location = "${mirror.host}/proxy-project"
            pull-from-mirror = "digest-only"
            """)

        when:
        Map byTag = json(['--registries-conf', conf.toString(), "${origin.host}/library/hello:oci".toString()])

        then:
        byTag.results[0].endpoint == origin.host
        mirror.requestLog.empty

        when:
        Map byDigest = json(['--registries-conf', conf.toString(), "${origin.host}/library/hello@${ociDigest}".toString()])

        then:
        byDigest.results[0].endpoint == mirror.host
        mirror.requestLog.any { it.startsWith("HEAD /v2/proxy-project/library/hello/manifests/${ociDigest}") }
    }

    def "an insecure mirror speaking plain HTTP is used, with a warning that its TLS is not verified"() {
        given:
        Path conf = file('registries.conf', """\
            [[registry]]
            prefix = "${origin.host}"
            [[registry.mirror]]
            location = "${mirror.host}/proxy-project"
            insecure = true
            """)

        when:
        Map doc = json(['--registries-conf', conf.toString(), "${origin.host}/library/hello:only-on-mirror".toString()])

        then:
        doc.results[0].status == 'accessible'
        doc.results[0].endpoint == mirror.host
        doc.err.contains("TLS certificates of ${mirror.host} are not verified (${conf} [[registry]] prefix '${origin.host}')")
    }

    def "a containerd hosts.toml mirror with override_path serves the proxy project"() {
        given:
        file("certs.d/${origin.host}/hosts.toml", """\
            server = "http://${origin.host}"

            [host."http://${mirror.host}/v2/proxy-project"]
              capabilities = ["pull", "resolve"]
              override_path = true
            """)

        when:
        Map doc = json(['--registries-conf', 'none', '--containerd-hosts', dir.resolve('certs.d').toString(),
                        "${origin.host}/library/hello:only-on-mirror".toString()])

        then:
        doc.results[0].status == 'accessible'
        doc.results[0].endpoint == mirror.host
        doc.results[0].endpointRepository == 'proxy-project/library/hello'
    }

    def "Docker's registry-mirrors serve Docker Hub images without asking Docker Hub"() {
        given:
        Path daemon = file('daemon.json', """{"registry-mirrors": ["http://${mirror.host}"]}""")

        when:
        Map doc = json(['--registries-conf', 'none', '--docker-daemon-config', daemon.toString(), 'docker.io/library/hello:oci'])

        then:
        doc.results[0].status == 'accessible'
        doc.results[0].endpoint == mirror.host
        doc.results[0].endpointRepository == 'library/hello'
        doc.registries*.host == [mirror.host]
    }

    def "the policy's mirror wins over registries.conf, and -v says where each source comes from"() {
        given:
        Path conf = file('registries.conf', """\
            [[registry]]
            prefix = "${origin.host}"
            [[registry.mirror]]
            location = "127.0.0.1:1/nowhere"
            """)
        Path policy = file('policy.groovy', """\
            registry('${origin.host}') { mirror 'http://${mirror.host}/proxy-project' }
            """)

        when:
        CliRunner.Run run = CliRunner.run(['-v', '--registries-conf', conf.toString(), '--policy', policy.toString(),
                                           "${origin.host}/library/hello:only-on-mirror".toString()], [HOME: dir.toString()])

        then:
        run.exitCode == 0
        run.err.contains("registry ${origin.host}:")
        run.err.contains("mirror ${mirror.host}/proxy-project/library/hello (policy ${policy.fileName}, line 1)")
        run.err.contains("registry ${origin.host}/library/hello")
        !run.err.contains('127.0.0.1:1/')
    }

    def "a malformed registries.conf is one line naming the file and the line, exit 2"() {
        given:
        Path conf = file('registries.conf', '[[registry]]\nprefix = "a.example"\ninsecure = yes\n')

        when:
        CliRunner.Run run = CliRunner.run(['--registries-conf', conf.toString(), "${origin.host}/library/hello:oci".toString()])

        then:
        run.exitCode == 2
        run.err.readLines().size() == 1
        run.err.startsWith("check-image: ${conf} (line 3): not valid TOML")
        origin.requestLog.empty
    }
}

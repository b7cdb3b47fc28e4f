package checkimage.network

import checkimage.cli.CliRunner
import checkimage.fixture.RegistryFixture
import checkimage.fixture.ScratchDirectory
import checkimage.fixture.TestPki
import checkimage.json.Json
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The real registry demanding client certificates ({@code http.tls.clientcas}): a certs.d entry or a policy's
 * clientCert gets in; without one, or with a key that does not belong to the certificate, the result is unknown
 * with cause tls and says a client certificate was required. The key is never printed.
 */
class MutualTlsIntegrationSpec extends Specification {

    @Shared
    RegistryFixture registry

    @Shared
    Path otherPkiDir

    @TempDir
    Path dir

    def setupSpec() {
        registry = RegistryFixture.start(RegistryFixture.Mode.TOKEN, clientCas: true)
        registry.seedStandardImages()
        otherPkiDir = ScratchDirectory.create('check-image-other-pki-')
    }

    def cleanupSpec() {
        registry?.close()
        if (otherPkiDir != null) {
            ScratchDirectory.delete(otherPkiDir)
        }
    }

    String image() {
        "${registry.host}/public/hello:oci"
    }

    /** A certs.d directory with a client certificate for the registry, issued by its CA. */
    Path certsDir() {
        Path host = dir.resolve('certs.d').resolve(registry.host)
        Files.createDirectories(host)
        TestPki.shared().issueClient(host, 'client')
        dir.resolve('certs.d')
    }

    CliRunner.Run check(List<String> args) {
        CliRunner.run(['--ca-file', registry.caFile.toString(), '-o', 'json'] + args + [image()])
    }

    Map result(CliRunner.Run run) {
        (Json.parse(run.out) as Map).results[0] as Map
    }

    def "a client certificate in certs.d gets in"() {
        when:
        CliRunner.Run run = check(['--certs-dir', certsDir().toString()])

        then:
        run.exitCode == 0
        result(run).status == 'accessible'
    }

    def "without a client certificate the result is unknown with cause tls, saying one was required"() {
        when:
        Map json = result(check(['--certs-dir', dir.resolve('empty').toString()]))

        then:
        json.status == 'unknown'
        json.cause == 'tls'
        (json.reason as String).contains("${registry.host} requires a client certificate and none is configured for it")
    }

    def "a key that does not belong to the certificate is refused the same way, and the key is never printed"() {
        given:
        Path certs = certsDir()
        Path host = certs.resolve(registry.host)
        TestPki.generate(otherPkiDir).issueClient(otherPkiDir, 'stranger')
        Files.copy(otherPkiDir.resolve('stranger.key'), host.resolve('client.key'), java.nio.file.StandardCopyOption.REPLACE_EXISTING)
        String keyBody = Files.readAllLines(host.resolve('client.key')).find { !it.startsWith('-----') }

        when:
        CliRunner.Run run = CliRunner.run(['--ca-file', registry.caFile.toString(), '--certs-dir', certs.toString(), '-v', image()])
        Map json = result(check(['--certs-dir', certs.toString()]))

        then:
        json.status == 'unknown'
        json.cause == 'tls'
        (json.reason as String).contains("${registry.host} requires a client certificate and refused the one offered")
        !run.all.contains(keyBody)
        !run.all.contains('PRIVATE KEY')
    }

    def "a policy's clientCert gets in"() {
        given:
        Path host = certsDir().resolve(registry.host)
        Path policy = dir.resolve('policy.groovy')
        Files.writeString(policy, "registry('${registry.host}') { clientCert '${host.resolve('client.cert')}', '${host.resolve('client.key')}' }\n")

        expect:
        result(check(['--certs-dir', dir.resolve('empty').toString(), '--policy', policy.toString()])).status == 'accessible'
    }

    def "a client certificate from containerd's hosts.toml gets in, with the key kept out of -v"() {
        given:
        Path pki = dir.resolve('pki')
        Files.createDirectories(pki)
        TestPki.shared().issueClient(pki, 'node')
        Path hosts = dir.resolve('containerd').resolve(registry.host)
        Files.createDirectories(hosts)
        Files.writeString(hosts.resolve('hosts.toml'), """\
            server = "https://${registry.host}"
            client = [["${pki.resolve('node.cert')}", "${pki.resolve('node.key')}"]]
            """.stripIndent())
        String keyBody = Files.readAllLines(pki.resolve('node.key')).find { !it.startsWith('-----') }

        when:
        CliRunner.Run run = check(['--certs-dir', dir.resolve('empty').toString(), '--containerd-hosts',
                                   dir.resolve('containerd').toString(), '--registries-conf', 'none'])
        CliRunner.Run verbose = CliRunner.run(['--ca-file', registry.caFile.toString(), '--certs-dir', dir.resolve('empty').toString(),
                                               '--containerd-hosts', dir.resolve('containerd').toString(), '--registries-conf', 'none',
                                               '-v', image()])

        then:
        result(run).status == 'accessible'
        verbose.exitCode == 0
        !verbose.all.contains(keyBody)
    }
}

package checkimage.network

import checkimage.cli.CliRunner
import checkimage.fixture.RegistryFixture
import checkimage.fixture.ScratchDirectory
import checkimage.fixture.TestPki
import checkimage.json.Json
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/**
 * Two real TLS registries signed by two different CAs: a CA given for one registry (policy caFile, certs.d)
 * never makes the other's certificate valid; --ca-file is for every host.
 */
class TlsPerHostIntegrationSpec extends Specification {

    @Shared
    Path pkiDir

    @Shared
    RegistryFixture first

    @Shared
    RegistryFixture second

    @TempDir
    Path dir

    def setupSpec() {
        pkiDir = ScratchDirectory.create('check-image-second-pki-')
        first = RegistryFixture.start(RegistryFixture.Mode.TOKEN)
        first.seedStandardImages()
        second = RegistryFixture.start(RegistryFixture.Mode.TOKEN, pki: TestPki.generate(pkiDir))
        second.seedStandardImages()
    }

    def cleanupSpec() {
        first?.close()
        second?.close()
        if (pkiDir != null) {
            ScratchDirectory.delete(pkiDir)
        }
    }

    List<String> images() {
        ["${first.host}/public/hello:oci".toString(), "${second.host}/public/hello:oci".toString()]
    }

    /** Status and cause per registry, "accessible" or "unknown/tls". */
    List<String> outcomes(List<String> args) {
        Map doc = Json.parse(CliRunner.run(args + ['-o', 'json', '--certs-dir', dir.resolve('none').toString()] + images()).out) as Map
        (doc.results as List<Map>).collect { Map r -> r.cause == null ? r.status : "${r.status}/${r.cause}".toString() }
    }

    Path policy(String text) {
        Path file = dir.resolve('policy.groovy')
        Files.writeString(file, text)
        file
    }

    @Unroll("#blocks -> #expected")
    def "a policy caFile is trusted for its own registry only"(String blocks, List<String> expected) {
        given:
        Files.copy(first.caFile, dir.resolve('first-ca.pem'))
        Files.copy(second.caFile, dir.resolve('second-ca.pem'))
        String text = blocks.replace('FIRST', first.host).replace('SECOND', second.host)

        expect:
        outcomes(['--policy', policy(text).toString()]) == expected

        where:
        blocks                                                                            || expected
        "registry('FIRST') { caFile 'first-ca.pem' }\nregistry('SECOND') { caFile 'second-ca.pem' }" || ['accessible', 'accessible']
        "registry('FIRST') { caFile 'first-ca.pem' }"                                     || ['accessible', 'unknown/tls']
        "registry('FIRST') { caFile 'first-ca.pem'; caFile 'second-ca.pem' }"             || ['accessible', 'unknown/tls']
        "registry('FIRST') { caFile 'second-ca.pem' }"                                    || ['unknown/tls', 'unknown/tls']
    }

    def "a certs.d CA is trusted for its host only"() {
        given:
        Path certs = dir.resolve('certs.d')
        Files.createDirectories(certs.resolve(first.host))
        Files.copy(first.caFile, certs.resolve(first.host).resolve('ca.crt'))

        when:
        Map doc = Json.parse(CliRunner.run(['-o', 'json', '--certs-dir', certs.toString()] + images()).out) as Map

        then:
        (doc.results as List<Map>)*.status == ['accessible', 'unknown']
        (doc.results as List<Map>)[1].cause == 'tls'
    }

    def "--ca-file is trusted for every host"() {
        expect:
        outcomes(['--ca-file', first.caFile.toString(), '--ca-file', second.caFile.toString()]) == ['accessible', 'accessible']
        outcomes(['--ca-file', first.caFile.toString()]) == ['accessible', 'unknown/tls']
    }
}

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
 * A paced registry is sent its requests spread out, against the real registry: a run's duration is at least
 * (requests - 1) / rate, whether the pace comes from --rate or from the policy. Only a lower bound is asserted,
 * so a loaded machine cannot make it fail.
 */
class RequestPaceIntegrationSpec extends Specification {

    @Shared
    RegistryFixture registry

    @TempDir
    Path dir

    def setupSpec() {
        registry = RegistryFixture.start(RegistryFixture.Mode.PLAIN)
        registry.seedStandardImages()
    }

    def cleanupSpec() {
        registry?.close()
    }

    List<String> images() {
        ['library/hello:oci', 'library/hello:docker', 'private/hello:oci', 'team/app:oci', 'public/hello:oci']
                .collect { "${registry.host}/${it}".toString() }
    }

    @Unroll("paced by #how")
    def "requests to a paced registry are spread at the pace"(String how) {
        given:
        List<String> pace = how == '--rate'
                ? ['--rate', "${registry.host}=4/s".toString()]
                : ['--policy', Files.writeString(dir.resolve('policy.groovy'), "registry('${registry.host}') { limits { rate '4/s' } }\n").toString()]

        when:
        long start = System.nanoTime()
        CliRunner.Run run = CliRunner.run(['--registries-conf', 'none', '-o', 'json'] + pace + images())
        double seconds = (System.nanoTime() - start) / 1e9
        Map doc = Json.parse(run.out) as Map
        int requests = doc.registries.find { it.host == registry.host }.requests as int

        then:
        doc.results*.status.every { it == 'accessible' }
        requests >= 6
        seconds >= (requests - 1) / 4.0 - 0.05

        where:
        how << ['--rate', 'policy']
    }
}

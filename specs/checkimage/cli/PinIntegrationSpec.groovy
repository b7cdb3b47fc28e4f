package checkimage.cli

import checkimage.fixture.RegistryFixture
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/**
 * {@code --pin} against the real registry: round trips on real-world shaped files (multi-document manifests with
 * comments, quotes and anchors, a compose file with CRLF line endings and interpolation, a multi-stage
 * Dockerfile with an ARG, a reference list): only digest insertions, a second --pin changes nothing,
 * interpolated values and inaccessible images are left alone, stale pins reported or moved, dry runs print a
 * unified diff.
 */
class PinIntegrationSpec extends Specification {

    static final String DIGEST = /@sha256:[0-9a-f]{64}/

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

    CliRunner.Run pin(List<String> args) {
        CliRunner.run(['--ca-file', registry.caFile.toString(), '--pin'] + args)
    }

    Path write(String name, String text) {
        Files.writeString(dir.resolve(name), text.replace('HOST', registry.host))
    }

    String digest(String tag) {
        digests["library/hello:$tag"]
    }

    Path manifests() {
        write('k8s.yaml', '''\
            # shop: web tier
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, labels: {tier: "web"}}
            spec:
              template:
                spec:
                  containers:
                    - name: web   # the app
                      image: "HOST/library/hello:oci"   # quoted
                    - &sidecar
                      name: sidecar
                      image: 'HOST/library/hello:index'
                  initContainers:
                    - *sidecar
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
            spec:
              template:
                spec:
                  containers:
                    - name: migrate
                      image: HOST/public/hello:oci
                    - name: gone
                      image: HOST/library/hello:nope    # missing: never pinned
            '''.stripIndent())
    }

    def "--pin inserts the resolved digests and nothing else; a second --pin changes nothing"() {
        given:
        Path k8s = manifests()
        Path compose = write('compose.yml', 'services:\r\n  web:\r\n    image: HOST/library/hello:docker   # CRLF\r\n'
                + '  api:\r\n    image: ${API_IMAGE:-HOST/library/hello:oci}\r\n')
        Path dockerfile = write('Dockerfile', '# multi-stage\nARG BASE=HOST/library/hello:oci\n'
                + 'FROM HOST/library/hello:manifest-list AS build\nRUN echo hi\n\nFROM ${BASE}\nCOPY --from=build /x /x\n')
        Path list = write('images.txt', '# images\nHOST/public/hello:oci  # comment\n\nHOST/library/hello:docker\n')
        Map<Path, String> before = [k8s, compose, dockerfile, list].collectEntries { [it, Files.readString(it)] }
        Files.setPosixFilePermissions(k8s, PosixFilePermissions.fromString('rw-r-----'))

        when:
        CliRunner.Run first = pin(['--manifest', k8s, '--compose', compose, '--dockerfile', dockerfile, '--file', list]*.toString())
        Map<Path, String> after = before.keySet().collectEntries { [it, Files.readString(it)] }

        then: 'the check still reports the missing image, and pins the rest'
        first.exitCode == 1
        first.err.contains("pinned 3 reference(s) in ${k8s}")
        first.err.contains('cannot pin: comes from API_IMAGE')
        first.err.contains('cannot pin: comes from BASE')

        and: 'every file is the same but for the digests inserted after the tags'
        after.each { Path file, String text -> assert text.replaceAll(DIGEST, '') == before[file] }
        after[k8s].contains("image: \"${registry.host}/library/hello:oci@${digest('oci')}\"   # quoted")
        after[k8s].contains("image: '${registry.host}/library/hello:index@${digest('index')}'")
        after[k8s].contains("image: ${registry.host}/public/hello:oci@${digests['public/hello:oci']}\n")
        after[k8s].contains("image: ${registry.host}/library/hello:nope    # missing")
        after[compose] == before[compose].replace('hello:docker ', "hello:docker@${digest('docker')} ")
        after[dockerfile] == before[dockerfile].replace('hello:manifest-list ', "hello:manifest-list@${digest('manifest-list')} ")
        after[list].findAll(DIGEST).size() == 2
        PosixFilePermissions.toString(Files.getPosixFilePermissions(k8s)) == 'rw-r-----'
        Files.list(dir).withCloseable { it.toList() }.size() == 4

        when: 'pinned again'
        CliRunner.Run second = pin(['--manifest', k8s, '--compose', compose, '--dockerfile', dockerfile, '--file', list]*.toString())

        then: 'the pins are verified and nothing changes'
        second.exitCode == 1
        !second.err.contains('pinned')
        before.keySet().every { Files.readString(it) == after[it] }
    }

    def "--pin --dry-run prints a unified diff and writes nothing"() {
        given:
        Path list = write('images.txt', '# images\nHOST/library/hello:oci\n')

        when:
        CliRunner.Run run = pin(['--dry-run', '--file', list.toString()])

        then:
        run.exitCode == 0
        run.out == """\
            --- a/${list}
            +++ b/${list}
            @@ -1,2 +1,2 @@
             # images
            -${registry.host}/library/hello:oci
            +${registry.host}/library/hello:oci@${digest('oci')}
            """.stripIndent()
        Files.readString(list) == "# images\n${registry.host}/library/hello:oci\n".toString()
    }

    def "a pinned digest that no longer matches its tag is reported; --update moves it"() {
        given:
        Path list = write('images.txt', "HOST/library/hello:oci@${digest('docker')}\n")
        String stale = Files.readString(list)

        when:
        CliRunner.Run reported = pin(['--file', list.toString()])

        then:
        reported.exitCode == 0
        reported.err.contains("${digest('docker')} no longer matches ${registry.host}/library/hello:oci (now ${digest('oci')}); left as is (--update moves it)")
        Files.readString(list) == stale

        when:
        CliRunner.Run updated = pin(['--update', '--file', list.toString()])

        then:
        updated.exitCode == 0
        Files.readString(list) == "${registry.host}/library/hello:oci@${digest('oci')}\n".toString()
    }

    def "--pin needs a check, and --dry-run and --update need --pin"() {
        expect:
        CliRunner.run(['--pin', '--offline', 'nginx']).err.trim() == 'check-image: --pin needs the digests of a check; it cannot be used with --offline'
        CliRunner.run(['--dry-run', 'nginx']).exitCode == 2
        CliRunner.run(['--update', 'nginx']).err.trim() == 'check-image: --dry-run and --update are only used with --pin'
    }
}

package checkimage.nodeconfig

import checkimage.reference.ImageReference
import checkimage.registries.RegistryLayer
import checkimage.registries.RegistryRoutes
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/** Docker's daemon.json: registry-mirrors for Docker Hub, insecure-registries. */
class DockerDaemonConfigSpec extends Specification {

    @TempDir
    Path dir

    List<String> notes = []

    RegistryLayer read(String json) {
        DockerDaemonConfig.read(Files.writeString(dir.resolve('daemon.json'), json), notes.&add)
    }

    @Unroll("#json / #reference -> #expected")
    def "registry-mirrors apply to Docker Hub only, insecure-registries mark hosts insecure"(String json, String reference, List<String> expected) {
        expect:
        new RegistryRoutes([read(json)]).route(ImageReference.parse(reference)).sources()
                .collect { (it.isMirror() ? 'mirror ' : '') + it.reference() + (it.insecure() ? ' insecure' : '') } == expected

        where:
        json                                                         | reference             | expected
        '{"registry-mirrors": ["https://mirror.gcr.io"]}'            | 'nginx:1'             | ['mirror mirror.gcr.io/library/nginx:1', 'docker.io/library/nginx:1']
        '{"registry-mirrors": ["https://mirror.gcr.io"]}'            | 'ghcr.io/a/b:1'       | ['ghcr.io/a/b:1']
        '{"registry-mirrors": ["http://m.corp:5000/hub/"]}'          | 'nginx:1'             | ['mirror m.corp:5000/hub/library/nginx:1', 'docker.io/library/nginx:1']
        '{"insecure-registries": ["r.corp:5000"], "debug": true}'    | 'r.corp:5000/a:1'     | ['r.corp:5000/a:1 insecure']
        '{}'                                                         | 'nginx:1'             | ['docker.io/library/nginx:1']
    }

    def "an insecure range is noted and not applied"() {
        when:
        RegistryLayer layer = read('{"insecure-registries": ["10.0.0.0/8", "r.corp"]}')

        then:
        layer.entries()*.prefix() == ['r.corp']
        notes.size() == 1
        notes[0].endsWith('insecure-registries range 10.0.0.0/8 is not applied (list hosts instead)')
    }

    @Unroll("#json -> #message")
    def "a daemon.json that cannot be used names the file and what is wrong"(String json, String message) {
        when:
        read(json)

        then:
        NodeConfigException e = thrown()
        e.message == "${dir.resolve('daemon.json')}: ${message}".toString()

        where:
        json                                    | message
        '{"registry-mirrors": "https://m"'      | 'invalid JSON at position 32: Unexpected end-of-input: expected close marker for Object'
        '{"registry-mirrors": [1]}'             | 'registry-mirrors must be a string or a list of strings'
        '[]'                                    | 'invalid JSON: expected an object, got an array'
    }
}

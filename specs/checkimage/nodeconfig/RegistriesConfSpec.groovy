package checkimage.nodeconfig

import checkimage.reference.ImageReference
import checkimage.registries.RegistryLayer
import checkimage.registries.RegistryRoutes
import checkimage.registries.Route
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/** registries.conf (containers-registries.conf(5), v2) as skopeo reads it, and its errors. */
class RegistriesConfSpec extends Specification {

    @TempDir
    Path dir

    Path conf(String text, String name = 'registries.conf') {
        Files.writeString(dir.resolve(name), text)
    }

    List<String> sources(RegistryLayer layer, String reference) {
        Route route = new RegistryRoutes([layer]).route(ImageReference.parse(reference))
        (route.blockedBy().present ? ['blocked'] : []) +
                route.sources().collect { (it.isMirror() ? 'mirror ' : '') + it.reference() + (it.insecure() ? ' insecure' : '') }
    }

    @Unroll("#reference -> #expected")
    def "registry entries rewrite, mirror, block and mark insecure"(String text, String reference, List<String> expected) {
        expect:
        sources(RegistriesConf.read([conf(text)]), reference) == expected

        where:
        text                                                                                                  | reference                 | expected
        '[[registry]]\nprefix = "docker.io"\n[[registry.mirror]]\nlocation = "harbor.corp/hub"\n'             | 'nginx:1'                 | ['mirror harbor.corp/hub/library/nginx:1', 'docker.io/library/nginx:1']
        '[[registry]]\nlocation = "docker.io"\n[[registry.mirror]]\nlocation = "m.corp"\ninsecure = true\n'    | 'nginx:1'                 | ['mirror m.corp/library/nginx:1 insecure', 'docker.io/library/nginx:1']
        '[[registry]]\nprefix = "q.example/a"\nlocation = "in.corp/q-a"\n'                                    | 'q.example/a/app:1'       | ['in.corp/q-a/app:1']
        '[[registry]]\nprefix = "q.example"\ninsecure = true\n'                                               | 'q.example/app:1'         | ['q.example/app:1 insecure']
        '[[registry]]\nprefix = "q.example"\nblocked = true\n'                                                | 'q.example/app:1'         | ['blocked', 'q.example/app:1']
        '[[registry]]\nprefix = "q.example"\nmirror-by-digest-only = true\n[[registry.mirror]]\nlocation = "m.corp"\n' | 'q.example/app:1' | ['q.example/app:1']
        '[[registry]]\nprefix = "q.example"\n[[registry.mirror]]\nlocation = "m.corp"\npull-from-mirror = "tag-only"\n' | 'q.example/app:1' | ['mirror m.corp/app:1', 'q.example/app:1']
        '[[registry]]\nprefix = "*.corp.example"\nblocked = true\n'                                            | 'x.corp.example/app:1'    | ['blocked', 'x.corp.example/app:1']
        'unqualified-search-registries = ["quay.io"]\nshort-name-mode = "enforcing"\n[aliases]\n"a" = "quay.io/a"\n' | 'nginx' | ['docker.io/library/nginx:latest']
    }

    def "unqualified-search-registries are kept for reports, and a drop-in's entry for the same prefix wins"() {
        given:
        Path main = conf('unqualified-search-registries = ["registry.fedoraproject.org", "quay.io"]\n[[registry]]\nprefix = "q.example"\n[[registry.mirror]]\nlocation = "old.corp"\n')
        Path dropIn = conf('[[registry]]\nprefix = "q.example"\n[[registry.mirror]]\nlocation = "new.corp"\n', '50-mirror.conf')

        when:
        RegistryLayer layer = RegistriesConf.read([main, dropIn])

        then:
        layer.unqualifiedSearch() == ['registry.fedoraproject.org', 'quay.io']
        sources(layer, 'q.example/app:1')[0] == 'mirror new.corp/app:1'
    }

    @Unroll("#text.readLines().last() -> #message")
    def "a file that cannot be used is one message naming the file, the key or the line"(String text, String message) {
        given:
        Path file = conf(text)

        when:
        RegistriesConf.read([file])

        then:
        NodeConfigException e = thrown()
        e.message == "${file}${message}".toString()

        where:
        text                                                                     | message
        '[[registry]]\nprefix = "a.example"\ninsecure = yes\n'                    | " (line 3): not valid TOML: Unexpected 'y', expected ', \", ''', \"\"\", a number, a boolean, a date/time, an array, or a table"
        '[[registry]]\nprefix = "a.example"\ninsecure = "yes"\n'                  | ': registry[1].insecure must be true or false'
        '[[registry]]\ninsecure = true\n'                                         | ': registry[1].prefix or location must be set'
        '[[registry]]\nprefix = "a.example"\n[[registry.mirror]]\ninsecure = true\n' | ': registry.mirror[1].location must be set'
        '[[registry]]\nprefix = "a.example"\n[[registry.mirror]]\nlocation = "m"\npull-from-mirror = "sometimes"\n' | ": registry.mirror[1].pull-from-mirror is invalid: pull-from-mirror 'sometimes' is not one of: all, digest-only, tag-only"
        'registry = "a.example"\n'                                                | ': registry must be a list of tables ([[registry]])'
        '[[registry]]\nprefix = "*a.example"\n'                                   | ": registry[1].prefix or location is invalid: wildcard prefix '*a.example' must look like *.example.com"
    }
}

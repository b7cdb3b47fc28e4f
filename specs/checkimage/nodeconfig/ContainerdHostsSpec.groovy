package checkimage.nodeconfig

import checkimage.reference.ImageReference
import checkimage.registries.PullSource
import checkimage.registries.RegistryLayer
import checkimage.registries.RegistryRoutes
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/** containerd's hosts directory (/etc/containerd/certs.d/<namespace>/hosts.toml) as mirrors, TLS and upstream. */
class ContainerdHostsSpec extends Specification {

    @TempDir
    Path dir

    List<String> notes = []

    RegistryLayer read(String namespace, String text) {
        Path file = dir.resolve(namespace).resolve('hosts.toml')
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
        ContainerdHosts.read(dir, notes.&add)
    }

    List<PullSource> sources(RegistryLayer layer, String reference) {
        new RegistryRoutes([layer]).route(ImageReference.parse(reference)).sources()
    }

    @Unroll("#host -> #expected")
    def "each [host] is a mirror tried in file order, with its path and capabilities"(String host, String reference, List<String> expected) {
        given:
        RegistryLayer layer = read('docker.io', "server = \"https://registry-1.docker.io\"\n${host}\n")

        expect:
        sources(layer, reference)*.toString() == expected

        where:
        host                                                                                          | reference                    | expected
        '[host."https://harbor.corp/v2/hub"]\noverride_path = true'                                   | 'nginx:1'                    | ['mirror harbor.corp/hub/library/nginx:1 from ' + 'X', 'docker.io/library/nginx:1']
        '[host."https://m.corp:5000"]\ncapabilities = ["pull", "resolve"]'                            | 'nginx:1'                    | ['mirror m.corp:5000/library/nginx:1 from X', 'docker.io/library/nginx:1']
        '[host."https://m.corp"]\ncapabilities = ["pull"]'                                            | 'nginx:1'                    | ['docker.io/library/nginx:1']
        '[host."https://m.corp"]\ncapabilities = ["pull"]'                                            | 'nginx@sha256:' + 'a' * 64   | ['mirror m.corp/library/nginx@sha256:' + 'a' * 64 + ' from X', 'docker.io/library/nginx@sha256:' + 'a' * 64]
        '[host."https://m.corp"]\ncapabilities = ["resolve"]'                                          | 'nginx:1'                    | ['docker.io/library/nginx:1']
        '[host."https://m.corp/prefix"]'                                                              | 'nginx:1'                    | ['docker.io/library/nginx:1']
        '[host."http://a.corp"]\n[host."https://b.corp"]\nskip_verify = true'                         | 'nginx:1'                    | ['mirror a.corp/library/nginx:1 from X', 'mirror b.corp/library/nginx:1 (insecure) from X', 'docker.io/library/nginx:1']
    }

    def setup() {
        // the table writes the hosts.toml file a source comes from as X; Docker Hub's own line names none
        PullSource.metaClass.toString = { ->
            String text = (delegate.isMirror() ? 'mirror ' : '') + delegate.reference().toString() + (delegate.insecure() ? ' (insecure)' : '')
            String origin = delegate.origin().endsWith('hosts.toml') ? 'X' : delegate.origin()
            origin.empty ? text : text + ' from ' + origin
        }
    }

    def cleanup() {
        GroovySystem.metaClassRegistry.removeMetaClass(PullSource)
    }

    def "a host below a path without override_path is skipped with a note"() {
        when:
        read('docker.io', '[host."https://m.corp/prefix"]\n')

        then:
        notes == ['https://m.corp/prefix has its API below /prefix without override_path; check-image skips it']
    }

    def "ca, client and skip_verify are kept per host, relative to the namespace directory"() {
        when:
        RegistryLayer layer = read('r.corp:5000', '''\
            server = "https://r.corp:5000"
            ca = "r-ca.crt"
            [host."https://m.corp"]
              ca = ["/etc/certs/m-ca.crt"]
              client = [["m.cert", "m.key"]]
            '''.stripIndent())
        List<PullSource> sources = sources(layer, 'r.corp:5000/team/app:1')

        then:
        sources[0].tls().caFiles() == [Path.of('/etc/certs/m-ca.crt')]
        sources[0].tls().clientCert() == Optional.of(dir.resolve('r.corp:5000/m.cert'))
        sources[0].tls().clientKey() == Optional.of(dir.resolve('r.corp:5000/m.key'))
        sources[1].tls().caFiles() == [dir.resolve('r.corp:5000/r-ca.crt')]
        !sources[1].tls().toString().contains('m.key')
    }

    @Unroll("#text -> #message")
    def "a hosts.toml that cannot be used names the file and what is wrong"(String text, String message) {
        when:
        read('r.corp', text)

        then:
        NodeConfigException e = thrown()
        e.message == "${dir.resolve('r.corp/hosts.toml')}${message}".toString()

        where:
        text                                                    | message
        'server = "https://r.corp"\n[host."https://m"\n'        | ' (line 2): not valid TOML: Unexpected end of line, expected ]'
        '[host."https://m.corp"]\nskip_verify = "yes"\n'        | ': host."https://m.corp".skip_verify must be true or false'
        '[host."https://m.corp"]\nclient = 3\n'                 | ': host."https://m.corp".client must be a path, a [cert, key] pair or a list of pairs'
        '[host."https://m.corp/x"]\noverride_path = true\n'     | ': host."https://m.corp/x".(host URL https://m.corp/x) is invalid: with override_path the path must start with /v2'
    }
}

package checkimage.client

import checkimage.credentials.Environment
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** certs.d as Docker and the containers tools lay it out, and how a host's TLS settings are looked up. */
class CertsDirectoriesSpec extends Specification {

    @TempDir
    Path dir

    Path file(String path) {
        Path file = dir.resolve(path)
        Files.createDirectories(file.parent)
        Files.writeString(file, 'pem')
    }

    def "the defaults are /etc/containers, /etc/docker and the XDG config directory, from the given environment"() {
        expect:
        CertsDirectories.defaults(new Environment([XDG_CONFIG_HOME: '/xdg'], Path.of('/home/u'))) ==
                [Path.of('/etc/containers/certs.d'), Path.of('/etc/docker/certs.d'), Path.of('/xdg/containers/certs.d')]
        CertsDirectories.defaults(new Environment([:], Path.of('/home/u')))[2] == Path.of('/home/u/.config/containers/certs.d')
    }

    def "*.crt files are CAs of their host, a .cert and its .key a client certificate; missing directories are skipped"() {
        given:
        Path ca = file('one/Registry.Corp:5000/ca.crt')
        Path extra = file('one/Registry.Corp:5000/extra.crt')
        Path cert = file('one/Registry.Corp:5000/client.cert')
        Path key = file('one/Registry.Corp:5000/client.key')
        Path other = file('two/registry.corp:5000/other.crt')
        file('two/registry.corp:5000/second.cert')
        file('two/registry.corp:5000/second.key')

        when:
        Map<String, HostTls> hosts = CertsDirectories.read([dir.resolve('one'), dir.resolve('absent'), dir.resolve('two')])

        then:
        hosts.keySet() == ['registry.corp:5000'] as Set
        hosts['registry.corp:5000'].caFiles() as Set == [ca, extra, other] as Set
        hosts['registry.corp:5000'].clientCertificate().get().certificate() == cert
        hosts['registry.corp:5000'].clientCertificate().get().key() == key
    }

    def "a client certificate without its key is an error naming both"() {
        given:
        Path cert = file('d/registry.corp/client.cert')

        when:
        CertsDirectories.read([dir.resolve('d')])

        then:
        IllegalArgumentException e = thrown()
        e.message == "client certificate ${cert} has no key client.key"
    }

    def "a host's settings are found with or without the default port, and CAs never leak to another host"() {
        given:
        TransportSettings settings = TransportSettings.defaults()
                .withHostTls('registry.corp', HostTls.ofCaFiles([Path.of('/a.crt')], 'certs.d'))
                .withHostTls('registry.corp', HostTls.ofCaFiles([Path.of('/b.crt')], 'policy'))
                .withHostTls('lab:5000', HostTls.ofCaFiles([Path.of('/lab.crt')], 'certs.d'))

        expect:
        settings.tlsFor('REGISTRY.corp').caFiles() == [Path.of('/a.crt'), Path.of('/b.crt')]
        settings.tlsFor('registry.corp:443').caFiles() == [Path.of('/a.crt'), Path.of('/b.crt')]
        settings.tlsFor('lab:5000').caFiles() == [Path.of('/lab.crt')]
        settings.tlsFor('lab').caFiles() == []
        settings.tlsFor('ghcr.io').caFiles() == []
    }

    def "a stronger client certificate replaces a weaker one; skipping verification sticks"() {
        given:
        ClientCertificate weak = new ClientCertificate(Path.of('/w.cert'), Path.of('/w.key'), 'certs.d')
        ClientCertificate strong = new ClientCertificate(Path.of('/s.cert'), Path.of('/s.key'), 'policy')

        when:
        HostTls combined = HostTls.ofClientCertificate(weak).skippingVerification('flag')
                .overriddenBy(HostTls.ofClientCertificate(strong))

        then:
        combined.clientCertificate().get() == strong
        combined.skipVerify()
        !combined.toString().contains('.key')
    }
}

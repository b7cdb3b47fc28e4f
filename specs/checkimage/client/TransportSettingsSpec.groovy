package checkimage.client

import spock.lang.Specification
import spock.lang.Unroll

import java.nio.file.Path
import java.time.Duration

/** Which hosts may speak plain HTTP or skip TLS verification: listed ones, and for plain HTTP loopback ones. */
class TransportSettingsSpec extends Specification {

    @Unroll("#host -> loopback: #loopback")
    def "only localhost, 127.0.0.0/8 and ::1 are loopback, with or without a port"(String host, boolean loopback) {
        expect:
        TransportSettings.isLoopback(host) == loopback

        where:
        host                       || loopback
        'localhost'                || true
        'LOCALHOST:5000'           || true
        'LocalHost'                || true
        'localhost:80'             || true
        '127.0.0.1'                || true
        '127.0.0.1:5000'           || true
        '127.1.2.3:80'             || true
        '127.255.255.255'          || true
        '127.0.0.0'                || true
        '[::1]'                    || true
        '[::1]:5000'               || true
        '::1'                      || true
        '128.0.0.1'                || false
        '126.255.255.255'          || false
        '10.0.0.1'                 || false
        '0.0.0.0'                  || false
        '127.0.0.256'              || false
        '127.0.0.1000'             || false
        '127.0.0'                  || false
        '127.0.0.1.1'              || false
        '127.0.0.'                 || false
        '127..0.1'                 || false
        '127.0.0.-1'               || false
        '127.0.0.a'                || false
        '127.0.0.1.nip.io'         || false
        '127.0.0.1.nip.io:5000'    || false
        'localhost.example.com'    || false
        'localhost.'               || false
        'mylocalhost'              || false
        'localhostx:5000'          || false
        '[::2]:5000'               || false
        '[::ffff:7f00:1]'          || false
        'registry.example.com:5000'|| false
        ''                         || false
    }

    @Unroll("#host -> plain HTTP allowed: #allowed")
    def "plain HTTP is allowed for listed hosts, compared case-insensitively with their port, and for loopback"(
            String host, boolean allowed) {
        given:
        TransportSettings settings = TransportSettings.defaults().withPlainHttp('Registry.Local:5000')

        expect:
        settings.allowsPlainHttp(host) == allowed

        where:
        host                    || allowed
        'registry.local:5000'   || true
        'REGISTRY.LOCAL:5000'   || true
        'Registry.Local:5000'   || true
        'registry.local'        || false
        'registry.local:5001'   || false
        'other.local:5000'      || false
        'localhost:5000'        || true
        '127.0.0.1'             || true
        '[::1]:5000'            || true
        'docker.io'             || false
    }

    @Unroll("#host -> skips TLS verification: #skips")
    def "TLS verification is skipped only for listed hosts, case-insensitively, never merely for loopback"(
            String host, boolean skips) {
        given:
        TransportSettings settings = TransportSettings.defaults().withSkipTlsVerify('Self-Signed.Example:8443')

        expect:
        settings.skipsTlsVerify(host) == skips

        where:
        host                        || skips
        'self-signed.example:8443'  || true
        'SELF-SIGNED.EXAMPLE:8443'  || true
        'self-signed.example'       || false
        'self-signed.example:443'   || false
        'localhost'                 || false
        '127.0.0.1:5000'            || false
    }

    def "hosts given to the constructor are compared case-insensitively too"() {
        given:
        TransportSettings settings = new TransportSettings(['Plain.Example'] as Set, ['Skip.Example:443'] as Set, [],
                Duration.ofSeconds(1), Duration.ofSeconds(2))

        expect:
        settings.allowsPlainHttp('plain.example')
        settings.skipsTlsVerify('skip.example:443')
        !settings.skipsTlsVerify('plain.example')
        !settings.allowsPlainHttp('skip.example:443')
    }

    def "the defaults allow plain HTTP to loopback only and verify TLS everywhere"() {
        given:
        TransportSettings defaults = TransportSettings.defaults()

        expect:
        defaults.plainHttpHosts().isEmpty()
        defaults.skipTlsVerifyHosts().isEmpty()
        defaults.caFiles().isEmpty()
        defaults.connectTimeout() == Duration.ofSeconds(5)
        defaults.readTimeout() == Duration.ofSeconds(10)
        !defaults.allowsPlainHttp('registry.example.com')
        !defaults.skipsTlsVerify('registry.example.com')
    }

    def "each with-method returns a new value and leaves the original alone"() {
        given:
        TransportSettings original = TransportSettings.defaults()

        when:
        TransportSettings changed = original.withPlainHttp('a.example').withSkipTlsVerify('b.example')
                .withCaFile(Path.of('/tmp/ca.pem')).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))

        then:
        changed.allowsPlainHttp('a.example')
        changed.skipsTlsVerify('b.example')
        changed.caFiles() == [Path.of('/tmp/ca.pem')]
        changed.connectTimeout() == Duration.ofSeconds(1)
        changed.readTimeout() == Duration.ofSeconds(2)
        original == TransportSettings.defaults()
        !original.allowsPlainHttp('a.example')
    }

    def "the host sets and CA files cannot be changed from outside"() {
        given:
        TransportSettings settings = TransportSettings.defaults().withPlainHttp('a.example').withCaFile(Path.of('ca.pem'))

        when:
        settings.plainHttpHosts().add('evil.example')

        then:
        thrown(UnsupportedOperationException)

        when:
        settings.caFiles().add(Path.of('evil.pem'))

        then:
        thrown(UnsupportedOperationException)
    }

    @Unroll("#description")
    def "timeouts are required"(String description, Duration connect, Duration read, String message) {
        when:
        new TransportSettings([] as Set, [] as Set, [], connect, read)

        then:
        NullPointerException e = thrown()
        e.message == message

        where:
        description         | connect                | read                   || message
        'no connect timeout'| null                   | Duration.ofSeconds(1)  || 'connectTimeout'
        'no read timeout'   | Duration.ofSeconds(1)  | null                   || 'readTimeout'
    }
}

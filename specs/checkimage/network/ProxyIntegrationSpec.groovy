package checkimage.network

import checkimage.cli.CliRunner
import checkimage.fixture.RegistryFixture
import checkimage.fixture.SquidFixture
import checkimage.json.Json
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * Through a real proxy (squid on loopback) to the real registry: CONNECT tunnels for HTTPS (token realm
 * included), absolute-URI requests for plain HTTP, proxy authentication on and off, and what a refusing or
 * missing proxy looks like. The registry is named {@code registry.test}, a name only squid resolves: a request
 * that did not go through the proxy cannot reach it.
 */
class ProxyIntegrationSpec extends Specification {

    static final String PROXY_PASSWORD = 'carol-proxy-pw'

    @Shared
    RegistryFixture registry

    @Shared
    RegistryFixture plain

    @Shared
    SquidFixture squid

    @Shared
    SquidFixture guarded

    @TempDir
    Path dir

    def setupSpec() {
        registry = RegistryFixture.start(RegistryFixture.Mode.TOKEN)
        registry.seedStandardImages()
        plain = RegistryFixture.start(RegistryFixture.Mode.PLAIN)
        plain.seedStandardImages()
        squid = SquidFixture.start()
        guarded = SquidFixture.start(carol: PROXY_PASSWORD)
    }

    def cleanupSpec() {
        [registry, plain, squid, guarded].each { it?.close() }
    }

    def setup() {
        squid.clearAccessLog()
        guarded.clearAccessLog()
    }

    static String port(RegistryFixture fixture) {
        fixture.host.split(':')[1]
    }

    String viaName(String path) {
        "${SquidFixture.TEST_HOST}:${port(registry)}/${path}"
    }

    List<String> tls() {
        ['--ca-file', registry.caFile.toString()]
    }

    Map result(CliRunner.Run run) {
        (Json.parse(run.out) as Map).results[0] as Map
    }

    def "an https registry and its token realm are reached through the proxy's CONNECT tunnels"() {
        when:
        CliRunner.Run run = CliRunner.run(tls() + ['-o', 'json', viaName('public/hello:oci')], [HTTPS_PROXY: squid.url])
        Map json = result(run)

        then:
        run.exitCode == 0
        json.status == 'accessible'
        json.proxy == squid.url
        json.endpoint == "${SquidFixture.TEST_HOST}:${port(registry)}".toString()

        and: 'HTTP/2 inside the tunnel, as the registry offers it'
        CliRunner.run(tls() + ['-v', viaName('public/hello:oci')], [HTTPS_PROXY: squid.url]).err
                .readLines().any { it.contains('HEAD https://registry.test') && it.contains('HTTP/2') }

        and: 'squid tunnelled to the registry and to its token server'
        List<String> tunnels = squid.awaitAccessLog(2).findAll { it.method == 'CONNECT' && it.status == 200 }*.url
        tunnels.contains("${SquidFixture.TEST_HOST}:${port(registry)}".toString())
        tunnels.contains(registry.tokenServer.realm.authority)
    }

    def "a plain-HTTP registry is asked through the proxy with absolute URIs"() {
        given:
        String host = "${SquidFixture.TEST_HOST}:${port(plain)}"

        when:
        CliRunner.Run run = CliRunner.run(['-o', 'json', '--plain-http', host, "${host}/library/hello:oci".toString()],
                [http_proxy: squid.url])

        then:
        run.exitCode == 0
        result(run).status == 'accessible'

        and:
        List<SquidFixture.Entry> log = squid.awaitAccessLog(2)
        log.any { it.method == 'GET' && it.url == "http://${host}/v2/".toString() }
        log.any { it.method == 'HEAD' && it.url == "http://${host}/v2/library/hello/manifests/oci".toString() }
    }

    def "proxy credentials in the URL are sent as Proxy-Authorization and never printed"() {
        when:
        CliRunner.Run text = CliRunner.run(tls() + ['-v', viaName('public/hello:oci')],
                [HTTPS_PROXY: guarded.urlWith('carol', PROXY_PASSWORD)])
        CliRunner.Run json = CliRunner.run(tls() + ['-o', 'json', viaName('public/hello:oci')],
                [HTTPS_PROXY: guarded.urlWith('carol', PROXY_PASSWORD)])

        then:
        text.exitCode == 0
        result(json).status == 'accessible'
        result(json).proxy == guarded.url

        and: 'squid authenticated carol for the tunnels'
        guarded.awaitAccessLog(2).any { it.method == 'CONNECT' && it.status == 200 && it.user == 'carol' }

        and:
        !(text.all + json.all).contains(PROXY_PASSWORD)
        text.err.contains("through proxy ${guarded.url}")
    }

    def "a proxy refusing the credentials is unknown with cause proxy, naming the proxy and the registry"() {
        when:
        CliRunner.Run run = CliRunner.run(tls() + ['-o', 'json', '--fail-on-unknown', viaName('public/hello:oci')],
                [HTTPS_PROXY: guarded.urlWith('carol', password)])
        Map json = result(run)

        then:
        run.exitCode == 3
        json.status == 'unknown'
        json.cause == 'proxy'
        json.rejection == null
        (json.reason as String).contains(guarded.url)
        (json.reason as String).contains("${SquidFixture.TEST_HOST}:${port(registry)}")
        (json.reason as String).contains('407')
        !run.all.contains('wrong-pw-123')

        where:
        password << ['wrong-pw-123']
    }

    def "a proxy that requires credentials and gets none is unknown with cause proxy"() {
        when:
        Map json = result(CliRunner.run(tls() + ['-o', 'json', viaName('public/hello:oci')], [HTTPS_PROXY: guarded.url]))

        then:
        json.status == 'unknown'
        json.cause == 'proxy'
        (json.reason as String).contains('give credentials in the proxy URL')
    }

    def "a loopback registry goes direct although HTTPS_PROXY is set"() {
        when:
        Map json = result(CliRunner.run(tls() + ['-o', 'json', "${registry.host}/public/hello:oci".toString()],
                [HTTPS_PROXY: squid.url]))

        then:
        json.status == 'accessible'
        json.proxy == null
        squid.accessLog.isEmpty()
    }

    def "a proxy set for a registry in the policy carries it even when it is loopback"() {
        given:
        Path policy = dir.resolve('policy.groovy')
        Files.writeString(policy, "registry('${registry.host}') { proxy '${squid.url}' }\n")

        when:
        Map json = result(CliRunner.run(tls() + ['-o', 'json', '--policy', policy.toString(),
                "${registry.host}/public/hello:oci".toString()]))

        then:
        json.status == 'accessible'
        json.proxy == squid.url
        squid.awaitAccessLog(1).any { it.method == 'CONNECT' && it.url == registry.host }
    }

    def "an unreachable proxy is unknown with cause proxy, not missing"() {
        given:
        int closed = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort }

        when:
        Map json = result(CliRunner.run(tls() + ['-o', 'json', '--timeout', '5s', viaName('public/hello:oci')],
                [HTTPS_PROXY: "http://127.0.0.1:${closed}".toString()]))

        then:
        json.status == 'unknown'
        json.cause == 'proxy'
        (json.reason as String).contains("cannot connect to proxy http://127.0.0.1:${closed}")
    }
}

package checkimage.client

import spock.lang.Specification
import spock.lang.Unroll

/** Which proxy a registry's requests take: the environment, JVM properties, per-registry routes, loopback. */
class ProxyRulesSpec extends Specification {

    static String proxyOf(ProxyRules rules, String registry, String scheme = 'https') {
        rules.select(registry, scheme).map { it.toString() }.orElse('direct')
    }

    @Unroll("#env -> #registry (#scheme) via #expected")
    def "the environment's proxies apply by scheme, lower case winning, NO_PROXY and loopback going direct"(
            Map<String, String> env, String registry, String scheme, String expected) {
        expect:
        proxyOf(ProxyRules.fromEnvironment(env, [:]), registry, scheme) == expected

        where:
        env                                                              | registry            | scheme  || expected
        [:]                                                              | 'ghcr.io'           | 'https' || 'direct'
        [HTTPS_PROXY: 'http://p:3128']                                   | 'ghcr.io'           | 'https' || 'http://p:3128'
        [HTTPS_PROXY: 'p:3128']                                          | 'ghcr.io'           | 'https' || 'http://p:3128'
        [HTTPS_PROXY: 'http://p']                                        | 'ghcr.io'           | 'https' || 'http://p:80'
        [HTTPS_PROXY: 'http://p:3128']                                   | 'lab:5000'          | 'http'  || 'direct'
        [HTTP_PROXY: 'http://q:8080']                                    | 'lab:5000'          | 'http'  || 'http://q:8080'
        [HTTP_PROXY: 'http://q:8080']                                    | 'ghcr.io'           | 'https' || 'direct'
        [HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2']   | 'ghcr.io'           | 'https' || 'http://lower:2'
        [HTTPS_PROXY: 'http://upper:1', https_proxy: '']                 | 'ghcr.io'           | 'https' || 'http://upper:1'
        [HTTPS_PROXY: 'http://p:1', NO_PROXY: 'ghcr.io']                 | 'ghcr.io'           | 'https' || 'direct'
        [HTTPS_PROXY: 'http://p:1', NO_PROXY: 'x', no_proxy: 'ghcr.io']  | 'ghcr.io'           | 'https' || 'direct'
        [HTTPS_PROXY: 'http://p:1', NO_PROXY: 'ghcr.io:443']             | 'ghcr.io'           | 'https' || 'direct'
        [HTTPS_PROXY: 'http://p:1', NO_PROXY: 'reg.corp:5000']           | 'reg.corp:5000'     | 'https' || 'direct'
        [HTTPS_PROXY: 'http://p:1', NO_PROXY: 'reg.corp:5000']           | 'reg.corp'          | 'https' || 'http://p:1'
        [HTTPS_PROXY: 'http://p:1']                                      | 'localhost:5000'    | 'https' || 'direct'
        [HTTPS_PROXY: 'http://p:1']                                      | '127.0.0.1:5000'    | 'https' || 'direct'
        [HTTPS_PROXY: 'http://p:1']                                      | '[::1]:5000'        | 'https' || 'direct'
    }

    def "the JVM's proxy properties, when set, are used instead of the environment"() {
        given:
        ProxyRules rules = ProxyRules.fromEnvironment([HTTPS_PROXY: 'http://env:1'],
                ['https.proxyHost': 'jvm.corp', 'https.proxyPort': '3128', 'http.nonProxyHosts': '*.internal'])

        expect:
        proxyOf(rules, 'ghcr.io') == 'http://jvm.corp:3128'
        proxyOf(rules, 'registry.internal') == 'direct'
        proxyOf(rules, 'lab:5000', 'http') == 'direct'
    }

    def "a route set for a registry wins over NO_PROXY and loopback, and noProxy() over the environment"() {
        given:
        ProxyRules rules = ProxyRules.fromEnvironment([HTTPS_PROXY: 'http://env:1', NO_PROXY: 'ghcr.io'], [:])
                .withRegistry('GHCR.io', Optional.of(HttpProxy.parse('http://own:2', 'policy')))
                .withRegistry('127.0.0.1:5000', Optional.of(HttpProxy.parse('http://own:2', 'policy')))
                .withRegistry('quay.io', Optional.empty())

        expect:
        proxyOf(rules, 'ghcr.io') == 'http://own:2'
        proxyOf(rules, '127.0.0.1:5000') == 'http://own:2'
        proxyOf(rules, 'quay.io') == 'direct'
        proxyOf(rules, 'docker.io') == 'http://env:1'
    }

    def "a general policy proxy replaces the environment's; a general noProxy() sends everyone direct"() {
        given:
        ProxyRules env = ProxyRules.fromEnvironment([HTTPS_PROXY: 'http://env:1', NO_PROXY: 'quay.io'], [:])

        expect:
        proxyOf(env.withGeneral(Optional.of(HttpProxy.parse('http://pol:2', 'p')), 'p'), 'docker.io') == 'http://pol:2'
        proxyOf(env.withGeneral(Optional.of(HttpProxy.parse('http://pol:2', 'p')), 'p'), 'quay.io') == 'direct'
        proxyOf(env.withGeneral(Optional.empty(), 'p'), 'docker.io') == 'direct'
    }

    def "proxy credentials are decoded, kept as a secret and never shown"() {
        when:
        HttpProxy proxy = HttpProxy.parse('http://car%40ol:pa%3Ass@proxy.corp:3128', 'HTTPS_PROXY')

        then:
        proxy.username().get() == 'car@ol'
        proxy.password().revealForHeader() == 'pa:ss'
        proxy.toString() == 'http://proxy.corp:3128'
        !proxy.toString().contains('pa')
        !String.valueOf(proxy.password()).contains('pa')
    }

    @Unroll("#value -> #message")
    def "a malformed proxy setting is an error naming the setting, never the password"(String value, String message) {
        when:
        HttpProxy.parse(value, 'HTTPS_PROXY')

        then:
        IllegalArgumentException e = thrown()
        e.message == message
        !e.message.contains('s3cret')

        where:
        value                                   || message
        ''                                      || 'HTTPS_PROXY: empty proxy URL'
        'https://u:s3cret@proxy:3128'           || "HTTPS_PROXY: proxy 'https://***@proxy:3128' is not an http:// URL (only HTTP proxies are supported)"
        'socks5://proxy:1080'                   || "HTTPS_PROXY: proxy 'socks5://proxy:1080' is not an http:// URL (only HTTP proxies are supported)"
        'http://u:s3cret@proxy:3128/path'       || "HTTPS_PROXY: proxy 'http://***@proxy:3128/path' must be http://[user:password@]host[:port]"
        'http://u:s3cret@proxy:3128 x'          || "HTTPS_PROXY: 'http://***@proxy:3128 x' is not a proxy URL"
    }
}

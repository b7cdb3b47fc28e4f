package checkimage.client

import spock.lang.Specification
import spock.lang.Unroll

/** NO_PROXY read as Go's golang.org/x/net/http/httpproxy reads it, and the JVM's http.nonProxyHosts globs. */
class NoProxySpec extends Specification {

    @Unroll("NO_PROXY=#noProxy: #host:#port direct #direct")
    def "NO_PROXY entries match hosts the way Go reads them"(String noProxy, String host, int port, boolean direct) {
        expect:
        NoProxy.parse(noProxy).matches(host, port) == direct

        where:
        noProxy                       | host                  | port || direct
        ''                            | 'registry.corp'       | 443  || false
        '*'                           | 'anything.example'    | 443  || true
        ' * '                         | '10.1.2.3'            | 80   || true
        'corp'                        | 'registry.corp'       | 443  || true
        'registry.corp'               | 'registry.corp'       | 443  || true
        'registry.corp'               | 'eu.registry.corp'    | 443  || true
        'registry.corp'               | 'xregistry.corp'      | 443  || false
        '.registry.corp'              | 'eu.registry.corp'    | 443  || true
        '.registry.corp'              | 'registry.corp'       | 443  || false
        '*.registry.corp'             | 'eu.registry.corp'    | 443  || true
        '*.registry.corp'             | 'registry.corp'       | 443  || false
        'REGISTRY.Corp'               | 'registry.CORP'       | 443  || true
        'a.example, registry.corp'    | 'registry.corp'       | 443  || true
        'a.example,,b.example'        | 'b.example'           | 443  || true
        'registry.corp:5000'          | 'registry.corp'       | 5000 || true
        'registry.corp:5000'          | 'registry.corp'       | 443  || false
        '10.1.2.3'                    | '10.1.2.3'            | 443  || true
        '10.1.2.3'                    | '10.1.2.4'            | 443  || false
        '10.1.2.3:5000'               | '10.1.2.3'            | 5000 || true
        '10.1.2.3:5000'               | '10.1.2.3'            | 443  || false
        '10.0.0.0/8'                  | '10.200.3.4'          | 443  || true
        '10.0.0.0/8'                  | '11.0.0.1'            | 443  || false
        '192.168.4.0/22'              | '192.168.7.255'       | 443  || true
        '192.168.4.0/22'              | '192.168.8.0'         | 443  || false
        '10.0.0.0/8'                  | 'ten.example'         | 443  || false
        '2001:db8::/32'               | '[2001:db8::1]'       | 443  || true
        '2001:db8::1'                 | '[2001:db8::1]'       | 443  || true
        '[2001:db8::1]:5000'          | '[2001:db8::1]'       | 5000 || true
        '[2001:db8::1]:5000'          | '[2001:db8::1]'       | 443  || false
        'registry.corp'               | '10.1.2.3'            | 443  || false
        '999.1.1.1'                   | '999.1.1.1'           | 443  || true
        '10.0.0.0/33'                 | '10.0.0.1'            | 443  || false
        'registry.corp:http'          | 'registry.corp'       | 80   || false
    }

    @Unroll("http.nonProxyHosts=#hosts: #host direct #direct")
    def "the JVM's http.nonProxyHosts globs match at either end"(String hosts, String host, boolean direct) {
        expect:
        NoProxy.parseJvm(hosts).matches(host, 443) == direct

        where:
        hosts                     | host                || direct
        '*.corp|localhost'        | 'registry.corp'     || true
        '*.corp|localhost'        | 'corp.example'      || false
        'registry.*'              | 'registry.corp'     || true
        'registry.corp'           | 'registry.corp'     || true
        'registry.corp'           | 'eu.registry.corp'  || false
        '*'                       | 'anything'          || true
        ''                        | 'registry.corp'     || false
    }
}

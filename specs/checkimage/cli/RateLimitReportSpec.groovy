package checkimage.cli

import checkimage.client.FaultServer
import checkimage.json.Json
import com.sun.net.httpserver.HttpExchange
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.Unroll

import java.security.MessageDigest

import static checkimage.client.FaultServer.respond

/**
 * Rate-limit headers reach the report: registries[] in JSON per host (requests, limit, remaining, window) and a
 * warning on stderr below 10% left. The checks use HEAD, which Docker Hub does not count against the pull quota.
 * The fault server stands in for a registry that sends the headers.
 */
class RateLimitReportSpec extends Specification {

    static final String MANIFEST = '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",' +
            '"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:' + '0' * 64 + '","size":2},"layers":[]}'
    static final String DIGEST = 'sha256:' + MessageDigest.getInstance('SHA-256').digest(MANIFEST.getBytes('UTF-8')).encodeHex()

    @AutoCleanup
    FaultServer server = new FaultServer()

    void registrySending(Map<String, String> rateHeaders) {
        server.on('GET /v2/') { HttpExchange ex, int n -> respond(ex, 200, [:], '{}') }
        ['a', 'b'].each { String repo ->
            server.on("HEAD /v2/${repo}/manifests/1".toString()) { HttpExchange ex, int n ->
                respond(ex, 200, ['Docker-Content-Digest': DIGEST, 'Content-Type': 'application/vnd.oci.image.manifest.v1+json',
                                  'Content-Length': MANIFEST.length() as String] + rateHeaders)
            }
        }
    }

    @Unroll("#headers -> remaining #remaining of #limit, warned #warned")
    def "each registry's requests and quota are reported, and a nearly used-up quota is warned about"(
            Map<String, String> headers, Integer limit, Integer remaining, Integer window, boolean warned) {
        given:
        registrySending(headers)

        when:
        CliRunner.Run run = CliRunner.run(['--registries-conf', 'none', '--plain-http', server.host, '-o', 'json', "${server.host}/a:1".toString(), "${server.host}/b:1".toString()])
        Map doc = Json.parse(run.out) as Map

        then:
        doc.results*.status == ['accessible', 'accessible']
        doc.registries == [[host: server.host, requests: 3, limit: limit, remaining: remaining, windowSeconds: window,
                            source: headers['docker-ratelimit-source']]]
        run.err.contains("rate limit nearly used up at ${server.host}: ${remaining} of ${limit} requests left") == warned
        server.requests*.method.toSet() == ['GET', 'HEAD'] as Set

        where:
        headers                                                                                     | limit | remaining | window | warned
        ['ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '9;w=21600', 'docker-ratelimit-source': '192.0.2.7'] | 100 | 9 | 21600 | true
        ['ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '10;w=21600']                    | 100   | 10        | 21600  | false
        ['RateLimit-Policy': '"default";q=50;w=60', 'RateLimit': '"default";r=2;t=30']              | 50    | 2         | 60     | true
        [:]                                                                                         | null  | null      | null   | false
    }
}

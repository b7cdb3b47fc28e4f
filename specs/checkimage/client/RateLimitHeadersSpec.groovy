package checkimage.client

import spock.lang.Specification
import spock.lang.Unroll

/** Rate-limit headers as Docker Hub and the drafts of draft-ietf-httpapi-ratelimit-headers write them. */
class RateLimitHeadersSpec extends Specification {

    static RegistryResponse response(Map<String, String> headers) {
        new RegistryResponse(200, headers.collectEntries { k, v -> [(k.toLowerCase()): [v]] }, null, false, '', URI.create('https://r.example/v2/'))
    }

    static String show(OptionalLong value) {
        value.present ? value.asLong as String : '-'
    }

    @Unroll("#headers -> limit #limit, remaining #remaining, window #window")
    def "limit, remaining and window are read from each form"(Map<String, String> headers, String limit, String remaining, String window) {
        when:
        RateLimitHeaders.Reading reading = RateLimitHeaders.read(response(headers))

        then:
        show(reading.limit()) == limit
        show(reading.remaining()) == remaining
        show(reading.windowSeconds()) == window

        where:
        headers                                                                            | limit | remaining | window
        ['RateLimit-Limit': '100;w=21600', 'RateLimit-Remaining': '76;w=21600']            | '100' | '76'      | '21600'
        ['ratelimit-limit': '200', 'ratelimit-remaining': '0']                             | '200' | '0'       | '-'
        ['RateLimit': 'limit=100, remaining=50, reset=30', 'RateLimit-Policy': '100;w=3600'] | '100' | '50'    | '3600'
        ['RateLimit-Policy': '"default";q=100;w=3600', 'RateLimit': '"default";r=7;t=30']  | '100' | '7'       | '3600'
        ['RateLimit-Limit': 'lots', 'RateLimit-Remaining': '-1']                           | '-'   | '-'       | '-'
        ['RateLimit-Limit': '9' * 30]                                                      | '-'   | '-'       | '-'
        [:]                                                                                | '-'   | '-'       | '-'
    }

    def "Docker Hub's docker-ratelimit-source says what the quota is counted against"() {
        expect:
        RateLimitHeaders.read(response(['docker-ratelimit-source': ' 192.0.2.7 ', 'ratelimit-limit': '100'])).source() == '192.0.2.7'
    }
}

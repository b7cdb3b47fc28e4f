package checkimage.auth

import spock.lang.Specification
import spock.lang.Subject
import spock.lang.Unroll

class ChallengeSelectorSpec extends Specification {

    @Subject
    ChallengeSelector selector = new ChallengeSelector()

    ChallengeParser parser = new ChallengeParser()

    @Unroll("#header -> #expected")
    def "Bearer with a realm is chosen over Basic, and schemes we cannot answer are ignored"(String header,
            String expected) {
        expect:
        selector.select(parser.parse(header)).map { it.toString() }.orElse(null) == expected

        where:
        header                                                          || expected
        'Basic realm="a", Bearer realm="https://b/token"'               || 'Bearer realm="https://b/token"'
        'Bearer realm="https://b/token", Basic realm="a"'               || 'Bearer realm="https://b/token"'
        'BEARER REALM="https://b/token"'                                || 'BEARER realm="https://b/token"'
        'Bearer service="s", Bearer realm="https://second/token"'       || 'Bearer realm="https://second/token"'
        'Negotiate abc==, Bearer realm="https://b/token",service="s"'   || 'Bearer realm="https://b/token", service="s"'
        'Basic realm="a"'                                               || 'Basic realm="a"'
        'basic'                                                         || 'basic'
        'Negotiate, Digest realm="d", nonce="n", Basic realm="a"'       || 'Basic realm="a"'
        'Basic realm="first", Basic realm="second"'                     || 'Basic realm="first"'
        'Bearer service="s", Basic realm="a"'                           || 'Basic realm="a"'
        'Bearer realm="", Basic realm="a"'                              || 'Basic realm="a"'
        'Bearer service="s"'                                            || null
        'Bearer realm="  "'                                             || null
        'Bearer'                                                        || null
        'Negotiate abc=='                                               || null
        'Digest realm="d", nonce="n"'                                   || null
        ''                                                              || null
    }

    def "an empty list selects nothing"() {
        expect:
        selector.select([]).isEmpty()
    }
}

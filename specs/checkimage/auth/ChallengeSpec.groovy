package checkimage.auth

import spock.lang.Specification
import spock.lang.Unroll

class ChallengeSpec extends Specification {

    def "the scheme is kept as written and matched ignoring case"() {
        given:
        Challenge challenge = Challenge.of('BEARER', [realm: 'r'])

        expect:
        challenge.scheme() == 'BEARER'
        challenge.is('bearer')
        challenge.is('Bearer')
        !challenge.is('basic')
    }

    def "parameter names are stored lower-cased and looked up ignoring case"() {
        given:
        Challenge challenge = Challenge.of('Bearer', [Realm: 'https://a/token', SERVICE: 'reg', Scope: 's', ERROR: 'e'])

        expect:
        challenge.parameters() == [realm: 'https://a/token', service: 'reg', scope: 's', error: 'e']
        challenge.parameter('REALM') == Optional.of('https://a/token')
        challenge.realm() == Optional.of('https://a/token')
        challenge.service() == Optional.of('reg')
        challenge.scope() == Optional.of('s')
        challenge.error() == Optional.of('e')
    }

    def "an absent parameter is an empty Optional, an empty one a present empty string"() {
        given:
        Challenge challenge = Challenge.of('Bearer', [realm: ''])

        expect:
        challenge.realm() == Optional.of('')
        challenge.service().isEmpty()
        challenge.parameter('nonce').isEmpty()
    }

    def "parameters cannot be changed after construction"() {
        given:
        Map<String, String> source = [realm: 'r']
        Challenge challenge = Challenge.of('Bearer', source)

        when:
        source.realm = 'changed'

        then:
        challenge.realm() == Optional.of('r')

        when:
        challenge.parameters().put('realm', 'x')

        then:
        thrown(UnsupportedOperationException)
    }

    @Unroll("#challenge")
    def "toString reads like the header, realm first, and never shows a token68"(Challenge challenge, String expected) {
        expect:
        challenge.toString() == expected

        where:
        challenge                                                                    || expected
        Challenge.of('Bearer', [service: 'reg', realm: 'https://auth/token'])        || 'Bearer realm="https://auth/token", service="reg"'
        Challenge.of('Bearer', [scope: 's', error: 'e', realm: 'r', service: 'v'])   || 'Bearer realm="r", error="e", scope="s", service="v"'
        Challenge.of('Basic', [realm: 'say "hi" \\o/'])                              || 'Basic realm="say \\"hi\\" \\\\o/"'
        Challenge.of('Negotiate', [:])                                               || 'Negotiate'
        new Challenge('Negotiate', [:], 'c2VjcmV0IGtlcmJlcm9zIHRpY2tldA==')          || 'Negotiate ***'
    }

    @Unroll("#description is rejected")
    def "a challenge must be well-formed"(String description, String scheme, Map<String, String> parameters,
            String token68, String message) {
        when:
        new Challenge(scheme, parameters, token68)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains(message)

        where:
        description                      | scheme   | parameters              | token68 || message
        'a blank scheme'                 | ' '      | [:]                     | null    || 'scheme must not be blank'
        'parameters and a token68'       | 'Custom' | [a: 'b']                | 'abc==' || 'either parameters or a token68'
        'a name given twice in any case' | 'Bearer' | [realm: 'a', REALM: 'b'] | null    || "parameter 'REALM' given twice"
    }
}

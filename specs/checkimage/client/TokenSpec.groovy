package checkimage.client

import checkimage.credentials.Secret
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Duration
import java.time.Instant

/** A Bearer token is used only while a safety margin of its life is left, and never prints its value. */
class TokenSpec extends Specification {

    static final Instant EXPIRES = Instant.parse('2024-05-01T12:05:00Z')

    @Unroll("lifetime #lifetime, #leftMillis ms left -> fresh: #fresh")
    def "a token is fresh while more than a tenth of its life, at most 5 s, is left"(
            Duration lifetime, long leftMillis, boolean fresh) {
        given:
        Token token = new Token(Secret.of('t'), EXPIRES, null)

        expect:
        token.isFresh(EXPIRES - Duration.ofMillis(leftMillis), lifetime) == fresh

        where:
        lifetime                || leftMillis | fresh
        Duration.ofSeconds(60)  || 60_000     | true
        Duration.ofSeconds(60)  || 5_001      | true
        Duration.ofSeconds(60)  || 5_000      | false
        Duration.ofSeconds(60)  || 1          | false
        Duration.ofSeconds(60)  || 0          | false
        Duration.ofSeconds(60)  || -1_000     | false
        Duration.ofSeconds(300) || 5_001      | true
        Duration.ofSeconds(300) || 5_000      | false
        Duration.ofDays(1)      || 5_001      | true
        Duration.ofDays(1)      || 5_000      | false
        Duration.ofSeconds(20)  || 2_001      | true
        Duration.ofSeconds(20)  || 2_000      | false
        Duration.ofSeconds(1)   || 101        | true
        Duration.ofSeconds(1)   || 100        | false
        Duration.ZERO           || 1          | true
        Duration.ZERO           || 0          | false
    }

    def "a token needs a value and an expiry, but not a refresh token"() {
        when:
        new Token(null, EXPIRES, null)

        then:
        NullPointerException noValue = thrown()
        noValue.message == 'value'

        when:
        new Token(Secret.of('t'), null, null)

        then:
        NullPointerException noExpiry = thrown()
        noExpiry.message == 'expiresAt'

        when:
        new Token(Secret.of('t'), EXPIRES, null)

        then:
        noExceptionThrown()
    }

    def "a token prints its expiry but neither its value nor its refresh token"() {
        given:
        Token token = new Token(Secret.of('access-value-123'), EXPIRES, Secret.of('refresh-value-456'))

        expect:
        token.toString() == 'Token[***, expires 2024-05-01T12:05:00Z]'
        !"$token".contains('value-')
    }
}

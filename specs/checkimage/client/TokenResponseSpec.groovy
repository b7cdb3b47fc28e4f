package checkimage.client

import checkimage.credentials.Secret
import spock.lang.PendingFeature
import spock.lang.Specification
import spock.lang.Unroll

import java.nio.charset.StandardCharsets
import java.time.Duration
import java.time.Instant

/** Reading a token server's answer (distribution token spec, "Token Response Fields"). */
class TokenResponseSpec extends Specification {

    static final Instant RECEIVED = Instant.parse('2024-05-01T12:00:00Z')
    static final String SECRET_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.SECRET-PAYLOAD.SIGNATURE'

    static Token parse(String body) {
        TokenResponse.parse(body.getBytes(StandardCharsets.UTF_8), RECEIVED)
    }

    @Unroll("#body -> #expected")
    def "the token is read from 'token', or from 'access_token' as OAuth2 servers send it"(String body, String expected) {
        expect:
        parse(body).value().revealForHeader() == expected

        where:
        body                                                    || expected
        '{"token":"t1"}'                                        || 't1'
        '{"access_token":"a1"}'                                 || 'a1'
        '{"token":"t1","access_token":"a1"}'                    || 't1'
        '{"access_token":"a1","token":"t1"}'                    || 't1'
        '{"token":"","access_token":"a1"}'                      || 'a1'
        '{"token":null,"access_token":"a1"}'                    || 'a1'
        '{"token":42,"access_token":"a1"}'                      || 'a1'
    }

    @Unroll("expires_in #expiresIn -> #lifetime")
    def "the lifetime is expires_in seconds, 60 when absent or not a positive number, at most 366 days"(
            String expiresIn, Duration lifetime) {
        when:
        Token token = parse('{"token":"t"' + (expiresIn == null ? '' : ',"expires_in":' + expiresIn) + '}')

        then:
        token.expiresAt() == RECEIVED + lifetime

        where:
        expiresIn               || lifetime
        null                    || Duration.ofSeconds(60)
        '300'                   || Duration.ofSeconds(300)
        '1'                     || Duration.ofSeconds(1)
        '0'                     || Duration.ofSeconds(60)
        '-300'                  || Duration.ofSeconds(60)
        'null'                  || Duration.ofSeconds(60)
        '"300"'                 || Duration.ofSeconds(60)
        'true'                  || Duration.ofSeconds(60)
        '0.5'                   || Duration.ofSeconds(60)
        '31622400'              || Duration.ofDays(366)
        '31622401'              || Duration.ofDays(366)
        '9223372036854775807'   || Duration.ofDays(366)
        '99999999999999999999'  || Duration.ofDays(366)
        '1e300'                 || Duration.ofDays(366)
    }

    @Unroll("issued_at #issuedAt -> counted from #expectedStart")
    def "issued_at counts only when it is a little in the past; a skewed or garbled one is ignored"(
            String issuedAt, Instant expectedStart) {
        when:
        Token token = parse('{"token":"t","expires_in":600,"issued_at":' + issuedAt + '}')

        then:
        token.expiresAt() == expectedStart + Duration.ofSeconds(600)

        where:
        issuedAt                              || expectedStart
        '"2024-05-01T11:59:58Z"'              || Instant.parse('2024-05-01T11:59:58Z')
        '"2024-05-01T11:56:00Z"'              || Instant.parse('2024-05-01T11:56:00Z')
        '"2024-05-01T11:55:00Z"'              || Instant.parse('2024-05-01T11:55:00Z')
        '"2024-05-01T11:54:59Z"'              || RECEIVED
        '"2024-05-01T13:00:00Z"'              || RECEIVED
        '"2024-05-01T12:00:01Z"'              || RECEIVED
        '"2019-01-01T00:00:00Z"'              || RECEIVED
        '"2099-01-01T00:00:00Z"'              || RECEIVED
        '"yesterday"'                         || RECEIVED
        '"2024-05-01 11:59:58"'               || RECEIVED
        '1714564798'                          || RECEIVED
        'null'                                || RECEIVED
    }

    def "a token that has just arrived is not already expired because the server's clock is behind"() {
        when:
        Token token = parse('{"token":"t","expires_in":60,"issued_at":"2024-05-01T11:56:00Z"}')

        then:
        token.expiresAt().isAfter(RECEIVED)
    }

    def "an offset issued_at in RFC 3339 is understood"() {
        expect:
        parse('{"token":"t","expires_in":120,"issued_at":"2024-05-01T13:59:00+02:00"}').expiresAt() ==
                Instant.parse('2024-05-01T11:59:00Z') + Duration.ofSeconds(120)
    }

    def "a refresh token is kept as a secret when given"() {
        expect:
        parse('{"token":"t","refresh_token":"r1"}').refreshToken() == Secret.of('r1')
        parse('{"token":"t"}').refreshToken() == null
        parse('{"token":"t","refresh_token":""}').refreshToken() == null
    }

    @Unroll("#body -> #message")
    def "a body without a token is rejected with a message that never contains the token text"(
            String body, String message) {
        when:
        parse(body)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains(message)
        !e.message.contains('SECRET-PAYLOAD')
        !e.message.contains('hunter2')

        where:
        body                                                           || message
        '{"tokn":"' + SECRET_TOKEN + '"}'                              || "token response has neither 'token' nor 'access_token'"
        '{"refresh_token":"hunter2"}'                                  || "token response has neither 'token' nor 'access_token'"
        '{"token":"","access_token":""}'                               || "token response has neither 'token' nor 'access_token'"
        '{}'                                                           || "token response has neither 'token' nor 'access_token'"
        '["' + SECRET_TOKEN + '"]'                                     || 'token response is not a JSON object'
        '"' + SECRET_TOKEN + '"'                                       || 'token response is not a JSON object'
        '{"token":"' + SECRET_TOKEN + '"'                              || 'token response is not JSON'
        '{"token":"' + SECRET_TOKEN + '\n"}'                           || 'token response is not JSON'
        '{"token":"' + SECRET_TOKEN + '","token":"hunter2"}'           || 'token response is not JSON'
        'token=' + SECRET_TOKEN                                        || 'token response is not JSON'
        SECRET_TOKEN                                                   || 'token response is not JSON'
        ''                                                             || 'token response is not JSON'
    }

    def "the parsed token never prints its value"() {
        when:
        Token token = parse('{"token":"' + SECRET_TOKEN + '","refresh_token":"hunter2"}')

        then:
        token.toString() == 'Token[***, expires 2024-05-01T12:01:00Z]'
        "$token".toString() == token.toString()
        !token.toString().contains('SECRET')
    }
}

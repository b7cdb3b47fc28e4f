package checkimage.result

import spock.lang.PendingFeature
import spock.lang.Specification
import spock.lang.Unroll

import java.nio.charset.StandardCharsets

/** A registry's error body is read bounded, and anything else is no errors rather than a failure. */
class RegistryErrorsSpec extends Specification {

    static List<RegistryError> parse(String body) {
        RegistryErrors.parse(body.getBytes(StandardCharsets.UTF_8))
    }

    static String errorBody(List<Map> entries) {
        checkimage.json.Json.write([errors: entries])
    }

    def "the errors of a distribution error body are read in order"() {
        when:
        List<RegistryError> errors = parse('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown",' +
                '"detail":{"Tag":"v9"}},{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}')

        then:
        errors == [new RegistryError('MANIFEST_UNKNOWN', 'manifest unknown'),
                   new RegistryError('NAME_UNKNOWN', 'repository name not known to registry')]
    }

    @Unroll("#body -> no errors")
    def "a body that is not an error body yields no errors"(String body) {
        expect:
        parse(body) == []

        where:
        body << [
                '',
                'not json',
                '<html><body>502 Bad Gateway</body></html>',
                '{"errors":[{"code":"DENIED"',          // truncated by the body cap
                '{"errors":[{"code":"DENIED"}]} trailing',
                'null',
                '"errors"',
                '42',
                '[]',
                '[{"code":"DENIED"}]',
                '{}',
                '{"error":"denied"}',                    // OAuth2 style, not distribution
                '{"errors":null}',
                '{"errors":"DENIED"}',
                '{"errors":{"code":"DENIED"}}',
                '{"errors":[]}',
                '{"errors":[1,"DENIED",null,true,[]]}',
                '{"errors":[{"message":"no code"}]}',
                '{"errors":[{"code":42,"message":"numeric code"}]}',
                '{"errors":[{"code":null}]}',
        ]
    }

    def "a null body yields no errors"() {
        expect:
        RegistryErrors.parse(null) == []
        RegistryErrors.parse(new byte[0]) == []
    }

    def "entries of the wrong shape are skipped and the rest kept"() {
        expect:
        parse('{"errors":["x",{"code":"DENIED","message":"a"},{"message":"b"},{"code":"UNAUTHORIZED"}]}') ==
                [new RegistryError('DENIED', 'a'), new RegistryError('UNAUTHORIZED', '')]
    }

    @Unroll("message #message -> ''")
    def "a missing or non-text message becomes empty"(String message) {
        expect:
        parse('{"errors":[{"code":"DENIED"' + message + '}]}') == [new RegistryError('DENIED', '')]

        where:
        message << ['', ',"message":null', ',"message":42', ',"message":{"text":"x"}', ',"message":["x"]']
    }

    def "at most eight errors are kept, the first eight"() {
        given:
        List<Map> entries = (1..20).collect { [code: "CODE_$it".toString(), message: "message $it".toString()] }

        when:
        List<RegistryError> errors = parse(errorBody(entries))

        then:
        errors.size() == 8
        errors*.code() == (1..8).collect { "CODE_$it".toString() }
    }

    def "skipped entries do not use up the eight places"() {
        given:
        List<Object> entries = ['junk'] * 5 + (1..10).collect { [code: "C$it".toString()] }

        expect:
        parse(checkimage.json.Json.write([errors: entries]))*.code() == (1..8).collect { "C$it".toString() }
    }

    @Unroll("message of #length chars -> #expectedLength chars")
    def "a long message is cut to 300 characters and marked with an ellipsis"(int length, int expectedLength, boolean cut) {
        when:
        RegistryError error = parse(errorBody([[code: 'DENIED', message: 'm' * length]])).first()

        then:
        error.message().length() == expectedLength
        error.message().startsWith('m' * Math.min(length, 300))
        error.message().endsWith('…') == cut

        where:
        length || expectedLength | cut
        1      || 1              | false
        300    || 300            | false
        301    || 301            | true
        100000 || 301            | true
    }

    def "a long code is cut to 64 characters and marked with an ellipsis"() {
        expect:
        parse(errorBody([[code: 'C' * 64]])).first().code() == 'C' * 64
        parse(errorBody([[code: 'C' * 65]])).first().code() == 'C' * 64 + '…'
        parse(errorBody([[code: 'C' * 5000]])).first().code() == 'C' * 64 + '…'
    }

    @Unroll("#description -> spaces")
    def "control characters in codes and messages become spaces so they cannot rewrite a terminal"(
            String description, String message, String expected) {
        when:
        RegistryError error = parse(errorBody([[code: 'DEN\tIED\n', message: message]])).first()

        then:
        error.code() == 'DEN IED '
        error.message() == expected

        where:
        description       | message                              || expected
        'newlines'        | 'line one\r\nline two'               || 'line one  line two'
        'ANSI escape'     | 'red \u001b[31mALERT\u001b[0m'       || 'red  [31mALERT [0m'
        'NUL and DEL'     | 'a\u0000b\u007fc'                    || 'a b c'
        'backspaces'      | 'pass\b\b\b\bfail'                   || 'pass    fail'
        'plain text'      | 'manifest unknown'                   || 'manifest unknown'
    }

    def "C1 control characters in a message become spaces too"() {
        when:
        RegistryError error = parse(errorBody([[code: 'DENIED', message: 'red \u009b31mALERT\u0085next']])).first()

        then:
        error.message() == 'red  31mALERT next'
    }

    def "cutting happens after control characters are replaced, so the bound holds for hostile messages"() {
        when:
        RegistryError error = parse(errorBody([[code: 'X', message: '\u001b' * 1000]])).first()

        then:
        error.message() == ' ' * 300 + '…'
    }

    def "the list of errors is immutable"() {
        when:
        parse(errorBody([[code: 'DENIED']])).add(new RegistryError('X', ''))

        then:
        thrown(UnsupportedOperationException)
    }

    def "an error prints as its code and message, or its code alone"() {
        expect:
        new RegistryError('DENIED', 'requested access to the resource is denied').toString() ==
                'DENIED: requested access to the resource is denied'
        new RegistryError('DENIED', '').toString() == 'DENIED'
        new RegistryError('DENIED', null).toString() == 'DENIED'
    }

    def "an error needs a code"() {
        when:
        new RegistryError(null, 'message')

        then:
        NullPointerException e = thrown()
        e.message == 'code'
    }
}

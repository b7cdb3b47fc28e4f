package checkimage.json

import spock.lang.Specification
import spock.lang.Unroll

import java.lang.annotation.RetentionPolicy
import java.util.concurrent.atomic.AtomicLong

class JsonSpec extends Specification {

    @Unroll("#input -> #expected")
    def "valid JSON texts parse to plain Java values"(String input, Object expected) {
        expect:
        Json.parse(input) == expected

        where:
        input                                       || expected
        'null'                                      || null
        'true'                                      || true
        ' false '                                   || false
        '"a"'                                       || 'a'
        '""'                                        || ''
        '"\\"\\\\\\/\\b\\f\\n\\r\\t"'               || '"\\/\b\f\n\r\t'
        '"\\u00e9\\u00C9 caf\u00e9"'                || '\u00e9\u00c9 caf\u00e9'
        '"\\ud83d\\ude00"'                          || '\ud83d\ude00'
        '"\ud83d\ude00"'                            || '\ud83d\ude00'
        '"</script>"'                               || '</script>'
        '[]'                                        || []
        '[ 1 , "a" , null , [ true ] ]'             || [1L, 'a', null, [true]]
        '{}'                                        || [:]
        '{"a": {"b": [1, 2]}, "c": null}'           || [a: [b: [1L, 2L]], c: null]
        '\t\r\n {"token":"x","expires_in":300}\n'   || [token: 'x', expires_in: 300L]
    }

    @Unroll("#input -> #expected (#type.simpleName)")
    def "integral numbers in long range are Long, all other numbers are Double"(String input, Number expected,
            Class<?> type) {
        when:
        Object parsed = Json.parse(input)

        then:
        parsed == expected
        parsed.getClass() == type

        where:
        input                     || expected                 | type
        '0'                       || 0L                       | Long
        '-0'                      || 0L                       | Long
        '42'                      || 42L                      | Long
        '-9223372036854775808'    || Long.MIN_VALUE           | Long
        '9223372036854775807'     || Long.MAX_VALUE           | Long
        '9223372036854775808'     || 9.223372036854775808E18d | Double
        '1.5'                     || 1.5d                     | Double
        '1.0'                     || 1.0d                     | Double
        '1e2'                     || 100.0d                   | Double
        '1E-2'                    || 0.01d                    | Double
        '-1.25e+3'                || -1250.0d                 | Double
        '1e-400'                  || 0.0d                     | Double
    }

    @Unroll("#input -> #message")
    def "invalid JSON is rejected with its position and what was expected"(String input, String message) {
        when:
        Json.parse(input)

        then:
        JsonException e = thrown()
        e.message.startsWith('invalid JSON at position ')
        e.message.contains(message)

        where:
        input                      || message
        ''                         || 'at position 0: expected a value, got end of input'
        '   '                      || 'at position 3: expected a value, got end of input'
        '{'                        || 'at position 1: Unexpected end-of-input: expected close marker for Object'
        '{"a":1'                   || 'at position 6: Unexpected end-of-input: expected close marker for Object'
        '{"a":1 "b":2}'            || 'at position 7: Unexpected character: was expecting comma to separate Object entries'
        '{"a":1,}'                 || 'at position 7: Unexpected character: was expecting double-quote to start field name'
        '{"a" 1}'                  || 'at position 5: Unexpected character: was expecting a colon to separate field name and value'
        '{a:1}'                    || 'at position 1: Unexpected character: was expecting double-quote to start field name'
        '{"a":1,"a":2}'            || "at position 10: Duplicate field 'a'"
        '[1,]'                     || 'at position 3: Unexpected character: expected a valid value'
        '[1 2]'                    || 'at position 3: Unexpected character: was expecting comma to separate Array entries'
        '{"a":1}x'                 || 'at position 7: Unrecognized token: was expecting'
        '1 2'                      || 'at position 2: expected end of input'
        '\ufeff{}'                 || 'at position 0: Unexpected character: expected a valid value'
        "'a'"                      || 'at position 0: Unexpected character: expected a valid value'
        'tru'                      || 'at position 0: Unrecognized token: was expecting'
        'nul'                      || 'at position 0: Unrecognized token: was expecting'
        'NaN'                      || 'at position 3: Non-standard token'
        '-Infinity'                || 'at position 9: Non-standard token'
        '+1'                       || 'at position 1: Unexpected character in numeric value: JSON spec does not allow numbers to have plus signs'
        '.5'                       || 'at position 0: Unexpected character: expected a valid value'
        '01'                       || 'at position 1: Invalid numeric value: Leading zeroes not allowed'
        '-007'                     || 'at position 2: Invalid numeric value: Leading zeroes not allowed'
        '-'                        || 'at position 1: Unexpected end-of-input: no digit following sign'
        '1.'                       || 'at position 1: Unexpected character in numeric value: Decimal point not followed by a digit'
        '1.e3'                     || 'at position 1: Unexpected character in numeric value: Decimal point not followed by a digit'
        '1e'                       || 'at position 2: Unexpected end-of-input: expected a digit for number exponent'
        '1e+'                      || 'at position 3: Unexpected end-of-input: expected a digit for number exponent'
        '1e400'                    || 'at position 0: number out of range'
        '"abc'                     || 'at position 4: Unexpected end-of-input: was expecting closing quote for a string value'
        '"abc\\'                   || 'at position 5: Unexpected end-of-input in character escape sequence'
        '"a\nb"'                   || 'at position 2: Illegal unquoted character: has to be escaped using backslash to be included in string value'
        '"a\u0000"'                || 'at position 2: Illegal unquoted character: has to be escaped using backslash to be included in string value'
        '"\\x"'                    || 'at position 2: Unrecognized character escape'
        '"\\u12"'                  || 'at position 5: Unexpected character: expected a hex-digit for character escape sequence'
        '"\\u12G4"'                || 'at position 5: Unexpected character: expected a hex-digit for character escape sequence'
        '"\\ud83d"'                || 'at position 0: unpaired surrogate in string'
        '"\\ude00"'                || 'at position 0: unpaired surrogate in string'
        '"\\ud83d\\u0041"'         || 'at position 0: unpaired surrogate in string'
        '"\ud83d"'                 || 'at position 0: unpaired surrogate in string'
        '"\ude00\ud83d"'           || 'at position 0: unpaired surrogate in string'
        '[' * 65 + ']' * 65        || 'at position 65: Document nesting depth (65) exceeds the maximum allowed (64)'
        '{"a":' * 65 + '1' + '}' * 65 || 'at position 321: Document nesting depth (65) exceeds the maximum allowed (64)'
    }

    @Unroll("#input -> no input quoted")
    def "messages never quote the input, which may be a token or a password"(String input) {
        when:
        Json.parse(input)

        then:
        JsonException e = thrown()
        !e.message.contains('hunter2')
        !e.message.contains("'h'")

        where:
        input << ['{"token": hunter2}', 'hunter2', '{"a":1}hunter2', '["x" hunter2]', '"\\hunter2"', '{"p":"hunter2}',
                  '{"hunter2" 1}', '[1, hunter2]', 'nhunter2']
    }

    @Unroll("a string of #length characters -> #outcome")
    def "strings longer than MAX_STRING are refused"(int length, String outcome) {
        when:
        String result
        try {
            result = Json.parse('"' + 'x' * length + '"').length() == length ? 'read' : 'wrong'
        } catch (JsonException e) {
            result = e.message.contains('exceeds the maximum') ? 'refused' : e.message
        }

        then:
        result == outcome

        where:
        length              || outcome
        Json.MAX_STRING     || 'read'
        Json.MAX_STRING + 1 || 'refused'
    }

    def "a number longer than MAX_NUMBER characters is refused"() {
        when:
        Json.parse('1' * (Json.MAX_NUMBER + 1))

        then:
        JsonException e = thrown()
        e.message.contains('exceeds the maximum')
    }

    def "nesting up to the limit is accepted"() {
        expect:
        Json.parse('[' * Json.MAX_DEPTH + ']' * Json.MAX_DEPTH) instanceof List
    }

    def "hostile nesting fails with a JsonException, not a StackOverflowError"() {
        when:
        Json.parse('[' * 1_000_000)

        then:
        JsonException e = thrown()
        e.position() == Json.MAX_DEPTH + 1
    }

    def "mangled JSON never throws anything but a JsonException"() {
        given:
        String document = '{"token":"a\\u00e9\\ud83d\\ude00","expires_in":300,"x":[1.5e3,-0,true,false,null,{}]}'
        Random random = new Random(42)
        String alphabet = '{}[]:,"\\/-+.eE0123456789 \n\tuabtrnfl\ud83d\u0000'

        when:
        List<Throwable> unexpected = []
        5_000.times {
            StringBuilder mangled = new StringBuilder(document)
            (1 + random.nextInt(4)).times {
                int at = random.nextInt(mangled.length())
                switch (random.nextInt(3)) {
                    case 0: mangled.deleteCharAt(at); break
                    case 1: mangled.insert(at, alphabet[random.nextInt(alphabet.length())]); break
                    default: mangled.setCharAt(at, alphabet[random.nextInt(alphabet.length())] as char)
                }
            }
            try {
                Json.parse(mangled.toString())
            } catch (JsonException ignored) {
                // expected for most mutations
            } catch (Throwable t) {
                unexpected << t
            }
        }

        then:
        unexpected.isEmpty()
    }

    @Unroll("#value -> #expected")
    def "values are written compactly with RFC 8259 escapes"(Object value, String expected) {
        expect:
        Json.write(value) == expected

        where:
        value                                   || expected
        null                                    || 'null'
        true                                    || 'true'
        42                                      || '42'
        -42L                                    || '-42'
        12345678901234567890G                   || '12345678901234567890'
        1.5d                                    || '1.5'
        1e20d                                   || '1.0E20'
        1.25f                                   || '1.25'
        new BigDecimal('1E+3')                  || '1E+3'
        new AtomicLong(7)                       || '7'
        'plain'                                 || '"plain"'
        'a"b\\c/d'                              || '"a\\"b\\\\c/d"'
        '\n\r\t\b\f'                            || '"\\n\\r\\t\\b\\f"'
        '\u0000\u0001\u001f\u007f'              || '"\\u0000\\u0001\\u001f\u007f"'
        '\u00e9\ud83d\ude00'                    || '"\u00e9\ud83d\ude00"'
        'lone \ud83d and \ude00'                || '"lone \ufffd and \ufffd"'
        '</script>'                             || '"</script>"'
        new StringBuilder('built')              || '"built"'
        "g${1 + 1}"                             || '"g2"'
        RetentionPolicy.RUNTIME                 || '"RUNTIME"'
        []                                      || '[]'
        [1, 'a', null, [true]]                  || '[1,"a",null,[true]]'
        [3, 1] as LinkedHashSet                 || '[3,1]'
        [:]                                     || '{}'
        [token: 'x', expires_in: 60]            || '{"token":"x","expires_in":60}'
        ["${'k'}": [a: []]]                     || '{"k":{"a":[]}}'
    }

    @Unroll("#text")
    def "what the writer writes, the reader reads back"(String text) {
        expect:
        Json.write(Json.parse(text)) == text

        where:
        text << [
                'null',
                '[true,false,null]',
                '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}',
                '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}',
                '{"token":"eyJhbGciOi.e30.sig","access_token":"eyJ","expires_in":300,"issued_at":"2024-01-01T00:00:00Z"}',
                '"quote \\" backslash \\\\ newline \\n nul \\u0000 \u00e9 \ud83d\ude00"',
                '[-1,0,1.5,-2.5E-7,1.0E21,9223372036854775807]',
                '{"":{"":[[],{}]}}',
        ]
    }

    def "pretty output indents by two spaces, one member or element per line"() {
        given:
        Map<String, Object> report = [image: 'docker.io/library/ubuntu:22.04', ok: true, checks: [1, [a: null]],
                                      empty: [:], none: []]

        expect:
        Json.writePretty(report) == '''\
{
  "image": "docker.io/library/ubuntu:22.04",
  "ok": true,
  "checks": [
    1,
    {
      "a": null
    }
  ],
  "empty": {},
  "none": []
}'''
        Json.writePretty('scalar') == '"scalar"'
        Json.parse(Json.writePretty(report)) == report
    }

    @Unroll("#description cannot be written")
    def "values JSON cannot represent are refused with IllegalArgumentException"(String description, Object value,
            String message) {
        when:
        Json.write(value)

        then:
        IllegalArgumentException e = thrown()
        !(e instanceof JsonException)
        e.message.contains(message)

        where:
        description        | value                       || message
        'an Object'        | new Object()                || 'cannot write a java.lang.Object as JSON'
        'a char'           | ('c' as char)               || 'cannot write a java.lang.Character as JSON'
        'NaN'              | Double.NaN                  || 'cannot write NaN as JSON'
        'Infinity'         | Float.POSITIVE_INFINITY     || 'cannot write Infinity as JSON'
        'an Integer key'   | [(1): 'a']                  || 'cannot write a JSON object key that is a java.lang.Integer'
        'a null key'       | [(null): 'a']               || 'cannot write a JSON object key that is null'
        'a cycle'          | cycle()                     || 'cannot write JSON nested deeper than 64 (is there a cycle?)'
    }

    @Unroll("#input as #accessor -> #message")
    def "typed accessors name the shape they expected and the one they got"(String input, String accessor,
            String message) {
        when:
        Json."$accessor"(Json.parse(input))

        then:
        JsonException e = thrown()
        e.message == message
        e.position() == -1

        where:
        input  | accessor || message
        '[]'   | 'object' || 'invalid JSON: expected an object, got an array'
        '"s"'  | 'object' || 'invalid JSON: expected an object, got a string'
        'null' | 'object' || 'invalid JSON: expected an object, got null'
        '{}'   | 'array'  || 'invalid JSON: expected an array, got an object'
        '1'    | 'array'  || 'invalid JSON: expected an array, got a number'
        'true' | 'array'  || 'invalid JSON: expected an array, got a boolean'
    }

    def "typed accessors return the value when it has the expected shape"() {
        expect:
        Json.object(Json.parse('{"token":"t"}')).token == 't'
        Json.array(Json.parse('[1]')) == [1L]
    }

    def "a null text is a NullPointerException, not a JsonException"() {
        when:
        Json.parse(null)

        then:
        thrown(NullPointerException)
    }

    private static List<Object> cycle() {
        List<Object> list = []
        list << list
        return list
    }
}

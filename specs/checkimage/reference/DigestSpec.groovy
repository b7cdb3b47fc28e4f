package checkimage.reference

import spock.lang.Specification
import spock.lang.Unroll

import java.nio.charset.StandardCharsets

class DigestSpec extends Specification {

    static final String EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    static final String HELLO_SHA256 = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'
    static final String HELLO_SHA512 = '9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca7' +
            '2323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043'

    @Unroll("#input -> #expected")
    def "a well-formed sha256 or sha512 digest parses into algorithm and hex"(
            String input, String expected, String hex) {
        given:
        Digest digest = Digest.parse(input)

        expect:
        digest.algorithm() == expected
        digest.hex() == hex
        digest.toString() == input
        Digest.parse(digest.toString()) == digest
        new Digest(expected, hex) == digest

        where:
        input                       | expected | hex
        'sha256:' + EMPTY_SHA256    | 'sha256' | EMPTY_SHA256
        'sha256:' + HELLO_SHA256    | 'sha256' | HELLO_SHA256
        'sha512:' + HELLO_SHA512    | 'sha512' | HELLO_SHA512
        'sha256:' + '0' * 64        | 'sha256' | '0' * 64
    }

    @Unroll("#input -> #expected")
    def "a malformed digest names the text, what is wrong and the position"(
            String input, String expected, int position) {
        when:
        Digest.parse(input)

        then:
        InvalidReferenceException e = thrown()
        e.input() == (input ?: '')
        e.position() == position
        e.expected().contains(expected)
        e.message.endsWith("(at position $position)")

        where:
        input                                   | expected                                                          | position
        null                                    | "a digest is 'algorithm:hex'"                                     | 0
        ''                                      | "a digest is 'algorithm:hex'"                                     | 0
        EMPTY_SHA256                            | "a digest is 'algorithm:hex'"                                     | 0
        ':' + EMPTY_SHA256                      | "a digest algorithm before ':'"                                   | 0
        'sha256:'                               | 'a sha256 digest has exactly 64 hex digits, got 0'                | 7
        'sha256:' + EMPTY_SHA256.substring(2)   | 'a sha256 digest has exactly 64 hex digits, got 62'               | 69
        'sha256:' + EMPTY_SHA256 + '00'         | 'a sha256 digest has exactly 64 hex digits, got 66'               | 71
        'sha512:' + EMPTY_SHA256                | 'a sha512 digest has exactly 128 hex digits, got 64'              | 71
        'sha256:' + EMPTY_SHA256.toUpperCase()  | "uppercase hex digit 'E' is not allowed; sha256 digests are written in lowercase hex" | 7
        'sha256:' + 'z' * 64                    | "character 'z' is not a hex digit"                                | 7
        'sha256:' + EMPTY_SHA256[0..9] + ' '    | "character ' ' (space) is not a hex digit"                        | 17
        'md5:' + 'a' * 32                       | "unsupported digest algorithm 'md5'; supported: sha256, sha512"   | 0
        'sha384:' + 'a' * 96                    | "unsupported digest algorithm 'sha384'"                           | 0
        'SHA256:' + EMPTY_SHA256                | "unsupported digest algorithm 'SHA256'"                           | 0
        'sha256+b64u:' + EMPTY_SHA256           | "unsupported digest algorithm 'sha256+b64u'"                      | 0
        '256sha:' + EMPTY_SHA256                | "character '2' is not allowed here in a digest algorithm"         | 0
        'sha-:' + EMPTY_SHA256                  | 'a digest algorithm cannot end with a separator'                  | 3
        'sha--256:' + EMPTY_SHA256              | "character '-' is not allowed here in a digest algorithm"         | 4
        'sha 256:' + EMPTY_SHA256               | "character ' ' (space) is not allowed here in a digest algorithm" | 3
    }

    @Unroll("#algorithm / #hex -> #expected")
    def "the record constructor validates like parse"(String algorithm, String hex, String expected, int position) {
        when:
        new Digest(algorithm, hex)

        then:
        InvalidReferenceException e = thrown()
        e.expected().contains(expected)
        e.position() == position

        where:
        algorithm  | hex                            | expected                                          | position
        null       | EMPTY_SHA256                   | 'a digest needs an algorithm and hex digits'      | 0
        'sha256'   | null                           | 'a digest needs an algorithm and hex digits'      | 0
        'sha256'   | 'abc'                          | 'a sha256 digest has exactly 64 hex digits, got 3' | 10
        'md5'      | EMPTY_SHA256                   | "unsupported digest algorithm 'md5'"              | 0
        'sha256:'  | EMPTY_SHA256                   | "character ':' is not allowed here"               | 6
        'sha256'   | ':' + EMPTY_SHA256.substring(1) | "character ':' is not a hex digit"               | 7
    }

    def "sha256Of hashes the content"() {
        expect:
        Digest.sha256Of(new byte[0]).toString() == 'sha256:' + EMPTY_SHA256
        Digest.sha256Of(bytes('hello')) == new Digest('sha256', HELLO_SHA256)
    }

    @Unroll("#digest matches '#content' -> #expected")
    def "matches recomputes the hash with the digest's own algorithm"(String digest, String content, boolean expected) {
        expect:
        Digest.parse(digest).matches(bytes(content)) == expected

        where:
        digest                    | content  | expected
        'sha256:' + HELLO_SHA256  | 'hello'  | true
        'sha512:' + HELLO_SHA512  | 'hello'  | true
        'sha256:' + EMPTY_SHA256  | ''       | true
        'sha256:' + HELLO_SHA256  | 'hello!' | false
        'sha256:' + HELLO_SHA256  | ''       | false
        'sha512:' + HELLO_SHA512  | 'Hello'  | false
    }

    def "a digest of some content always matches that content"() {
        given:
        byte[] content = bytes('the layer bytes')

        expect:
        Digest.sha256Of(content).matches(content)
        !Digest.sha256Of(content).matches(bytes('other bytes'))
    }

    private static byte[] bytes(String text) {
        text.getBytes(StandardCharsets.UTF_8)
    }
}

package checkimage.reference

import spock.lang.Specification
import spock.lang.Unroll

/**
 * The distribution reference grammar and ParseNormalizedNamed's normalization, including its traps:
 *
 * - Without a '/' there is never a domain: 'localhost:5000' is docker.io/library/localhost with tag 5000,
 *   'ghcr.io' and '192.168.0.1' are Docker Hub official images.
 * - Before the first '/', a component is a domain only if it has '.' or ':', is 'localhost', or has
 *   uppercase letters: 'Foo/bar' is the registry 'Foo', while 'foo/Bar' is an invalid path.
 * - 'docker.io' and 'index.docker.io' get 'library/' on single components just like no domain at all;
 *   'Docker.IO' and 'registry-1.docker.io' are kept as written and are not Docker Hub.
 * - The 255-character limit is on the repository path, as distribution/reference counts it today
 *   (RepositoryNameTotalLengthMax): it counts 'library/' but not the domain, so a single Docker Hub
 *   component may be 247 characters and 'ghcr.io/' may be followed by 255.
 * - 'ubuntu:a/b' reads 'ubuntu:a' as a domain with port 'a'.
 */
class ImageReferenceSpec extends Specification {

    static final String HEX64 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    static final String SHA = 'sha256:' + HEX64
    static final String HEX128 = 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce' +
            '47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e'
    static final String HUB = 'registry-1.docker.io'

    @Unroll("#input -> #expected")
    def "a valid reference is normalized to its canonical form and parses back from it"(
            String input, String expected, String domain, String path, String tag, String digest,
            String registryHost, String familiar) {
        given:
        ImageReference reference = ImageReference.parse(input)

        expect:
        reference.toString() == expected
        reference.domain() == domain
        reference.path() == path
        reference.tag() == tag
        reference.digest()?.toString() == digest
        reference.registryHost() == registryHost
        reference.familiar() == familiar

        and:
        ImageReference.parse(reference.toString()) == reference
        ImageReference.parse(reference.familiar()) == reference

        where:
        input                                      | expected                                        | domain                      | path              | tag      | digest | registryHost                | familiar
        'ubuntu'                                   | 'docker.io/library/ubuntu:latest'               | 'docker.io'                 | 'library/ubuntu'  | 'latest' | null   | HUB                         | 'ubuntu:latest'
        'ubuntu:22.04'                             | 'docker.io/library/ubuntu:22.04'                | 'docker.io'                 | 'library/ubuntu'  | '22.04'  | null   | HUB                         | 'ubuntu:22.04'
        'library/ubuntu'                           | 'docker.io/library/ubuntu:latest'               | 'docker.io'                 | 'library/ubuntu'  | 'latest' | null   | HUB                         | 'ubuntu:latest'
        'docker.io/ubuntu'                         | 'docker.io/library/ubuntu:latest'               | 'docker.io'                 | 'library/ubuntu'  | 'latest' | null   | HUB                         | 'ubuntu:latest'
        'docker.io/library/ubuntu'                 | 'docker.io/library/ubuntu:latest'               | 'docker.io'                 | 'library/ubuntu'  | 'latest' | null   | HUB                         | 'ubuntu:latest'
        'index.docker.io/ubuntu'                   | 'docker.io/library/ubuntu:latest'               | 'docker.io'                 | 'library/ubuntu'  | 'latest' | null   | HUB                         | 'ubuntu:latest'
        'index.docker.io/x'                        | 'docker.io/library/x:latest'                    | 'docker.io'                 | 'library/x'       | 'latest' | null   | HUB                         | 'x:latest'
        'index.docker.io/library/ubuntu:20.04'     | 'docker.io/library/ubuntu:20.04'                | 'docker.io'                 | 'library/ubuntu'  | '20.04'  | null   | HUB                         | 'ubuntu:20.04'
        'bitnami/redis:7'                          | 'docker.io/bitnami/redis:7'                     | 'docker.io'                 | 'bitnami/redis'   | '7'      | null   | HUB                         | 'bitnami/redis:7'
        'docker.io/bitnami/redis:7'                | 'docker.io/bitnami/redis:7'                     | 'docker.io'                 | 'bitnami/redis'   | '7'      | null   | HUB                         | 'bitnami/redis:7'
        'library/foo/bar'                          | 'docker.io/library/foo/bar:latest'              | 'docker.io'                 | 'library/foo/bar' | 'latest' | null   | HUB                         | 'library/foo/bar:latest'
        'ubuntu@' + SHA                            | 'docker.io/library/ubuntu@' + SHA               | 'docker.io'                 | 'library/ubuntu'  | null     | SHA    | HUB                         | 'ubuntu@' + SHA
        'ubuntu:22.04@' + SHA                      | 'docker.io/library/ubuntu:22.04@' + SHA         | 'docker.io'                 | 'library/ubuntu'  | '22.04'  | SHA    | HUB                         | 'ubuntu:22.04@' + SHA
        'ghcr.io/a/b@' + SHA                       | 'ghcr.io/a/b@' + SHA                            | 'ghcr.io'                   | 'a/b'             | null     | SHA    | 'ghcr.io'                   | 'ghcr.io/a/b@' + SHA
        'ghcr.io/owner/app:v1.2.3'                 | 'ghcr.io/owner/app:v1.2.3'                      | 'ghcr.io'                   | 'owner/app'       | 'v1.2.3' | null   | 'ghcr.io'                   | 'ghcr.io/owner/app:v1.2.3'
        'localhost:5000'                           | 'docker.io/library/localhost:5000'              | 'docker.io'                 | 'library/localhost' | '5000' | null   | HUB                         | 'localhost:5000'
        'localhost:5000/foo'                       | 'localhost:5000/foo:latest'                     | 'localhost:5000'            | 'foo'             | 'latest' | null   | 'localhost:5000'            | 'localhost:5000/foo:latest'
        'localhost/foo'                            | 'localhost/foo:latest'                          | 'localhost'                 | 'foo'             | 'latest' | null   | 'localhost'                 | 'localhost/foo:latest'
        'localhost'                                | 'docker.io/library/localhost:latest'            | 'docker.io'                 | 'library/localhost' | 'latest' | null | HUB                         | 'localhost:latest'
        'Foo/bar'                                  | 'Foo/bar:latest'                                | 'Foo'                       | 'bar'             | 'latest' | null   | 'Foo'                       | 'Foo/bar:latest'
        'FOO/bar'                                  | 'FOO/bar:latest'                                | 'FOO'                       | 'bar'             | 'latest' | null   | 'FOO'                       | 'FOO/bar:latest'
        '[::1]:5000/foo:tag@' + SHA                | '[::1]:5000/foo:tag@' + SHA                     | '[::1]:5000'                | 'foo'             | 'tag'    | SHA    | '[::1]:5000'                | '[::1]:5000/foo:tag@' + SHA
        '[2001:db8::1]/x'                          | '[2001:db8::1]/x:latest'                        | '[2001:db8::1]'             | 'x'               | 'latest' | null   | '[2001:db8::1]'             | '[2001:db8::1]/x:latest'
        '[fc00:1:2:3:4:5:6:7]:5000/library/debian' | '[fc00:1:2:3:4:5:6:7]:5000/library/debian:latest' | '[fc00:1:2:3:4:5:6:7]:5000' | 'library/debian' | 'latest' | null | '[fc00:1:2:3:4:5:6:7]:5000' | '[fc00:1:2:3:4:5:6:7]:5000/library/debian:latest'
        '127.0.0.1:5000/debian'                    | '127.0.0.1:5000/debian:latest'                  | '127.0.0.1:5000'            | 'debian'          | 'latest' | null   | '127.0.0.1:5000'            | '127.0.0.1:5000/debian:latest'
        '192.168.0.1'                              | 'docker.io/library/192.168.0.1:latest'          | 'docker.io'                 | 'library/192.168.0.1' | 'latest' | null | HUB                     | '192.168.0.1:latest'
        '192.168.0.1:80'                           | 'docker.io/library/192.168.0.1:80'              | 'docker.io'                 | 'library/192.168.0.1' | '80' | null   | HUB                         | '192.168.0.1:80'
        'ghcr.io'                                  | 'docker.io/library/ghcr.io:latest'              | 'docker.io'                 | 'library/ghcr.io' | 'latest' | null   | HUB                         | 'ghcr.io:latest'
        'docker.io'                                | 'docker.io/library/docker.io:latest'            | 'docker.io'                 | 'library/docker.io' | 'latest' | null | HUB                         | 'docker.io:latest'
        'Docker.IO/ubuntu'                         | 'Docker.IO/ubuntu:latest'                       | 'Docker.IO'                 | 'ubuntu'          | 'latest' | null   | 'Docker.IO'                 | 'Docker.IO/ubuntu:latest'
        'registry-1.docker.io/library/ubuntu'      | 'registry-1.docker.io/library/ubuntu:latest'    | 'registry-1.docker.io'      | 'library/ubuntu'  | 'latest' | null   | HUB                         | 'registry-1.docker.io/library/ubuntu:latest'
        'docker.io/foo.com/bar'                    | 'docker.io/foo.com/bar:latest'                  | 'docker.io'                 | 'foo.com/bar'     | 'latest' | null   | HUB                         | 'docker.io/foo.com/bar:latest'
        'docker.io/localhost/bar'                  | 'docker.io/localhost/bar:latest'                | 'docker.io'                 | 'localhost/bar'   | 'latest' | null   | HUB                         | 'docker.io/localhost/bar:latest'
        'foo.com/bar'                              | 'foo.com/bar:latest'                            | 'foo.com'                   | 'bar'             | 'latest' | null   | 'foo.com'                   | 'foo.com/bar:latest'
        'docker.io/' + HEX64                       | 'docker.io/library/' + HEX64 + ':latest'        | 'docker.io'                 | 'library/' + HEX64 | 'latest' | null  | HUB                         | HEX64 + ':latest'
        'test-com:8080/foo'                        | 'test-com:8080/foo:latest'                      | 'test-com:8080'             | 'foo'             | 'latest' | null   | 'test-com:8080'             | 'test-com:8080/foo:latest'
        'xn--n3h.com/myimage'                      | 'xn--n3h.com/myimage:latest'                    | 'xn--n3h.com'               | 'myimage'         | 'latest' | null   | 'xn--n3h.com'               | 'xn--n3h.com/myimage:latest'
        'ubuntu:Latest'                            | 'docker.io/library/ubuntu:Latest'               | 'docker.io'                 | 'library/ubuntu'  | 'Latest' | null   | HUB                         | 'ubuntu:Latest'
        'foo_bar.com'                              | 'docker.io/library/foo_bar.com:latest'          | 'docker.io'                 | 'library/foo_bar.com' | 'latest' | null | HUB                     | 'foo_bar.com:latest'
        'test_com/foo'                             | 'docker.io/test_com/foo:latest'                 | 'docker.io'                 | 'test_com/foo'    | 'latest' | null   | HUB                         | 'test_com/foo:latest'
        'registry.example.org:5000/team/sub/app:1.0' | 'registry.example.org:5000/team/sub/app:1.0'  | 'registry.example.org:5000' | 'team/sub/app'    | '1.0'    | null   | 'registry.example.org:5000' | 'registry.example.org:5000/team/sub/app:1.0'
    }

    @Unroll("#input -> #expected")
    def "the path, tag and digest grammar accepts what distribution accepts"(String input, String expected) {
        given:
        ImageReference reference = ImageReference.parse(input)

        expect:
        reference.toString() == expected
        ImageReference.parse(reference.toString()) == reference

        where:
        input                                                        | expected
        'a__b'                                                       | 'docker.io/library/a__b:latest'
        'a--b'                                                       | 'docker.io/library/a--b:latest'
        'a---b'                                                      | 'docker.io/library/a---b:latest'
        'a.b'                                                        | 'docker.io/library/a.b:latest'
        'a_b'                                                        | 'docker.io/library/a_b:latest'
        'a-b_c.d__e'                                                 | 'docker.io/library/a-b_c.d__e:latest'
        '0'                                                          | 'docker.io/library/0:latest'
        'dock__er/docker'                                            | 'docker.io/dock__er/docker:latest'
        'a/b/c/d'                                                    | 'docker.io/a/b/c/d:latest'
        'registry.io/foo/project--id.module--name.ver---sion--name'  | 'registry.io/foo/project--id.module--name.ver---sion--name:latest'
        'example.com/some_separator__underscore/myimage'             | 'example.com/some_separator__underscore/myimage:latest'
        'ubuntu:_v1.0-rc'                                            | 'docker.io/library/ubuntu:_v1.0-rc'
        'ubuntu:' + 'a' * 128                                        | 'docker.io/library/ubuntu:' + 'a' * 128
        'h.io:65535/x'                                               | 'h.io:65535/x:latest'
        'h.io:1/x'                                                   | 'h.io:1/x:latest'
        '[::]/x'                                                     | '[::]/x:latest'
        '[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:443/x'            | '[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:443/x:latest'
        '[FD00::1]/x'                                                | '[FD00::1]/x:latest'
        'ghcr.io/a/b@sha512:' + HEX128                               | 'ghcr.io/a/b@sha512:' + HEX128
        'x' * 237                                                    | 'docker.io/library/' + 'x' * 237 + ':latest'
        'docker.io/' + 'x' * 237                                     | 'docker.io/library/' + 'x' * 237 + ':latest'
        'ns/' + 'x' * 242                                            | 'docker.io/ns/' + 'x' * 242 + ':latest'
        'ghcr.io/' + 'x' * 247                                       | 'ghcr.io/' + 'x' * 247 + ':latest'
    }

    @Unroll("#input -> #expected")
    def "an invalid reference names the input, what is wrong and the position"(
            String input, String expected, int position) {
        when:
        ImageReference.parse(input)

        then:
        InvalidReferenceException e = thrown()
        e.input() == input
        e.position() == position
        e.expected().contains(expected)
        e.message.startsWith('invalid image reference ')
        e.message.contains(expected)
        e.message.endsWith("(at position $position)")

        where:
        input                                      | expected                                                                 | position
        ''                                         | 'the reference is empty'                                                 | 0
        ' '                                        | "whitespace ' ' (space) is not allowed"                                  | 0
        ' ubuntu'                                  | 'whitespace'                                                             | 0
        'ubuntu '                                  | 'whitespace'                                                             | 6
        'ubu\tntu'                                 | 'whitespace U+0009'                                                      | 3
        'ubuntu\n'                                 | 'whitespace U+000A'                                                      | 6
        'ubuntu\u0007'                             | 'control character U+0007'                                               | 6
        'ubuntu\u0000:1'                           | 'control character U+0000'                                               | 6
        'ub\u00fcntu'                              | 'non-ASCII character U+00FC'                                             | 2
        'a' * 4097                                 | 'a reference is at most 4096 characters, got 4097'                       | 4096
        HEX64                                      | 'is an image ID, not a reference'                                        | 0
        'https://ghcr.io/a/b'                      | "a reference has no scheme; remove 'https://'"                           | 0
        'docker://ubuntu'                          | "a reference has no scheme; remove 'docker://'"                          | 0
        '/ubuntu'                                  | "a reference cannot start with '/'"                                      | 0
        'ubuntu/'                                  | "a reference cannot end with '/'"                                        | 6
        'a//b'                                     | "'//' is not allowed"                                                    | 2
        'ghcr.io//a'                               | "'//' is not allowed"                                                    | 8
        'ubuntu:'                                  | "a tag is required after ':'"                                            | 6
        'ubuntu:@' + SHA                           | "a tag is required after ':'"                                            | 6
        'ubuntu@'                                  | "a digest is required after '@'"                                         | 6
        'ghcr.io/:tag'                             | 'a repository path is required'                                          | 8
        'foo/Bar'                                  | "uppercase letters are not allowed in the repository path 'foo/Bar'"     | 4
        'Foo'                                      | "uppercase letters are not allowed in the repository path 'Foo'"         | 0
        'ghcr.io/Owner/app'                        | "uppercase letters are not allowed in the repository path 'Owner/app'"   | 8
        'localhost:5000/Foo'                       | "uppercase letters are not allowed in the repository path 'Foo'"         | 15
        'foo/Bar-'                                 | 'uppercase letters are not allowed'                                      | 4
        'a___b'                                    | "invalid separator '___'"                                                | 3
        'a..b'                                     | "invalid separator '..'"                                                 | 2
        'a_-b'                                     | "invalid separator '_-'"                                                 | 2
        'a-.b'                                     | "invalid separator '-.'"                                                 | 2
        'a-'                                       | 'a path component must end with a lowercase letter or digit'             | 1
        'a.'                                       | 'a path component must end with a lowercase letter or digit'             | 1
        'docker-/docker'                           | 'a path component must end with a lowercase letter or digit'             | 6
        '_a'                                       | 'a path component must start with a lowercase letter or digit'           | 0
        '-docker/docker'                           | 'a path component must start with a lowercase letter or digit'          | 0
        'a/_b'                                     | 'a path component must start with a lowercase letter or digit'           | 2
        'foo!bar'                                  | "character '!' is not allowed in the repository path"                    | 3
        '[::1]:5000'                               | "character '[' is not allowed in the repository path"                    | 0
        'foo:bar:baz'                              | "character ':' is not allowed in a tag"                                  | 7
        'ubuntu:-x'                                | "a tag must start with a letter, digit or '_'"                           | 7
        'ubuntu:.x'                                | "a tag must start with a letter, digit or '_'"                           | 7
        'ubuntu:' + 'a' * 129                      | 'a tag is at most 128 characters, got 129'                               | 135
        'ubuntu:a/b'                               | "character 'a' is not allowed in a port"                                 | 7
        'fc00::1:5000/debian'                      | "character ':' is not allowed in a port"                                 | 5
        '[fe80::1%eth0]/x'                         | 'IPv6 zone identifiers'                                                  | 8
        '[fe80::1%eth0]:5000/debian'               | 'IPv6 zone identifiers'                                                  | 8
        '[2001:db8:3:4::192.0.2.33]:5000/debian'   | 'embedded IPv4 part'                                                     | 18
        '[::1/x'                                   | "an IPv6 address must be closed with ']'"                                | 0
        '[::1]5000/x'                              | "expected ':port' or '/' after the IPv6 address"                         | 5
        '[1:2:3]/x'                                | 'an IPv6 address has 8 groups of hex digits'                             | 1
        '[]:5000/x'                                | 'an IPv6 address has 8 groups of hex digits, or fewer with one \'::\'; got 0' | 1
        '[1::2::3]/x'                              | "an IPv6 address may contain '::' only once"                             | 5
        '[12345::1]/x'                             | 'an IPv6 group has 1 to 4 hex digits'                                    | 1
        '[::g]/x'                                  | "character 'g' is not allowed in an IPv6 address"                        | 3
        'foo.com:/x'                               | "a port number is required after ':'"                                    | 8
        'foo.com:http/x'                           | "character 'h' is not allowed in a port"                                 | 8
        'foo.com:0/x'                              | 'a port is 1 to 65535, got 0'                                            | 8
        'foo.com:65536/x'                          | 'a port is 1 to 65535, got 65536'                                        | 8
        'foo_bar.com/x'                            | "character '_' is not allowed in the domain 'foo_bar.com'"               | 3
        'Foo_Bar/x'                                | "character '_' is not allowed in the domain 'Foo_Bar'"                   | 3
        '-foo.com/x'                               | "a domain label cannot start with '-'"                                   | 0
        'foo-.com/x'                               | "a domain label cannot end with '-'"                                     | 3
        'foo..com/x'                               | 'empty domain label'                                                     | 4
        'foo.com./x'                               | 'empty domain label'                                                     | 8
        'ubuntu@sha256:' + HEX64.substring(1)      | 'a sha256 digest has exactly 64 hex digits, got 63'                      | 77
        'ubuntu@sha256:' + HEX64 + 'a'             | 'a sha256 digest has exactly 64 hex digits, got 65'                      | 78
        'ubuntu@sha256:' + HEX64.toUpperCase()     | "uppercase hex digit 'E' is not allowed"                                 | 14
        'ubuntu@sha256:' + 'g' * 64                | "character 'g' is not a hex digit"                                       | 14
        'ubuntu@sha256:' + HEX64 + '@' + SHA       | "character '@' is not a hex digit"                                       | 78
        'ubuntu@sha512:' + HEX64                   | 'a sha512 digest has exactly 128 hex digits, got 64'                     | 78
        'ubuntu@md5:' + HEX64.substring(0, 32)     | "unsupported digest algorithm 'md5'; supported: sha256, sha512"          | 7
        'ubuntu@SHA256:' + HEX64                   | "unsupported digest algorithm 'SHA256'"                                  | 7
        'ubuntu@sha256+b64:' + HEX64               | "unsupported digest algorithm 'sha256+b64'"                              | 7
        'ubuntu@1sha:' + HEX64                     | "character '1' is not allowed here in a digest algorithm"                | 7
        'ubuntu@:' + HEX64                         | "a digest algorithm before ':'"                                          | 7
        'ubuntu@' + HEX64                          | "a digest is 'algorithm:hex'"                                            | 7
        'x' * 248                                  | 'is 256 characters long; at most 255 are allowed'                        | 247
        'x' * 250                                  | 'is 258 characters long; at most 255 are allowed'                        | 247
        'docker.io/' + 'x' * 248                   | "the repository path 'library/" + 'x' * 32 + "...' is 256 characters long" | 257
        'index.docker.io/' + 'x' * 248             | 'is 256 characters long'                                                 | 263
        'ns/' + 'x' * 253                          | 'is 256 characters long'                                                 | 255
        'ghcr.io/' + 'x' * 256                     | 'is 256 characters long'                                                 | 263
        'domain/' + 'a' * 256 + ':tag'             | 'is 263 characters long'                                                 | 255
        'a/' * 128 + 'a:tag'                       | 'is 257 characters long'                                                 | 255
    }

    // --- distribution/reference's own test vectors (reference_test.go, normalize_test.go, regexp_test.go), as
    // ParseNormalizedNamed reads them: a name without a domain is on docker.io, a single component gets library/

    static final String DIST_SHA = 'sha256:be178c0543eb17f5f3043021c9e5fcf30285e557a4fc309cce97ff9ca6182912'

    @Unroll("#input -> #expected")
    def "distribution's valid test vectors normalize as ParseNormalizedNamed does"(String input, String expected) {
        expect:
        ImageReference.parse(input).toString() == expected

        where:
        input                                                    | expected
        'example.com/' + 'a' * 255 + ':tag'                      | 'example.com/' + 'a' * 255 + ':tag'
        'ghcr.io/' + 'x' * 255                                   | 'ghcr.io/' + 'x' * 255 + ':latest'
        'a/' * 127 + 'a:tag-puts-this-over-max'                  | 'docker.io/' + 'a/' * 127 + 'a:tag-puts-this-over-max'
        'x' * 247                                                | 'docker.io/library/' + 'x' * 247 + ':latest'
        'ns/' + 'x' * 252                                        | 'docker.io/ns/' + 'x' * 252 + ':latest'
        'test_com'                                               | 'docker.io/library/test_com:latest'
        'test.com:tag'                                           | 'docker.io/library/test.com:tag'
        'test.com:5000'                                          | 'docker.io/library/test.com:5000'
        'test:5000/repo@sha256:' + 'f' * 64                      | 'test:5000/repo@sha256:' + 'f' * 64
        'test:5000/repo:tag@sha256:' + 'f' * 64                  | 'test:5000/repo:tag@sha256:' + 'f' * 64
        'lowercase:Uppercase'                                    | 'docker.io/library/lowercase:Uppercase'
        'sub-dom1.foo.com/bar/baz/quux:some-long-tag'            | 'sub-dom1.foo.com/bar/baz/quux:some-long-tag'
        'b.gcr.io/test.example.com/my-app:test.example.com'      | 'b.gcr.io/test.example.com/my-app:test.example.com'
        'xn--7o8h.com/myimage:xn--7o8h.com@sha512:' + 'f' * 128  | 'xn--7o8h.com/myimage:xn--7o8h.com@sha512:' + 'f' * 128
        'foo_bar.com:8080'                                       | 'docker.io/library/foo_bar.com:8080'
        'foo/foo_bar.com:8080'                                   | 'docker.io/foo/foo_bar.com:8080'
        '192.168.1.1:5000/repo:5050'                             | '192.168.1.1:5000/repo:5050'
        '192.168.0.1:8/debian'                                   | '192.168.0.1:8/debian:latest'
        '[2001:db8:1:2:3:4:5:6]/repo:tag'                        | '[2001:db8:1:2:3:4:5:6]/repo:tag'
        '[2001:db8::]:5000/repo'                                 | '[2001:db8::]:5000/repo:latest'
        '[fc00::1]:5000/docker/docker'                           | '[fc00::1]:5000/docker/docker:latest'
        'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev' | 'docker.io/library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev:latest'
        'docker---rules/docker'                                  | 'docker.io/docker---rules/docker:latest'
        'd/docker'                                               | 'docker.io/d/docker:latest'
        'jess/t'                                                 | 'docker.io/jess/t:latest'
        'DOCKER/docker'                                          | 'DOCKER/docker:latest'
        'Asdf.com/foo/bar'                                       | 'Asdf.com/foo/bar:latest'
        'aa-a/a'                                                 | 'docker.io/aa-a/a:latest'
        'ab.c-om/x'                                              | 'ab.c-om/x:latest'
        '0101.com/x'                                             | '0101.com/x:latest'
        'b.gbc.io:443/x'                                         | 'b.gbc.io:443/x:latest'
        'example.com/xn--7o8h.com/myimage'                       | 'example.com/xn--7o8h.com/myimage:latest'
        'docker/stevvooe/app'                                    | 'docker.io/docker/stevvooe/app:latest'
        'localhost:8080@' + DIST_SHA                             | 'docker.io/library/localhost:8080@' + DIST_SHA
        'localhost@' + DIST_SHA                                  | 'docker.io/library/localhost@' + DIST_SHA
        'localhost:8080/name@' + DIST_SHA                        | 'localhost:8080/name@' + DIST_SHA
        'registry.com:8080/myapp:tag2@' + DIST_SHA               | 'registry.com:8080/myapp:tag2@' + DIST_SHA
        'busybox:latest@' + DIST_SHA                             | 'docker.io/library/busybox:latest@' + DIST_SHA
        'sha256:' + HEX64                                        | 'docker.io/library/sha256:' + HEX64
        HEX64.substring(0, 60)                                   | 'docker.io/library/' + HEX64.substring(0, 60) + ':latest'
        HEX64 + 'abcd'                                           | 'docker.io/library/' + HEX64 + 'abcd:latest'
        'dbcc1'                                                  | 'docker.io/library/dbcc1:latest'
        'store/foo/bar'                                          | 'docker.io/store/foo/bar:latest'
        'other/library'                                          | 'docker.io/other/library:latest'
        'index.docker.io/library/ubuntu-12.04-base'              | 'docker.io/library/ubuntu-12.04-base:latest'
    }

    @Unroll("#input is invalid: #expected")
    def "distribution's invalid test vectors are rejected with a reason"(String input, String expected) {
        when:
        ImageReference.parse(input)

        then:
        InvalidReferenceException e = thrown()
        e.expected().contains(expected)

        where:
        input                                                    | expected
        'domain/' + 'a' * 256 + ':tag'                           | 'is 263 characters long; at most 255 are allowed'
        'a/' * 128 + 'a:tag'                                     | 'is 257 characters long; at most 255 are allowed'
        'ghcr.io/' + 'x' * 256                                   | "the repository path '" + 'x' * 40 + "...' is 256 characters long"
        (['this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255'] * 4).join('_') + '/docker' | 'characters long; at most 255 are allowed'
        ':justtag'                                               | 'a repository path is required'
        '@sha256:' + 'f' * 64                                    | 'a repository path is required'
        'repo@sha256:' + 'f' * 34                                | 'a sha256 digest has exactly 64 hex digits, got 34'
        'validname@invaliddigest:' + 'f' * 64                    | "unsupported digest algorithm 'invaliddigest'"
        'Uppercase:tag'                                          | "uppercase letters are not allowed in the repository path 'Uppercase'"
        'test:5000/Uppercase/lowercase:tag'                      | "uppercase letters are not allowed in the repository path 'Uppercase/lowercase'"
        'docker.io/docker/Docker'                                | 'uppercase letters are not allowed'
        'aa/asdf$$^/aa'                                          | "character '\$' is not allowed in the repository path"
        '[2001:db8::1]'                                          | "character '[' is not allowed in the repository path"
        '[2001:db8::1]:5000'                                     | "character '[' is not allowed in the repository path"
        '[fe80::1%eth0]:5000/repo'                               | 'IPv6 zone identifiers'
        '[2001:db8:3:4::192.0.2.33]:5000/debian'                 | 'embedded IPv4'
        'fc00::1:5000/debian'                                    | "character ':' is not allowed in a port"
        'https://github.com/docker/docker'                       | "a reference has no scheme; remove 'https://'"
        '-docker'                                                | "a path component must start with a lowercase letter or digit, not '-'"
        '-docker.io/docker/docker'                               | "a domain label cannot start with '-'"
        'docker///docker'                                        | "'//' is not allowed"
        'docker/'                                                | "a reference cannot end with '/'"
        '-docker-/docker'                                        | "a path component must start with a lowercase letter or digit, not '-'"
        'docker-/docker'                                         | "a path component must end with a lowercase letter or digit, not '-'"
        'dock..er/docker'                                        | 'empty domain label'
        'dock_.er/docker'                                        | "character '_' is not allowed in the domain"
        'dock-.er/docker'                                        | "a domain label cannot end with '-'"
        '____/____'                                              | "a path component must start with a lowercase letter or digit, not '_'"
        'docker_/docker_'                                        | "a path component must end with a lowercase letter or digit, not '_'"
        'example.com/__underscore/myimage'                       | "a path component must start with a lowercase letter or digit, not '_'"
        'example.com/.dots/myimage'                              | "a path component must start with a lowercase letter or digit, not '.'"
        'example.com/nodouble..dots/myimage'                     | "invalid separator '..'"
        'docker./docker'                                         | 'empty domain label'
        'do__cker:8080/docker'                                   | "character '_' is not allowed in the domain"
        'bad_hostname.com:8080/myapp:tag'                        | "character '_' is not allowed in the domain"
        'Foo/FarB'                                               | "uppercase letters are not allowed in the repository path 'FarB'"
        'foo.com:http/bar'                                       | "character 'h' is not allowed in a port"
        'registry.com:8080/myapp@sha256:badbadbadbad'            | 'a sha256 digest has exactly 64 hex digits, got 12'
        'registry.com:8080/myapp:invalid~tag'                    | "character '~' is not allowed in a tag"
        'registry.com:8080/myapp@2bad'                           | "a digest is 'algorithm:hex'"
        '[fd00:1:2::3]75050/x'                                   | "expected ':port' or '/' after the IPv6 address"
        '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a' | 'a 64-character hex string is an image ID'
        '7EC43B381E5AEFE6E04EFB0B3F0693FF2A4A50652D64AEC573905F2DB5889A1C' | 'uppercase letters are not allowed'
    }

    def "null is rejected like the empty reference"() {
        when:
        ImageReference.parse(null)

        then:
        InvalidReferenceException e = thrown()
        e.input() == ''
        e.position() == 0
        e.message == "invalid image reference '': the reference is empty; expected a name such as 'ubuntu' or" +
                " 'ghcr.io/owner/app:tag' (at position 0)"
    }

    def "the message reads as one sentence naming input, problem and position"() {
        when:
        ImageReference.parse('foo/Bar')

        then:
        InvalidReferenceException e = thrown()
        e.message == "invalid image reference 'foo/Bar': uppercase letters are not allowed in the repository path" +
                " 'foo/Bar' (at position 4)"
    }

    def "the message escapes control characters and shortens very long inputs"() {
        when:
        ImageReference.parse(input)

        then:
        InvalidReferenceException e = thrown()
        e.message == message

        where:
        input          | message
        'ubuntu\u0007' | "invalid image reference 'ubuntu\\u0007': control character U+0007 is not allowed in a reference (at position 6)"
        'a' * 5000     | "invalid image reference '${'a' * 300}... (5000 characters)': a reference is at most 4096 characters, got 5000 (at position 4096)"
    }

    @Unroll("#input -> #expected")
    def "the identifier is the digest when there is one, else the tag"(String input, String expected) {
        expect:
        ImageReference.parse(input).identifier() == expected

        where:
        input                       | expected
        'ubuntu'                    | 'latest'
        'ubuntu:22.04'              | '22.04'
        'ubuntu@' + SHA             | SHA
        'ubuntu:22.04@' + SHA       | SHA
    }

    def "withTag and withDigest return validated copies"() {
        given:
        ImageReference reference = ImageReference.parse('ghcr.io/a/b:v1')
        Digest digest = Digest.parse(SHA)

        expect:
        reference.withTag('v2').toString() == 'ghcr.io/a/b:v2'
        reference.withTag('V_2.0-rc').tag() == 'V_2.0-rc'
        reference.withDigest(digest).toString() == 'ghcr.io/a/b:v1@' + SHA
        reference.withDigest(digest).withTag(null).toString() == 'ghcr.io/a/b@' + SHA
        reference.withDigest(digest).withDigest(null) == reference
    }

    @Unroll("#tag -> #expected")
    def "withTag rejects a tag the grammar rejects and never leaves neither tag nor digest"(String tag, String expected, int position) {
        given:
        ImageReference reference = ImageReference.parse('ghcr.io/a/b@' + SHA)

        when:
        reference.withTag(tag).withDigest(null)

        then:
        InvalidReferenceException e = thrown()
        e.expected().contains(expected)
        e.position() == position

        where:
        tag        | expected                                        | position
        '-bad'     | "a tag must start with a letter, digit or '_'"  | 12
        'bad tag'  | "character ' ' (space) is not allowed in a tag" | 15
        'a' * 129  | 'a tag is at most 128 characters, got 129'      | 140
        null       | 'a tag or a digest is required'                 | 11
    }

    @Unroll("#domain / #path -> #expected")
    def "the record constructor accepts only canonical components"(
            String domain, String path, String tag, Digest digest, String expected, int position) {
        when:
        new ImageReference(domain, path, tag, digest)

        then:
        InvalidReferenceException e = thrown()
        e.expected().contains(expected)
        e.position() == position

        where:
        domain            | path             | tag       | digest | expected                                                    | position
        'ghcr.io'         | 'Foo'            | 'latest'  | null   | "uppercase letters are not allowed in the repository path"  | 8
        'docker.io'       | 'ubuntu'         | 'latest'  | null   | "official images are 'library/ubuntu'"                      | 10
        'index.docker.io' | 'library/ubuntu' | 'latest'  | null   | "'index.docker.io' is written 'docker.io'"                  | 0
        'foo'             | 'bar'            | 'latest'  | null   | 'would be read back as a path component'                    | 0
        'ghcr.io'         | 'a/b'            | null      | null   | 'a tag or a digest is required'                             | 11
        'ghcr.io'         | 'a/b'            | 'bad tag' | null   | "character ' ' (space) is not allowed in a tag"             | 15
        null              | 'a'              | 'latest'  | null   | 'a reference needs a domain and a path'                     | 0
        'ghcr.io'         | null             | 'latest'  | null   | 'a reference needs a domain and a path'                     | 0
        ''                | 'a'              | 'latest'  | null   | 'a domain is required'                                      | 0
        'ghcr.io'         | ''               | 'latest'  | null   | 'a repository path is required'                             | 8
        'ghcr.io:'        | 'a'              | 'latest'  | null   | "a port number is required after ':'"                       | 8
        'ghcr.io'         | 'a:b'            | 'latest'  | null   | "character ':' is not allowed in the repository path"       | 9
        'ghcr.io/x'       | 'a'              | 'latest'  | null   | "character '/' is not allowed in the domain"                | 7
        'ghcr.io'         | 'x' * 256        | 'latest'  | null   | 'is 256 characters long'                                    | 263
    }

    def "the record constructor accepts what parse produces"() {
        expect:
        new ImageReference('docker.io', 'library/ubuntu', 'latest', null) == ImageReference.parse('ubuntu')
        new ImageReference('ghcr.io', 'a/b', null, Digest.parse(SHA)) == ImageReference.parse('ghcr.io/a/b@' + SHA)
        new ImageReference('localhost', 'foo', 'latest', null).isDockerHub() == false
        new ImageReference('docker.io', 'library/ubuntu', 'latest', null).isDockerHub()
    }

    def "random input never escapes as anything but InvalidReferenceException"() {
        given:
        Random random = new Random(20240611L)
        List<String> atoms = ['a', 'z', '0', '9', 'A', 'Z', '.', '_', '__', '-', '/', ':', '@', '[', ']', '%', ' ',
                              '\t', '\u0000', '\u00e9', '\ud83d', 'localhost', 'docker.io', 'index.docker.io', '[::1]',
                              '5000', 'sha256:', 'sha512:', HEX64, 'https://', 'library/', '::', 'ghcr.io/', 'Foo']
        List<String> seeds = ['ubuntu', 'ghcr.io/a/b:v1@' + SHA, '[::1]:5000/foo:tag', 'localhost:5000/x',
                              'index.docker.io/library/x@' + SHA]
        int parsed = 0
        int rejected = 0

        when:
        10_000.times {
            for (String input : [joined(random, atoms), mutated(random, seeds), scrambled(random)]) {
                try {
                    ImageReference reference = ImageReference.parse(input)
                    assert ImageReference.parse(reference.toString()) == reference
                    assert ImageReference.parse(reference.familiar()) == reference
                    parsed++
                } catch (InvalidReferenceException e) {
                    assert e.input() == input
                    assert e.position() >= 0 && e.position() <= input.length()
                    rejected++
                }
            }
        }

        then:
        noExceptionThrown()
        parsed > 500
        rejected > 500
    }

    private static String joined(Random random, List<String> atoms) {
        (0..<random.nextInt(10)).collect { atoms[random.nextInt(atoms.size())] }.join('')
    }

    private static String mutated(Random random, List<String> seeds) {
        StringBuilder text = new StringBuilder(seeds[random.nextInt(seeds.size())])
        (1 + random.nextInt(3)).times {
            int at = random.nextInt(text.length() + 1)
            char c = (char) (0x20 + random.nextInt(0x5f))
            switch (random.nextInt(3)) {
                case 0: text.insert(at, c); break
                case 1: if (at < text.length()) { text.deleteCharAt(at) }; break
                default: if (at < text.length()) { text.setCharAt(at, c) }
            }
        }
        text.toString()
    }

    private static String scrambled(Random random) {
        char[] chars = new char[random.nextInt(40)]
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (random.nextInt(8) == 0 ? random.nextInt(0x10000) : random.nextInt(0x80))
        }
        new String(chars)
    }
}

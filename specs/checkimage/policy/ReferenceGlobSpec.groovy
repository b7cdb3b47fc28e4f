package checkimage.policy

import checkimage.reference.ImageReference
import spock.lang.Specification
import spock.lang.Unroll

/**
 * Globs are matched against the normalized reference domain/path[:tag][@digest], never as string prefixes:
 *
 * - '*' stays within one path component (and within the tag); in the host it stays within one DNS label.
 * - '**' is a whole component: at the end one or more components, elsewhere zero or more; leading, it spans
 *   the registry too.
 * - Short names are normalized like references ('ubuntu' is docker.io/library/ubuntu), except that a
 *   pattern without '/' that can only be a host ('quay.io', 'localhost:5000') names a whole registry.
 * - A pattern without a tag matches any tag and digest-only references; a tag pattern never matches a
 *   digest-only reference.
 */
class ReferenceGlobSpec extends Specification {

    static final String HEX = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    static final String SHA = 'sha256:' + HEX
    static final String OTHER_SHA = 'sha256:' + 'a' * 64

    @Unroll("#pattern ~ #reference -> #matches")
    def "a glob matches the normalized reference, component by component"(String pattern, String reference, boolean matches) {
        given:
        ReferenceGlob glob = ReferenceGlob.compile(pattern)

        expect:
        glob.matches(ImageReference.parse(reference)) == matches

        where:
        pattern                            | reference                                             | matches
        // '*' is one component, and short names normalize
        'docker.io/library/*'              | 'ubuntu'                                              | true
        'docker.io/library/*'              | 'ubuntu:22.04'                                        | true
        'docker.io/library/*'              | 'library/ubuntu@' + SHA                               | true
        'docker.io/library/*'              | 'index.docker.io/ubuntu'                              | true
        'docker.io/library/*'              | 'bitnami/redis'                                       | false
        'docker.io/library/*'              | 'docker.io/library/foo/bar'                           | false
        '*'                                | 'nginx:1.27'                                          | true
        '*'                                | 'bitnami/redis'                                       | false
        'ubuntu'                           | 'docker.io/library/ubuntu:20.04'                      | true
        'docker.io/ubuntu'                 | 'ubuntu'                                              | true
        'ubuntu'                           | 'ghcr.io/ubuntu'                                      | false
        'bitnami/*'                        | 'bitnami/redis:7'                                     | true
        'ghcr.io/*/app'                    | 'ghcr.io/acme/app'                                    | true
        'ghcr.io/acme/*'                   | 'ghcr.io/acme/team/app'                               | false
        'ghcr.io/acme/app-*'               | 'ghcr.io/acme/app-api'                                | true
        // prefix traps
        'docker.io/library/ubuntu'         | 'docker.io/library/ubuntu-evil'                       | false
        'docker.io/library/ubuntu'         | 'docker.io/library/ubuntu/sub'                        | false
        'ghcr.io/acme/**'                  | 'ghcr.io/acme-evil/app'                               | false
        'quay.io'                          | 'quay.io.evil.com/x/y'                                | false
        '*.corp.example/**'                | 'evilcorp.example/x'                                  | false
        '*.corp.example/**'                | 'corp.example/x'                                      | false
        '*.corp.example/**'                | 'a.b.corp.example/x'                                  | false
        '*.corp.example/**'                | 'registry.corp.example/team/app'                      | true
        // '**'
        'ghcr.io/acme/**'                  | 'ghcr.io/acme/app'                                    | true
        'ghcr.io/acme/**'                  | 'ghcr.io/acme/team/app:1.0'                           | true
        'ghcr.io/acme/**'                  | 'ghcr.io/acme'                                        | false
        'docker.io/**/redis'               | 'bitnami/redis'                                       | true
        'docker.io/**/redis'               | 'redis'                                               | true
        'docker.io/**/redis'               | 'docker.io/a/b/redis'                                 | true
        'docker.io/**/redis'               | 'bitnami/redis-cluster'                               | false
        'docker.io/**'                     | 'bitnami/redis'                                       | true
        '**'                               | 'ghcr.io/a/b@' + SHA                                  | true
        '**/ubuntu'                        | 'ghcr.io/mirror/ubuntu:24.04'                         | true
        '**/ubuntu'                        | 'ubuntu'                                              | true
        '**:latest'                        | 'ubuntu'                                              | true
        '**:latest'                        | 'ghcr.io/acme/app:1.0'                                | false
        // tags
        'docker.io/library/alpine:3.1*'    | 'alpine:3.1'                                          | true
        'docker.io/library/alpine:3.1*'    | 'alpine:3.18'                                         | true
        'docker.io/library/alpine:3.1*'    | 'alpine:3.2'                                          | false
        'docker.io/library/alpine:3.1*'    | 'alpine'                                              | false
        'docker.io/library/alpine:3.1*'    | 'alpine@' + SHA                                       | false
        'alpine:3.1*'                      | 'alpine:3.19@' + SHA                                  | true
        'ubuntu:*-rc*'                     | 'ubuntu:24.04-rc1'                                    | true
        'ubuntu:latest'                    | 'ubuntu'                                              | true
        'ubuntu:latest'                    | 'ubuntu:Latest'                                       | false
        'ubuntu'                           | 'ubuntu@' + SHA                                       | true
        // digests
        'ghcr.io/acme/app@' + SHA          | 'ghcr.io/acme/app@' + SHA                             | true
        'ghcr.io/acme/app@' + SHA          | 'ghcr.io/acme/app:1@' + SHA                           | true
        'ghcr.io/acme/app@' + SHA          | 'ghcr.io/acme/app:1'                                  | false
        'ghcr.io/acme/app@' + SHA          | 'ghcr.io/acme/app@' + OTHER_SHA                       | false
        // registry-only patterns
        'quay.io'                          | 'quay.io/coreos/etcd:v3.5'                            | true
        'quay.io'                          | 'QUAY.IO/coreos/etcd'                                 | true
        'quay.io'                          | 'quay.io:443/coreos/etcd'                             | false
        'quay.io'                          | 'quay.io'                                             | false
        'docker.io'                        | 'ubuntu'                                              | true
        'localhost:5000'                   | 'localhost:5000/foo'                                  | true
        'localhost:5000'                   | 'localhost:5001/foo'                                  | false
        '[::1]:5000'                       | '[::1]:5000/foo'                                      | true
        '*.dkr.ecr.*.amazonaws.com'        | '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1'  | true
        '*.dkr.ecr.*.amazonaws.com'        | 'dkr.ecr.us-east-1.amazonaws.com/app'                 | false
        '*.dkr.ecr.*.amazonaws.com'        | 'evil.example/123.dkr.ecr.us-east-1.amazonaws.com'    | false
        // Docker Hub's API host is Docker Hub
        'docker.io/library/*'              | 'registry-1.docker.io/library/ubuntu'                 | true
    }

    @Unroll("#pattern -> #normalized")
    def "a pattern is normalized like a reference, and a host alone names the registry"(String pattern, String normalized) {
        expect:
        ReferenceGlob.compile(pattern).normalized() == normalized
        ReferenceGlob.compile(pattern).text() == pattern

        where:
        pattern                          | normalized
        'ubuntu'                         | 'docker.io/library/ubuntu'
        '*'                              | 'docker.io/library/*'
        'docker.io/*'                    | 'docker.io/library/*'
        'index.docker.io/ubuntu:22.04'   | 'docker.io/library/ubuntu:22.04'
        'alpine:3.1*'                    | 'docker.io/library/alpine:3.1*'
        'bitnami/*'                      | 'docker.io/bitnami/*'
        'docker.io/**'                   | 'docker.io/**'
        'ghcr.io/acme/**'                | 'ghcr.io/acme/**'
        'Registry.Corp.Example:5000/app' | 'registry.corp.example:5000/app'
        'quay.io'                        | 'quay.io/**'
        'Quay.IO'                        | 'quay.io/**'
        'localhost'                      | 'localhost/**'
        'localhost:5000'                 | 'localhost:5000/**'
        '**'                             | '**'
        '**:latest'                      | '**:latest'
        'ubuntu@' + SHA                  | 'docker.io/library/ubuntu@' + SHA
    }

    @Unroll("#pattern -> #reason")
    def "an invalid pattern names itself and what is wrong"(String pattern, String reason) {
        when:
        ReferenceGlob.compile(pattern)

        then:
        InvalidPatternException e = thrown()
        e.pattern() == pattern
        e.reason() == reason
        e.message == "invalid pattern '$pattern': $reason"

        where:
        pattern                     | reason
        ''                          | 'a pattern cannot be empty'
        '***'                       | "'**' must be a whole path component, between slashes"
        'ghcr.io/acme/app**'        | "'**' must be a whole path component, between slashes"
        'docker.io/Library/ubuntu'  | 'uppercase letters are not allowed in a repository path'
        'UBUNTU'                    | 'uppercase letters are not allowed in a repository path'
        'ghcr.io//app'              | 'a path component cannot be empty (two slashes, or a slash at an end)'
        'ghcr.io/acme/'             | 'a path component cannot be empty (two slashes, or a slash at an end)'
        'ghcr.io/acme app'          | "character ' ' (space) is not allowed in a repository path"
        'ghcr.io/acme/app?'         | "character '?' is not allowed in a repository path"
        'https://ghcr.io/acme/**'   | "a pattern has no scheme; write 'ghcr.io/acme/**', not 'https://ghcr.io/acme/**'"
        'ubuntu:'                   | 'a tag cannot be empty'
        'ubuntu:**'                 | "'**' is not allowed in a tag; one '*' matches any characters"
        'ubuntu:a+b'                | "character '+' is not allowed in a tag; tags have letters, digits, '_', '.' and '-'"
        'ubuntu:' + 'a' * 129       | 'a tag has at most 128 characters, got 129'
        'ubuntu@sha256:abc'         | "'sha256:abc' is not a digest like 'sha256:' and 64 hex digits"
        'quay.io@' + SHA            | "a registry pattern has no digest; write 'host/path@digest'"
        '**.corp.example'           | "'**' is not allowed in a registry host; '*' matches one DNS label"
        'corp..example/app'         | 'a registry host has no empty labels'
        'corp_example.com/app'      | "character '_' is not allowed in a registry host"
    }

    def "globs are equal when written alike, and print as written"() {
        expect:
        ReferenceGlob.compile('ubuntu') == ReferenceGlob.compile('ubuntu')
        ReferenceGlob.compile('ubuntu') != ReferenceGlob.compile('docker.io/library/ubuntu')
        ReferenceGlob.compile('ubuntu').toString() == 'ubuntu'
    }

    @Unroll("host #pattern ~ #host -> #matches")
    def "a host pattern matches hosts case-insensitively, with the port, label by label"(String pattern, String host, boolean matches) {
        expect:
        HostPattern.parse(pattern).matches(host) == matches

        where:
        pattern                       | host                                           | matches
        'ghcr.io'                     | 'ghcr.io'                                      | true
        'ghcr.io'                     | 'GHCR.IO'                                      | true
        'GHCR.io'                     | 'ghcr.io'                                      | true
        'docker.io'                   | 'registry-1.docker.io'                         | true
        'index.docker.io'             | 'docker.io'                                    | true
        'registry.corp.example:5000'  | 'registry.corp.example'                        | false
        'registry.corp.example:*'     | 'registry.corp.example:5000'                   | true
        '*.dkr.ecr.*.amazonaws.com'   | '1234.dkr.ecr.eu-west-1.amazonaws.com'         | true
        '*.dkr.ecr.*.amazonaws.com'   | '1234.dkr.ecr.eu-west-1.amazonaws.com.evil.io' | false
        '*.example.com'               | 'a.b.example.com'                              | false
    }
}

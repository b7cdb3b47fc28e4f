package checkimage.reference

import spock.lang.PendingFeature
import spock.lang.Specification
import spock.lang.Unroll

/** OCI platforms: os/arch[/variant], matched with containerd's arm64 normalization. */
class PlatformSpec extends Specification {

    @Unroll("#input -> #expected")
    def "a platform is OS/ARCH or OS/ARCH/VARIANT, read in lower case"(String input, String expected,
            String os, String architecture, String variant) {
        when:
        Platform platform = Platform.parse(input)

        then:
        platform == new Platform(os, architecture, variant)
        platform.toString() == expected
        Platform.parse(platform.toString()) == platform

        where:
        input                 || expected            | os        | architecture | variant
        'linux/amd64'         || 'linux/amd64'       | 'linux'   | 'amd64'      | null
        'linux/arm64/v8'      || 'linux/arm64/v8'    | 'linux'   | 'arm64'      | 'v8'
        'linux/arm/v7'        || 'linux/arm/v7'      | 'linux'   | 'arm'        | 'v7'
        'windows/amd64'       || 'windows/amd64'     | 'windows' | 'amd64'      | null
        'linux/386'           || 'linux/386'         | 'linux'   | '386'        | null
        'linux/ppc64le'       || 'linux/ppc64le'     | 'linux'   | 'ppc64le'    | null
        'linux/s390x'         || 'linux/s390x'       | 'linux'   | 's390x'      | null
        'linux/riscv64'       || 'linux/riscv64'     | 'linux'   | 'riscv64'    | null
        'wasip1/wasm'         || 'wasip1/wasm'       | 'wasip1'  | 'wasm'       | null
        'unknown/unknown'     || 'unknown/unknown'   | 'unknown' | 'unknown'    | null
        'Linux/AMD64'         || 'linux/amd64'       | 'linux'   | 'amd64'      | null
        '  linux/amd64\n'     || 'linux/amd64'       | 'linux'   | 'amd64'      | null
        'LINUX/ARM64/V8'      || 'linux/arm64/v8'    | 'linux'   | 'arm64'      | 'v8'
        'linux/x86_64'        || 'linux/x86_64'      | 'linux'   | 'x86_64'     | null
    }

    @Unroll("#input -> #message")
    def "an invalid platform is rejected with a message naming it"(String input, String message) {
        when:
        Platform.parse(input)

        then:
        IllegalArgumentException e = thrown()
        e.message.startsWith("invalid platform '$input': ")
        e.message.contains(message)

        where:
        input                    || message
        ''                       || 'expected OS/ARCH or OS/ARCH/VARIANT, e.g. linux/amd64'
        'linux'                  || 'expected OS/ARCH or OS/ARCH/VARIANT, e.g. linux/amd64'
        'amd64'                  || 'expected OS/ARCH or OS/ARCH/VARIANT, e.g. linux/amd64'
        'linux/arm64/v8/extra'   || 'expected OS/ARCH or OS/ARCH/VARIANT, e.g. linux/amd64'
        'linux:amd64'            || 'expected OS/ARCH or OS/ARCH/VARIANT, e.g. linux/amd64'
        'linux/'                 || "each of OS, ARCH and VARIANT must be lowercase letters, digits, '.', '_' or '-'"
        '/amd64'                 || "each of OS, ARCH and VARIANT must be lowercase letters, digits, '.', '_' or '-'"
        'linux/amd64/'           || "each of OS, ARCH and VARIANT must be lowercase letters, digits, '.', '_' or '-'"
        'linux//amd64'           || "each of OS, ARCH and VARIANT must be lowercase letters, digits, '.', '_' or '-'"
        'linux/amd 64'           || "each of OS, ARCH and VARIANT must be lowercase letters, digits, '.', '_' or '-'"
        'linux/amd64:latest'     || "each of OS, ARCH and VARIANT must be lowercase letters, digits, '.', '_' or '-'"
        'linux/*'                || "each of OS, ARCH and VARIANT must be lowercase letters, digits, '.', '_' or '-'"
        'linux/amd64,linux/arm64'|| "each of OS, ARCH and VARIANT must be lowercase letters, digits, '.', '_' or '-'"
        'linux/am\td64'          || "each of OS, ARCH and VARIANT must be lowercase letters, digits, '.', '_' or '-'"
    }

    @Unroll("#available satisfies #required: #satisfies")
    def "an available platform satisfies a required one with the same OS and architecture and a matching variant"(
            String available, String required, boolean satisfies) {
        expect:
        Platform.parse(available).satisfies(Platform.parse(required)) == satisfies

        where:
        available          | required           || satisfies
        'linux/amd64'      | 'linux/amd64'      || true
        'linux/arm64'      | 'linux/arm64/v8'   || true
        'linux/arm64/v8'   | 'linux/arm64'      || true
        'linux/arm64/v8'   | 'linux/arm64/v8'   || true
        'linux/arm/v7'     | 'linux/arm'        || true
        'linux/arm/v6'     | 'linux/arm'        || true
        'linux/arm/v7'     | 'linux/arm/v7'     || true
        'linux/arm64/v9'   | 'linux/arm64'      || true
        'linux/arm/v6'     | 'linux/arm/v7'     || false
        'linux/arm64/v9'   | 'linux/arm64/v8'   || false
        'linux/arm64'      | 'linux/arm64/v9'   || false
        'linux/amd64'      | 'linux/arm64'      || false
        'linux/arm64'      | 'linux/amd64'      || false
        'linux/arm64'      | 'linux/arm'        || false
        'windows/amd64'    | 'linux/amd64'      || false
        'linux/amd64'      | 'windows/amd64'    || false
        'unknown/unknown'  | 'linux/amd64'      || false
    }

    def "a platform made in code matches one that was parsed"() {
        expect:
        new Platform('linux', 'arm64', null).satisfies(Platform.parse('linux/arm64/v8'))
        new Platform('linux', 'arm64', '').satisfies(Platform.parse('linux/arm64/v8'))
        new Platform('linux', 'amd64', '').variant() == null
    }

    def "an arm platform without a variant is arm/v7, as containerd normalizes it"() {
        expect:
        Platform.parse('linux/arm').satisfies(Platform.parse('linux/arm/v7'))
    }

    @Unroll("#text -> unknown: #unknown")
    def "only unknown/unknown is the attestation placeholder"(String text, boolean unknown) {
        expect:
        Platform.parse(text).isUnknown() == unknown

        where:
        text               || unknown
        'unknown/unknown'  || true
        'Unknown/UNKNOWN'  || true
        'unknown/amd64'    || false
        'linux/unknown'    || false
        'linux/amd64'      || false
    }

    def "a platform needs an OS and an architecture"() {
        when:
        new Platform(null, 'amd64', null)

        then:
        NullPointerException noOs = thrown()
        noOs.message == 'os'

        when:
        new Platform('linux', null, null)

        then:
        NullPointerException noArch = thrown()
        noArch.message == 'architecture'
    }
}

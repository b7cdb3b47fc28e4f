package checkimage.client

import checkimage.fixture.RegistryFixture
import checkimage.reference.ImageReference
import checkimage.result.CheckOutcome
import checkimage.result.CheckResult
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

/**
 * The handshake against a real registry (CNCF distribution) on plain HTTP without authentication: exact
 * digests for every manifest kind, missing tags and repositories, digest references, platforms.
 */
class PlainRegistryIntegrationSpec extends Specification {

    @Shared
    RegistryFixture registry

    @Shared
    Map<String, String> digests

    @Shared
    @AutoCleanup
    ImageChecker checker

    def setupSpec() {
        registry = RegistryFixture.start(RegistryFixture.Mode.PLAIN)
        digests = registry.seedStandardImages()
        checker = ImageChecker.builder().build()
    }

    def cleanupSpec() {
        registry?.close()
    }

    String ref(String path) {
        "${registry.host}/${path}"
    }

    @Unroll("#path is accessible as #mediaType with the digest the registry stored")
    def "every manifest kind is accessible with its exact digest and media type"() {
        when:
        CheckOutcome outcome = checker.check(ref(path)).outcome()

        then:
        outcome instanceof CheckOutcome.Accessible
        (outcome as CheckOutcome.Accessible).digest().toString() == digests[path]
        (outcome as CheckOutcome.Accessible).mediaType() == mediaType

        where:
        path                          | mediaType
        'library/hello:oci'           | 'application/vnd.oci.image.manifest.v1+json'
        'library/hello:docker'        | 'application/vnd.docker.distribution.manifest.v2+json'
        'library/hello:index'         | 'application/vnd.oci.image.index.v1+json'
        'library/hello:manifest-list' | 'application/vnd.docker.distribution.manifest.list.v2+json'
    }

    @Unroll("#path is missing, not unknown")
    def "a missing tag and a missing repository are both missing"() {
        when:
        CheckOutcome outcome = checker.check(ref(path)).outcome()

        then:
        outcome.kind() == CheckOutcome.Kind.MISSING
        outcome.isDefinitelyInaccessible()

        where:
        path << ['library/hello:no-such-tag', 'nobody/nothing:oci']
    }

    def "a digest reference is found, and a tag with a digest requests the digest"() {
        given:
        String digest = digests['library/hello:index']

        expect:
        checker.check(ref("library/hello@${digest}")).outcome() instanceof CheckOutcome.Accessible
        (checker.check(ref("library/hello:oci@${digest}")).outcome() as CheckOutcome.Accessible).digest().toString() == digest
    }

    def "an unknown digest is missing"() {
        expect:
        checker.check(ref('library/hello@sha256:' + 'e' * 64)).kind() == CheckOutcome.Kind.MISSING
    }

    def "a loopback registry on plain HTTP is reached without any flag, as Docker does"() {
        when:
        CheckResult result = checker.check(ref('library/hello:oci'))

        then:
        result.isAccessible()
        registry.requestLog.any { it.startsWith('HEAD /v2/library/hello/manifests/oci') }
    }

    def "a batch pings once, checks each distinct reference once and keeps input order"() {
        given:
        ImageChecker fresh = ImageChecker.builder().plainHttp(registry.host).build()
        registry.clearRequestLog()
        List<String> inputs = [ref('library/hello:oci'), ref('library/hello:docker'), ref('library/hello:oci'),
                               'not/Valid', ref('library/hello:nope')]

        when:
        List<CheckResult> results = fresh.checkAll(inputs)

        then:
        results*.input == inputs
        results*.kind() == [CheckOutcome.Kind.ACCESSIBLE, CheckOutcome.Kind.ACCESSIBLE, CheckOutcome.Kind.ACCESSIBLE,
                            CheckOutcome.Kind.INVALID_REFERENCE, CheckOutcome.Kind.MISSING]
        fresh.stats().pings() == 1
        fresh.stats().manifestRequests() == 3
        registry.requestLog.count { it == 'HEAD /v2/library/hello/manifests/oci' } == 1

        cleanup:
        fresh?.close()
    }

    @Unroll("platforms #required in #path -> #kind")
    def "required platforms are looked up in indexes, manifest lists and config blobs"() {
        given:
        ImageCheckerBuilder builder = ImageChecker.builder()
        required.each { builder.platform(it) }
        ImageChecker platformChecker = builder.build()

        when:
        CheckOutcome outcome = platformChecker.check(ref(path)).outcome()

        then:
        outcome.kind() == kind
        outcome.reason().contains(fragment)

        cleanup:
        platformChecker?.close()

        where:
        path                          | required                         | kind                        | fragment
        'library/hello:index'         | ['linux/amd64']                  | CheckOutcome.Kind.ACCESSIBLE | 'linux/amd64, linux/arm64/v8'
        'library/hello:index'         | ['linux/arm64']                  | CheckOutcome.Kind.ACCESSIBLE | 'linux/arm64/v8'
        'library/hello:index'         | ['linux/amd64', 'linux/arm64/v8']| CheckOutcome.Kind.ACCESSIBLE | 'linux/amd64'
        'library/hello:index'         | ['linux/s390x']                  | CheckOutcome.Kind.MISSING    | 'no image for platform linux/s390x; available: linux/amd64, linux/arm64/v8'
        'library/hello:index'         | ['unknown/unknown']              | CheckOutcome.Kind.MISSING    | 'available: linux/amd64, linux/arm64/v8'
        'library/hello:manifest-list' | ['linux/ppc64le']                | CheckOutcome.Kind.ACCESSIBLE | 'linux/ppc64le'
        'library/hello:manifest-list' | ['linux/arm64']                  | CheckOutcome.Kind.MISSING    | 'available: linux/amd64, linux/ppc64le'
        'library/hello:oci'           | ['linux/amd64']                  | CheckOutcome.Kind.ACCESSIBLE | 'linux/amd64'
        'library/hello:docker'        | ['linux/amd64']                  | CheckOutcome.Kind.MISSING    | 'available: linux/arm64'
    }

    def "parsing a reference makes no request"() {
        given:
        registry.clearRequestLog()

        when:
        ImageReference.parse(ref('library/hello:oci'))

        then:
        registry.requestLog.empty
    }
}

package checkimage.result

import checkimage.reference.Digest
import checkimage.reference.ImageReference
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Duration

import static checkimage.result.CheckOutcome.Rejection.BAD_CREDENTIALS
import static checkimage.result.CheckOutcome.Rejection.DENIED

/** The outcome values: which ones mean "definitely not pullable", how they print, and what they refuse. */
class CheckOutcomeSpec extends Specification {

    static final ImageReference REF = ImageReference.parse('ghcr.io/acme/app:1.0')
    static final Digest DIGEST = Digest.parse('sha256:' + 'a' * 64)
    static final String INDEX = 'application/vnd.oci.image.index.v1+json'

    @Shared
    Map<CheckOutcome.Kind, CheckOutcome> samples = [
            (CheckOutcome.Kind.ACCESSIBLE)       : new CheckOutcome.Accessible(REF, DIGEST, INDEX, 1234, ['linux/amd64', 'linux/arm64']),
            (CheckOutcome.Kind.MISSING)          : new CheckOutcome.Missing(REF, "manifest unknown: acme/app has no tag '1.0'", []),
            (CheckOutcome.Kind.AUTH_REJECTED)    : new CheckOutcome.AuthRejected(REF, DENIED, 'anonymous pull is not allowed', []),
            (CheckOutcome.Kind.INVALID_REFERENCE): new CheckOutcome.InvalidReference('Not/A:Ref:', 'uppercase path'),
            (CheckOutcome.Kind.UNKNOWN)          : new CheckOutcome.Unknown(REF, Cause.RATE_LIMITED, 'rate limited by ghcr.io', Duration.ofSeconds(30), []),
            (CheckOutcome.Kind.NOT_CHECKED)      : new CheckOutcome.NotChecked(REF),
    ]

    def "every kind has a sample here, so a new kind fails this spec until it is classified"() {
        expect:
        samples.keySet() == EnumSet.allOf(CheckOutcome.Kind)
        samples.every { kind, outcome -> outcome.kind() == kind }
    }

    @Unroll("#kind -> definitely inaccessible: #inaccessible, accessible: #accessible")
    def "only missing, auth rejected and invalid references are definitely inaccessible"(
            CheckOutcome.Kind kind, boolean inaccessible, boolean accessible) {
        given:
        CheckOutcome outcome = samples[kind]

        expect:
        outcome.isDefinitelyInaccessible() == inaccessible
        outcome.isAccessible() == accessible

        where:
        kind                                 || inaccessible | accessible
        CheckOutcome.Kind.ACCESSIBLE         || false        | true
        CheckOutcome.Kind.MISSING            || true         | false
        CheckOutcome.Kind.AUTH_REJECTED      || true         | false
        CheckOutcome.Kind.INVALID_REFERENCE  || true         | false
        CheckOutcome.Kind.UNKNOWN            || false        | false
        CheckOutcome.Kind.NOT_CHECKED        || false        | false
    }

    @Unroll("#kind -> #expected")
    def "an outcome prints as one readable line"(CheckOutcome.Kind kind, String expected) {
        expect:
        samples[kind].toString() == expected

        where:
        kind                                || expected
        CheckOutcome.Kind.ACCESSIBLE        || "ghcr.io/acme/app:1.0: accessible sha256:${'a' * 64} ($INDEX, platforms linux/amd64, linux/arm64)"
        CheckOutcome.Kind.MISSING           || "ghcr.io/acme/app:1.0: missing: manifest unknown: acme/app has no tag '1.0'"
        CheckOutcome.Kind.AUTH_REJECTED     || 'ghcr.io/acme/app:1.0: auth rejected: anonymous pull is not allowed'
        CheckOutcome.Kind.INVALID_REFERENCE || 'invalid reference: uppercase path'
        CheckOutcome.Kind.UNKNOWN           || 'ghcr.io/acme/app:1.0: unknown (rate_limited): rate limited by ghcr.io'
        CheckOutcome.Kind.NOT_CHECKED       || 'ghcr.io/acme/app:1.0: not checked (offline); normalized to ghcr.io/acme/app:1.0'
    }

    @Unroll("#mediaType, #platforms -> #expected")
    def "an accessible reason names the digest and, when known, the media type and platforms"(
            String mediaType, List<String> platforms, String expected) {
        expect:
        new CheckOutcome.Accessible(REF, DIGEST, mediaType, 10, platforms).reason() == expected

        where:
        mediaType | platforms       || expected
        INDEX     | []              || "accessible $DIGEST ($INDEX)"
        INDEX     | ['linux/amd64'] || "accessible $DIGEST ($INDEX, platforms linux/amd64)"
        null      | []              || "accessible $DIGEST"
        ''        | []              || "accessible $DIGEST"
    }

    def "an accessible outcome without a media type has an empty one, not null"() {
        expect:
        new CheckOutcome.Accessible(REF, DIGEST, null, 10, []).mediaType() == ''
    }

    @Unroll("#component")
    def "an outcome refuses a null where a value is required, naming the component"(
            String component, Closure<CheckOutcome> construct) {
        when:
        construct()

        then:
        NullPointerException e = thrown()
        e.message == component

        where:
        component   | construct
        'reference' | { new CheckOutcome.Accessible(null, DIGEST, INDEX, 1, []) }
        'digest'    | { new CheckOutcome.Accessible(REF, null, INDEX, 1, []) }
        'reference' | { new CheckOutcome.Missing(null, 'gone', []) }
        'reason'    | { new CheckOutcome.Missing(REF, null, []) }
        'reference' | { new CheckOutcome.AuthRejected(null, DENIED, 'no', []) }
        'rejection' | { new CheckOutcome.AuthRejected(REF, null, 'no', []) }
        'reason'    | { new CheckOutcome.AuthRejected(REF, BAD_CREDENTIALS, null, []) }
        'input'     | { new CheckOutcome.InvalidReference(null, 'bad') }
        'reason'    | { new CheckOutcome.InvalidReference('x', null) }
        'reference' | { new CheckOutcome.Unknown(null, Cause.DNS, 'no such host', null, []) }
        'cause'     | { new CheckOutcome.Unknown(REF, null, 'no such host', null, []) }
        'reason'    | { new CheckOutcome.Unknown(REF, Cause.DNS, null, null, []) }
        'reference' | { new CheckOutcome.NotChecked(null) }
    }

    @Unroll("#description")
    def "an outcome refuses null lists"(String description, Closure<CheckOutcome> construct) {
        when:
        construct()

        then:
        thrown(NullPointerException)

        where:
        description               | construct
        'accessible platforms'    | { new CheckOutcome.Accessible(REF, DIGEST, INDEX, 1, null) }
        'missing errors'          | { new CheckOutcome.Missing(REF, 'gone', null) }
        'auth rejected errors'    | { new CheckOutcome.AuthRejected(REF, DENIED, 'no', null) }
        'unknown errors'          | { new CheckOutcome.Unknown(REF, Cause.DNS, 'no such host', null, null) }
    }

    def "lists are immutable copies, so an outcome cannot change after it is made"() {
        given:
        List<RegistryError> errors = [new RegistryError('DENIED', '')]
        List<String> platforms = ['linux/amd64']
        CheckOutcome.AuthRejected rejected = new CheckOutcome.AuthRejected(REF, DENIED, 'no', errors)
        CheckOutcome.Accessible accessible = new CheckOutcome.Accessible(REF, DIGEST, INDEX, 1, platforms)

        when:
        errors << new RegistryError('UNAUTHORIZED', '')
        platforms << 'linux/arm64'

        then:
        rejected.errors().size() == 1
        accessible.platforms() == ['linux/amd64']

        when:
        rejected.errors().clear()

        then:
        thrown(UnsupportedOperationException)
    }

    def "a result defaults its credential source and elapsed time and delegates to its outcome"() {
        when:
        CheckResult result = new CheckResult('ghcr.io/acme/app:1.0', samples[CheckOutcome.Kind.MISSING], null, null)

        then:
        result.credentialSource() == ''
        result.elapsed() == Duration.ZERO
        result.kind() == CheckOutcome.Kind.MISSING
        !result.isAccessible()
        result.toString() == samples[CheckOutcome.Kind.MISSING].toString()
    }
}

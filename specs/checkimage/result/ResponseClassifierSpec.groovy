package checkimage.result

import checkimage.reference.ImageReference
import spock.lang.PendingFeature
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Duration

import static checkimage.result.CheckOutcome.Kind.AUTH_REJECTED
import static checkimage.result.CheckOutcome.Kind.MISSING
import static checkimage.result.CheckOutcome.Kind.UNKNOWN
import static checkimage.result.CheckOutcome.Rejection.BAD_CREDENTIALS
import static checkimage.result.CheckOutcome.Rejection.DENIED

/**
 * How a failed manifest request becomes an outcome. The rule that matters most: only a 404 is missing, auth
 * trouble is auth rejected, everything else is unknown with a cause.
 */
class ResponseClassifierSpec extends Specification {

    static final ImageReference TAGGED = ImageReference.parse('ghcr.io/acme/app:1.0')
    static final String DIGEST = 'sha256:' + 'a' * 64
    static final String BOB = "user 'bob' (docker config auths)"

    static CheckOutcome classify(ImageReference reference, int status, String scheme, boolean credentialed,
                                 List<RegistryError> errors = [], Duration retryAfter = null) {
        ResponseClassifier.classify(reference, new ResponseClassifier.Exchange(status, scheme == 'basic', credentialed,
                credentialed ? BOB : 'anonymous', errors, retryAfter))
    }

    @Unroll("#status #scheme credentialed=#credentialed -> #kind #rejection #cause")
    def "a failed manifest request is classified by status, auth scheme and whether credentials were sent"(
            int status, String scheme, boolean credentialed, CheckOutcome.Kind kind,
            CheckOutcome.Rejection rejection, Cause cause, String fragment) {
        when:
        CheckOutcome outcome = classify(TAGGED, status, scheme, credentialed)

        then:
        outcome.kind() == kind
        (outcome instanceof CheckOutcome.AuthRejected ? outcome.rejection() : null) == rejection
        (outcome instanceof CheckOutcome.Unknown ? outcome.cause() : null) == cause
        outcome.reason().contains(fragment)

        where:
        status | scheme   | credentialed || kind          | rejection       | cause                   | fragment
        404    | 'bearer' | true         || MISSING       | null            | null                    | "manifest unknown: acme/app has no tag '1.0' (or the repository does not exist)"
        404    | 'basic'  | false        || MISSING       | null            | null                    | "acme/app has no tag '1.0'"
        401    | 'basic'  | true         || AUTH_REJECTED | BAD_CREDENTIALS | null                    | "ghcr.io rejected the credentials of $BOB"
        401    | 'bearer' | true         || AUTH_REJECTED | DENIED          | null                    | "$BOB is not allowed to pull acme/app (or the repository does not exist)"
        401    | 'basic'  | false        || AUTH_REJECTED | DENIED          | null                    | 'anonymous pull is not allowed to pull acme/app (or the repository does not exist); credentials are required'
        401    | 'bearer' | false        || AUTH_REJECTED | DENIED          | null                    | 'anonymous pull is not allowed to pull acme/app (or the repository does not exist); credentials are required'
        403    | 'basic'  | true         || AUTH_REJECTED | DENIED          | null                    | "$BOB is not allowed to pull acme/app"
        403    | 'bearer' | true         || AUTH_REJECTED | DENIED          | null                    | "$BOB is not allowed to pull acme/app"
        403    | 'bearer' | false        || AUTH_REJECTED | DENIED          | null                    | 'anonymous pull is not allowed to pull acme/app (or the repository does not exist); credentials are required'
        429    | 'bearer' | true         || UNKNOWN       | null            | Cause.RATE_LIMITED      | 'rate limited by ghcr.io'
        429    | 'basic'  | false        || UNKNOWN       | null            | Cause.RATE_LIMITED      | 'rate limited by ghcr.io'
        500    | 'bearer' | true         || UNKNOWN       | null            | Cause.SERVER_ERROR      | 'ghcr.io answered 500 for the manifest'
        502    | 'bearer' | false        || UNKNOWN       | null            | Cause.SERVER_ERROR      | 'ghcr.io answered 502 for the manifest'
        503    | 'basic'  | true         || UNKNOWN       | null            | Cause.SERVER_ERROR      | 'ghcr.io answered 503 for the manifest'
        504    | 'bearer' | true         || UNKNOWN       | null            | Cause.SERVER_ERROR      | 'ghcr.io answered 504 for the manifest'
        400    | 'bearer' | true         || UNKNOWN       | null            | Cause.UNEXPECTED_STATUS | 'ghcr.io answered 400 for the manifest'
        405    | 'basic'  | false        || UNKNOWN       | null            | Cause.UNEXPECTED_STATUS | 'ghcr.io answered 405 for the manifest'
        418    | 'bearer' | false        || UNKNOWN       | null            | Cause.UNEXPECTED_STATUS | 'ghcr.io answered 418 for the manifest'
        302    | 'bearer' | true         || UNKNOWN       | null            | Cause.UNEXPECTED_STATUS | 'ghcr.io answered 302 for the manifest'
    }

    @Unroll("status #status -> #cause")
    def "a status that is no answer about the image is rate limited, a server error or unexpected, wherever it comes from"(
            int status, Cause cause) {
        expect:
        ResponseClassifier.causeOf(status) == cause

        where:
        status || cause
        429    || Cause.RATE_LIMITED
        500    || Cause.SERVER_ERROR
        502    || Cause.SERVER_ERROR
        503    || Cause.SERVER_ERROR
        599    || Cause.SERVER_ERROR
        400    || Cause.UNEXPECTED_STATUS
        404    || Cause.UNEXPECTED_STATUS
        405    || Cause.UNEXPECTED_STATUS
        302    || Cause.UNEXPECTED_STATUS
        200    || Cause.UNEXPECTED_STATUS
    }

    @Unroll("token server #status, credentials sent: #credentialed -> #rejection")
    def "a token server's 401 or 403 is bad credentials when credentials were sent and denied when not"(
            int status, boolean credentialed, CheckOutcome.Rejection rejection) {
        expect:
        ResponseClassifier.tokenRejection(status, credentialed) == rejection

        where:
        status | credentialed || rejection
        401    | true         || BAD_CREDENTIALS
        403    | true         || BAD_CREDENTIALS
        401    | false        || DENIED
        403    | false        || DENIED
        404    | true         || null
        429    | false        || null
        500    | true         || null
    }

    @Unroll("#status #scheme -> no 'credentials are required'")
    def "only an anonymous rejection says that credentials are required"(int status, String scheme) {
        expect:
        !classify(TAGGED, status, scheme, true).reason().contains('credentials are required')
        classify(TAGGED, status, scheme, false).reason().contains('credentials are required')

        where:
        status | scheme
        401    | 'basic'
        401    | 'bearer'
        403    | 'basic'
        403    | 'bearer'
    }

    @Unroll("#input -> #expected")
    def "a 404 names the digest when the reference has one, else the tag"(String input, String expected) {
        when:
        CheckOutcome outcome = classify(ImageReference.parse(input), 404, 'bearer', false)

        then:
        outcome.kind() == MISSING
        outcome.reason().contains(expected)

        where:
        input                                     || expected
        "ghcr.io/acme/app@$DIGEST"                || "acme/app has no manifest $DIGEST"
        "ghcr.io/acme/app:1.0@$DIGEST"            || "acme/app has no manifest $DIGEST"
        'ubuntu'                                  || "library/ubuntu has no tag 'latest'"
        'localhost:5000/team/app:v2'              || "team/app has no tag 'v2'"
    }

    def "a rate limit keeps the delay the registry asked for and says it in the reason"() {
        when:
        CheckOutcome.Unknown outcome = classify(TAGGED, 429, 'bearer', true, [], Duration.ofSeconds(30)) as CheckOutcome.Unknown

        then:
        outcome.retryAfter() == Duration.ofSeconds(30)
        outcome.reason() == 'rate limited by ghcr.io; retry after 30 s'
    }

    def "a rate limit without Retry-After has no delay and does not invent one"() {
        when:
        CheckOutcome.Unknown outcome = classify(TAGGED, 429, 'bearer', true) as CheckOutcome.Unknown

        then:
        outcome.retryAfter() == null
        outcome.reason() == 'rate limited by ghcr.io'
    }

    def "a server error keeps the Retry-After the registry sent with it"() {
        when:
        CheckOutcome.Unknown outcome = classify(TAGGED, 503, 'bearer', true, [], Duration.ofSeconds(7)) as CheckOutcome.Unknown

        then:
        outcome.cause() == Cause.SERVER_ERROR
        outcome.retryAfter() == Duration.ofSeconds(7)
    }

    @Unroll("#status #scheme credentialed=#credentialed -> reason ends with the codes")
    def "the registry's error codes are shown in the reason and kept on the outcome"(
            int status, String scheme, boolean credentialed) {
        given:
        List<RegistryError> errors = [new RegistryError('MANIFEST_UNKNOWN', 'manifest unknown'),
                                      new RegistryError('NAME_UNKNOWN', 'repository name not known to registry')]

        when:
        CheckOutcome outcome = classify(TAGGED, status, scheme, credentialed, errors)

        then:
        outcome.reason().endsWith(' [MANIFEST_UNKNOWN, NAME_UNKNOWN]')
        !outcome.reason().contains('repository name not known')
        outcome.errors() == errors

        where:
        status | scheme   | credentialed
        404    | 'bearer' | true
        401    | 'basic'  | true
        401    | 'bearer' | true
        401    | 'bearer' | false
        403    | 'basic'  | true
        500    | 'bearer' | true
        503    | 'bearer' | false
        418    | 'basic'  | false
    }

    def "a rate limit shows the registry's error codes in the reason like every other status"() {
        when:
        CheckOutcome outcome = classify(TAGGED, 429, 'bearer', false,
                [new RegistryError('TOOMANYREQUESTS', 'You have reached your pull rate limit.')], Duration.ofSeconds(60))

        then:
        outcome.reason().endsWith(' [TOOMANYREQUESTS]')
    }

    @Unroll("#status -> no brackets")
    def "a reason without registry errors has no empty brackets"(int status) {
        expect:
        !classify(TAGGED, status, 'bearer', true).reason().contains('[')

        where:
        status << [404, 401, 403, 429, 500, 418]
    }

    def "the exchange keeps an immutable copy of the errors"() {
        given:
        List<RegistryError> errors = [new RegistryError('DENIED', '')]
        ResponseClassifier.Exchange exchange = new ResponseClassifier.Exchange(403, false, true, BOB, errors, null)

        when:
        errors << new RegistryError('UNAUTHORIZED', '')

        then:
        exchange.errors() == [new RegistryError('DENIED', '')]

        when:
        exchange.errors().add(new RegistryError('X', ''))

        then:
        thrown(UnsupportedOperationException)
    }
}

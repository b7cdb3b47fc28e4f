package checkimage.policy

import checkimage.reference.ImageReference
import spock.lang.Specification
import spock.lang.Unroll

/**
 * The rules that need no registry: block before deny before allow; once an allow rule exists, what no allow
 * rule matches is not allowed; then the tag rules for references pulled by tag. Every message names the
 * deciding rule as written and where.
 */
class PolicyEvaluationSpec extends Specification {

    static final String SHA = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

    static final String ALLOW_RULES = "allow rules: 'docker.io/library/*' (policy.groovy, line 6), " +
            "'ghcr.io/acme/**' (policy.groovy, line 6), 'quay.io/coreos/**' (policy.groovy, line 6)"

    /** As if written: allow on line 6, deny on 7, block on 8, tags { forbid } on 9. */
    static final Policy POLICY = policy(
            [rule(Rule.Kind.ALLOW, 'docker.io/library/*', 6), rule(Rule.Kind.ALLOW, 'ghcr.io/acme/**', 6),
             rule(Rule.Kind.ALLOW, 'quay.io/coreos/**', 6),
             rule(Rule.Kind.DENY, 'docker.io/library/alpine:3.1*', 7), rule(Rule.Kind.DENY, 'quay.io/coreos/etcd', 7),
             rule(Rule.Kind.BLOCK, 'quay.io', 8)],
            new TagRules([ForbiddenTag.of('latest', 'policy.groovy, line 9'), ForbiddenTag.of('*-snapshot', 'policy.groovy, line 9')],
                    Optional.empty()))

    @Unroll("#reference -> #kind")
    def "block beats deny beats allow, what no allow rule matches is not allowed, and tag rules deny what is pulled by tag"(
            String reference, Verdict.Kind kind, String message) {
        when:
        Verdict verdict = POLICY.evaluate(ImageReference.parse(reference))

        then:
        verdict.kind() == kind
        verdict.allowed() == (kind == Verdict.Kind.ALLOWED)
        verdict.message() == message
        verdict.reference() == ImageReference.parse(reference)

        where:
        reference                          | kind                       | message
        'ubuntu:24.04'                     | Verdict.Kind.ALLOWED       | "allowed by allow 'docker.io/library/*' (policy.groovy, line 6)"
        'ghcr.io/acme/team/app:2.0'        | Verdict.Kind.ALLOWED       | "allowed by allow 'ghcr.io/acme/**' (policy.groovy, line 6)"
        'quay.io/coreos/etcd:v3.5'         | Verdict.Kind.BLOCKED       | "blocked by block 'quay.io' (policy.groovy, line 8)"
        'quay.io/coreos/flannel:v1'        | Verdict.Kind.BLOCKED       | "blocked by block 'quay.io' (policy.groovy, line 8)"
        'alpine:3.18'                      | Verdict.Kind.DENIED        | "denied by deny 'docker.io/library/alpine:3.1*' (policy.groovy, line 7)"
        'alpine:3.20'                      | Verdict.Kind.ALLOWED       | "allowed by allow 'docker.io/library/*' (policy.groovy, line 6)"
        'bitnami/redis:7'                  | Verdict.Kind.NOT_ALLOWED   | "not allowed: no allow rule matches ($ALLOW_RULES)"
        'bitnami/redis'                    | Verdict.Kind.NOT_ALLOWED   | "not allowed: no allow rule matches ($ALLOW_RULES)"
        'ghcr.io/acme'                     | Verdict.Kind.NOT_ALLOWED   | "not allowed: no allow rule matches ($ALLOW_RULES)"
        'ubuntu'                           | Verdict.Kind.TAG_FORBIDDEN | "tag 'latest' denied by forbid 'latest' (policy.groovy, line 9)"
        'ubuntu:latest'                    | Verdict.Kind.TAG_FORBIDDEN | "tag 'latest' denied by forbid 'latest' (policy.groovy, line 9)"
        'ghcr.io/acme/app:1.0-snapshot'    | Verdict.Kind.TAG_FORBIDDEN | "tag '1.0-snapshot' denied by forbid '*-snapshot' (policy.groovy, line 9)"
        'ubuntu@' + SHA                    | Verdict.Kind.ALLOWED       | "allowed by allow 'docker.io/library/*' (policy.groovy, line 6)"
        'ubuntu:latest@' + SHA             | Verdict.Kind.ALLOWED       | "allowed by allow 'docker.io/library/*' (policy.groovy, line 6)"
        'alpine@' + SHA                    | Verdict.Kind.ALLOWED       | "allowed by allow 'docker.io/library/*' (policy.groovy, line 6)"
    }

    def "the verdict carries the deciding rule itself"() {
        when:
        Verdict verdict = POLICY.evaluate(ImageReference.parse('quay.io/coreos/etcd:v3.5'))

        then:
        verdict.rule() == Optional.of(rule(Rule.Kind.BLOCK, 'quay.io', 8))
        verdict.rule().get().describe() == "block 'quay.io'"
        verdict.rule().get().origin() == 'policy.groovy, line 8'
    }

    def "not allowed names no single rule"() {
        expect:
        POLICY.evaluate(ImageReference.parse('bitnami/redis:7')).rule() == Optional.empty()
    }

    def "among rules of one kind the first written decides"() {
        given:
        Policy policy = policy([rule(Rule.Kind.DENY, 'ghcr.io/acme/*', 3), rule(Rule.Kind.DENY, 'ghcr.io/**', 4)], TagRules.none())

        expect:
        policy.evaluate(ImageReference.parse('ghcr.io/acme/app:1')).message() == "denied by deny 'ghcr.io/acme/*' (policy.groovy, line 3)"
        policy.evaluate(ImageReference.parse('ghcr.io/other/app:1')).message() == "denied by deny 'ghcr.io/**' (policy.groovy, line 4)"
    }

    @Unroll("without allow rules, #reference -> #kind")
    def "without allow rules, whatever is not blocked or denied is allowed"(String reference, Verdict.Kind kind, String message) {
        given:
        Policy policy = policy([rule(Rule.Kind.DENY, 'docker.io/library/alpine:3.1*', 2), rule(Rule.Kind.BLOCK, 'quay.io', 3)],
                TagRules.none())

        expect:
        policy.evaluate(ImageReference.parse(reference)).kind() == kind
        policy.evaluate(ImageReference.parse(reference)).message() == message

        where:
        reference              | kind                 | message
        'ghcr.io/anyone/app:1' | Verdict.Kind.ALLOWED | 'allowed: no rule applies'
        'ubuntu'               | Verdict.Kind.ALLOWED | 'allowed: no rule applies'
        'alpine:3.19'          | Verdict.Kind.DENIED  | "denied by deny 'docker.io/library/alpine:3.1*' (policy.groovy, line 2)"
        'quay.io/a/b'          | Verdict.Kind.BLOCKED | "blocked by block 'quay.io' (policy.groovy, line 3)"
    }

    def "the empty policy allows everything"() {
        expect:
        Policy.empty('policy.groovy').evaluate(ImageReference.parse('quay.io/anything:latest')).allowed()
    }

    @Unroll("requireDigest: #reference -> #kind")
    def "requireDigest denies a reference pulled by tag only"(String reference, Verdict.Kind kind, String message) {
        given:
        Policy policy = policy([], new TagRules([], Optional.of(new DigestRequirement('policy.groovy, line 10'))))

        expect:
        policy.evaluate(ImageReference.parse(reference)).kind() == kind
        policy.evaluate(ImageReference.parse(reference)).message() == message

        where:
        reference                 | kind                         | message
        'ubuntu:24.04'            | Verdict.Kind.DIGEST_REQUIRED | 'not pinned by digest: denied by requireDigest true (policy.groovy, line 10)'
        'ubuntu'                  | Verdict.Kind.DIGEST_REQUIRED | 'not pinned by digest: denied by requireDigest true (policy.groovy, line 10)'
        'ubuntu@' + SHA           | Verdict.Kind.ALLOWED         | 'allowed: no rule applies'
        'ubuntu:24.04@' + SHA     | Verdict.Kind.ALLOWED         | 'allowed: no rule applies'
    }

    def "a forbidden tag is reported before a missing digest"() {
        given:
        Policy policy = policy([], new TagRules([ForbiddenTag.of('latest', 'policy.groovy, line 9')],
                Optional.of(new DigestRequirement('policy.groovy, line 10'))))

        expect:
        policy.evaluate(ImageReference.parse('ubuntu')).kind() == Verdict.Kind.TAG_FORBIDDEN
        policy.evaluate(ImageReference.parse('ubuntu:24.04')).kind() == Verdict.Kind.DIGEST_REQUIRED
    }

    def "an evaluator built once judges many references"() {
        given:
        PolicyEvaluator evaluator = new PolicyEvaluator(POLICY)

        expect:
        ['ubuntu:24.04', 'alpine:3.18', 'quay.io/a/b'].collect { evaluator.evaluate(ImageReference.parse(it)).kind() } ==
                [Verdict.Kind.ALLOWED, Verdict.Kind.DENIED, Verdict.Kind.BLOCKED]
    }

    static Rule rule(Rule.Kind kind, String pattern, int line) {
        Rule.of(kind, pattern, "policy.groovy, line $line")
    }

    static Policy policy(List<Rule> rules, TagRules tags) {
        new Policy('policy.groovy', [], [], rules, tags, [], OnUnknown.PASS, Limits.none())
    }
}

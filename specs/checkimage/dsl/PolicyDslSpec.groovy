package checkimage.dsl

import checkimage.credentials.Credential
import checkimage.credentials.Secret
import checkimage.policy.CredentialSpec
import checkimage.policy.DigestRequirement
import checkimage.policy.ForbiddenTag
import checkimage.policy.HostPattern
import checkimage.policy.Limits
import checkimage.policy.OnUnknown
import checkimage.policy.Policy
import checkimage.policy.ProxySetting
import checkimage.policy.ClientCertFiles
import checkimage.policy.RegistryRule
import checkimage.policy.Rule
import checkimage.policy.TagRules
import checkimage.reference.ImageReference
import checkimage.reference.Platform
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/** Every keyword of the policy DSL, and the immutable record it builds. */
class PolicyDslSpec extends Specification {

    static final Map<String, String> ENV = [GHCR_USER: 'bob', GHCR_TOKEN: 's3cret', CI_USER: 'ci', CI_TOKEN: 't0ken']

    @TempDir
    Path dir

    PolicyLoader loader = new PolicyLoader()

    Policy load(String text) {
        loader.load(text, 'policy.groovy', ENV, dir)
    }

    static String at(int line) {
        "policy.groovy, line $line"
    }

    def "the issue's example builds exactly these records"() {
        given:
        Files.writeString(dir.resolve('corp-ca.pem'), 'example')

        when:
        Policy policy = load('''\
            registry('docker.io') { mirror 'https://mirror.corp.example:5000' }
            registry('registry.corp.example:5000') { plainHttp(); caFile 'corp-ca.pem' }
            registry('ghcr.io') { credentials { env 'GHCR_USER', 'GHCR_TOKEN' } }
            registry('*.dkr.ecr.*.amazonaws.com') { credentials { helper 'ecr-login' } }
            credentials { dockerConfig(); podmanAuth() }      // default chain for everyone else
            allow 'docker.io/library/*', 'ghcr.io/acme/**'
            deny  'docker.io/library/alpine:3.1*'
            block 'quay.io'
            tags { forbid 'latest'; requireDigest false }
            platforms 'linux/amd64'
            onUnknown 'fail'             // or 'pass', the default (best effort)
            limits { concurrency 16; perRegistry 4; timeout '10s'; retries 3 }
            '''.stripIndent())

        then:
        policy == new Policy('policy.groovy',
                [new RegistryRule(HostPattern.parse('docker.io'), [URI.create('https://mirror.corp.example:5000')], false, false, [], [], at(1)),
                 new RegistryRule(HostPattern.parse('registry.corp.example:5000'), [], true, false, [dir.resolve('corp-ca.pem')], [], at(2)),
                 new RegistryRule(HostPattern.parse('ghcr.io'), [], false, false, [], [new CredentialSpec.Env('GHCR_USER', 'GHCR_TOKEN',
                         new Credential.UsernamePassword('bob', Secret.of('s3cret'), 'policy env GHCR_USER (policy.groovy, line 3)'), at(3))], at(3)),
                 new RegistryRule(HostPattern.parse('*.dkr.ecr.*.amazonaws.com'), [], false, false, [], [new CredentialSpec.Helper('ecr-login', at(4))], at(4))],
                [new CredentialSpec.DockerConfig(at(5)), new CredentialSpec.PodmanAuth(at(5))],
                [Rule.of(Rule.Kind.ALLOW, 'docker.io/library/*', at(6)), Rule.of(Rule.Kind.ALLOW, 'ghcr.io/acme/**', at(6)),
                 Rule.of(Rule.Kind.DENY, 'docker.io/library/alpine:3.1*', at(7)), Rule.of(Rule.Kind.BLOCK, 'quay.io', at(8))],
                new TagRules([ForbiddenTag.of('latest', at(9))], Optional.empty()),
                [Platform.parse('linux/amd64')],
                OnUnknown.FAIL,
                new Limits(OptionalInt.of(16), OptionalInt.of(4), Optional.of(Duration.ofSeconds(10)), OptionalInt.of(3)))
    }

    def "an empty policy, or one of comments, is the empty policy"() {
        expect:
        load('') == Policy.empty('policy.groovy')
        load('// nothing yet\n') == Policy.empty('policy.groovy')
    }

    def "registry: mirrors in order, plainHttp, skipTlsVerify and CA files build one RegistryRule"() {
        given:
        Files.writeString(dir.resolve('a.pem'), 'a')
        Files.createDirectories(dir.resolve('certs'))
        Files.writeString(dir.resolve('certs/b.pem'), 'b')

        when:
        Policy policy = load('''\
            registry('Registry.Corp.Example:5000') {
                mirror 'https://m1.corp.example', 'http://m2.corp.example:5000/prefix'
                plainHttp()
                skipTlsVerify()
                caFile 'a.pem'
                caFile 'certs/b.pem'
            }
            '''.stripIndent())

        then:
        policy.registries() == [new RegistryRule(HostPattern.parse('registry.corp.example:5000'),
                [URI.create('https://m1.corp.example'), URI.create('http://m2.corp.example:5000/prefix')], true, true,
                [dir.resolve('a.pem'), dir.resolve('certs/b.pem')], [], at(1))]
        policy.registryFor('registry.corp.example:5000').get().plainHttp()
    }

    def "proxy and noProxy() build proxy settings with their line, at the top level and per registry"() {
        when:
        Policy policy = load('''\
            proxy 'http://carol:pw@proxy.corp.example:3128'
            registry('ghcr.io') { noProxy() }
            registry('quay.io') { proxy 'http://other.corp.example:8080' }
            registry('docker.io') { plainHttp() }
            '''.stripIndent())

        then:
        policy.proxy() == Optional.of(new ProxySetting(Optional.of(URI.create('http://carol:pw@proxy.corp.example:3128')), at(1)))
        policy.registries()*.proxy() == [Optional.of(ProxySetting.direct(at(2))),
                Optional.of(new ProxySetting(Optional.of(URI.create('http://other.corp.example:8080')), at(3))), Optional.empty()]
        !policy.proxy().get().toString().contains('pw')
    }

    def "clientCert keeps the certificate and the key, resolved against the policy's directory"() {
        given:
        Files.writeString(dir.resolve('client.pem'), 'c')
        Files.writeString(dir.resolve('client.key'), 'k')

        expect:
        load("registry('r.example') { clientCert 'client.pem', 'client.key' }").registries()[0].clientCert() ==
                Optional.of(new ClientCertFiles(dir.resolve('client.pem'), dir.resolve('client.key'), at(1)))
    }

    @Unroll("limits { rate '#text' } is #perSecond requests a second")
    def "a registry's limits block sets its request pace"(String text, double perSecond) {
        when:
        RegistryRule rule = load("registry('r.example') {\n  limits { rate '${text}' }\n}").registries()[0]

        then:
        rule.rate().get().perSecond() == perSecond
        rule.rate().get().text() == text
        load("registry('r.example') { plainHttp() }").registries()[0].rate().empty

        where:
        text      | perSecond
        '10/s'    | 10d
        '0.5/s'   | 0.5d
        '300/m'   | 5d
        '7200/h'  | 2d
    }

    def "a CA file given with an absolute path is kept as it is"() {
        given:
        Path pem = Files.writeString(dir.resolve('abs.pem'), 'x')

        expect:
        load("registry('r.example') { caFile '$pem' }").registries()[0].caFiles() == [pem]
    }

    def "each block runs on a fresh delegate: settings of one registry do not leak into the next"() {
        when:
        Policy policy = load('''\
            registry('a.example') { plainHttp(); credentials { dockerConfig() } }
            registry('b.example') { skipTlsVerify() }
            '''.stripIndent())

        then:
        policy.registries()*.plainHttp() == [true, false]
        policy.registries()*.skipTlsVerify() == [false, true]
        policy.registries()*.credentials() == [[new CredentialSpec.DockerConfig(at(1))], []]
    }

    def "env reads both variables at load time into a username and a Secret, naming the variable and the line"() {
        when:
        Policy policy = load('''\
            registry('ghcr.io') {
                credentials {
                    env 'GHCR_USER', 'GHCR_TOKEN'
                }
            }
            '''.stripIndent())
        CredentialSpec.Env env = policy.registries()[0].credentials()[0] as CredentialSpec.Env

        then:
        env.userVariable() == 'GHCR_USER'
        env.secretVariable() == 'GHCR_TOKEN'
        env.credential().username() == 'bob'
        env.credential().password() == Secret.of('s3cret')
        env.credential().source() == 'policy env GHCR_USER (policy.groovy, line 3)'
        env.origin() == at(3)

        and: 'the secret never shows'
        !policy.toString().contains('s3cret')
    }

    def "credential sources form a chain in the order written, each with its line"() {
        given:
        Files.writeString(dir.resolve('auth.json'), '{}')

        when:
        Policy policy = load('''\
            credentials {
                helper 'ecr-login'
                env 'CI_USER', 'CI_TOKEN'
                authFile 'auth.json'
                dockerConfig()
                podmanAuth()
            }
            '''.stripIndent())

        then:
        policy.credentials()*.kind() == [CredentialSpec.Kind.HELPER, CredentialSpec.Kind.ENV, CredentialSpec.Kind.AUTH_FILE,
                                         CredentialSpec.Kind.DOCKER_CONFIG, CredentialSpec.Kind.PODMAN_AUTH]
        policy.credentials()[0] == new CredentialSpec.Helper('ecr-login', at(2))
        policy.credentials()[2] == new CredentialSpec.AuthFile(dir.resolve('auth.json'), at(4))
        policy.credentials()[3] == new CredentialSpec.DockerConfig(at(5))
        policy.credentials()[4] == new CredentialSpec.PodmanAuth(at(6))
        policy.credentialsFor('quay.io') == policy.credentials()
    }

    def "allow, deny and block build rules in file order; patterns of one call share its line"() {
        when:
        Policy policy = load('''\
            allow 'ubuntu', 'ghcr.io/acme/**'
            deny 'docker.io/library/alpine:3.1*'
            block 'quay.io', 'gcr.io'
            allow 'bitnami/*'
            '''.stripIndent())

        then:
        policy.rules() == [Rule.of(Rule.Kind.ALLOW, 'ubuntu', at(1)), Rule.of(Rule.Kind.ALLOW, 'ghcr.io/acme/**', at(1)),
                           Rule.of(Rule.Kind.DENY, 'docker.io/library/alpine:3.1*', at(2)),
                           Rule.of(Rule.Kind.BLOCK, 'quay.io', at(3)), Rule.of(Rule.Kind.BLOCK, 'gcr.io', at(3)),
                           Rule.of(Rule.Kind.ALLOW, 'bitnami/*', at(4))]
        policy.rules()[0].glob().normalized() == 'docker.io/library/ubuntu'
        policy.evaluate(ImageReference.parse('bitnami/redis:7')).message() == "allowed by allow 'bitnami/*' (policy.groovy, line 4)"
    }

    @Unroll("#source -> #expected")
    def "tags: forbid builds forbidden tags, requireDigest true a digest requirement"(String source, TagRules expected) {
        expect:
        load(source).tags() == expected

        where:
        source                                                       | expected
        "tags { forbid 'latest' }"                                   | new TagRules([ForbiddenTag.of('latest', at(1))], Optional.empty())
        "tags { forbid 'latest', '*-snapshot' }"                     | new TagRules([ForbiddenTag.of('latest', at(1)), ForbiddenTag.of('*-snapshot', at(1))], Optional.empty())
        "tags { requireDigest true }"                                | new TagRules([], Optional.of(new DigestRequirement(at(1))))
        "tags { requireDigest false }"                               | TagRules.none()
        "tags {\n  forbid 'latest'\n  requireDigest true\n}"         | new TagRules([ForbiddenTag.of('latest', at(2))], Optional.of(new DigestRequirement(at(3))))
        ""                                                           | TagRules.none()
    }

    @Unroll("#source -> #expected")
    def "platforms are parsed in order, once each"(String source, List<String> expected) {
        expect:
        load(source).platforms() == expected.collect { Platform.parse(it) }

        where:
        source                                                          | expected
        "platforms 'linux/amd64'"                                       | ['linux/amd64']
        "platforms 'linux/amd64', 'linux/arm64/v8'"                     | ['linux/amd64', 'linux/arm64/v8']
        "platforms 'linux/amd64'\nplatforms 'linux/arm64', 'linux/amd64'" | ['linux/amd64', 'linux/arm64']
        ""                                                              | []
    }

    @Unroll("#source -> #expected")
    def "onUnknown is pass unless the policy says fail"(String source, OnUnknown expected) {
        expect:
        load(source).onUnknown() == expected

        where:
        source             | expected
        ""                 | OnUnknown.PASS
        "onUnknown 'pass'" | OnUnknown.PASS
        "onUnknown 'fail'" | OnUnknown.FAIL
    }

    @Unroll("#source -> #expected")
    def "limits set what is given and leave the rest to the command line"(String source, Limits expected) {
        expect:
        load(source).limits() == expected

        where:
        source                                   | expected
        "limits { concurrency 16 }"              | new Limits(OptionalInt.of(16), OptionalInt.empty(), Optional.empty(), OptionalInt.empty())
        "limits { perRegistry 2 }"               | new Limits(OptionalInt.empty(), OptionalInt.of(2), Optional.empty(), OptionalInt.empty())
        "limits { timeout '500ms' }"             | new Limits(OptionalInt.empty(), OptionalInt.empty(), Optional.of(Duration.ofMillis(500)), OptionalInt.empty())
        "limits { timeout '2m' }"                | new Limits(OptionalInt.empty(), OptionalInt.empty(), Optional.of(Duration.ofMinutes(2)), OptionalInt.empty())
        "limits { timeout '1h' }"                | new Limits(OptionalInt.empty(), OptionalInt.empty(), Optional.of(Duration.ofHours(1)), OptionalInt.empty())
        "limits { timeout '1.5m' }"              | new Limits(OptionalInt.empty(), OptionalInt.empty(), Optional.of(Duration.ofSeconds(90)), OptionalInt.empty())
        "limits { timeout '30' }"                | new Limits(OptionalInt.empty(), OptionalInt.empty(), Optional.of(Duration.ofSeconds(30)), OptionalInt.empty())
        "limits { timeout '10S' }"               | new Limits(OptionalInt.empty(), OptionalInt.empty(), Optional.of(Duration.ofSeconds(10)), OptionalInt.empty())
        "limits { retries 0 }"                   | new Limits(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.of(0))
        ""                                       | Limits.none()
    }

    @Unroll("#delegate.simpleName has keywords #keywords")
    def "the keywords of each block are its delegate's @Keyword methods"(Class<?> delegate, List<String> keywords) {
        expect:
        BlockDelegate.keywordsOf(delegate).keySet().toList() == keywords

        where:
        delegate            | keywords
        TopLevelDelegate    | ['allow', 'block', 'credentials', 'deny', 'deprecated', 'image', 'limits', 'match', 'noProxy', 'onUnknown', 'platforms', 'proxy', 'registry', 'tags', 'waive', 'warn']
        ImageDelegate       | ['baseImage', 'forbidRootUser', 'label', 'maxAge', 'maxSize', 'requireLabel']
        MatchDelegate       | ['image', 'tags']
        WarnDelegate        | ['image', 'match', 'tags']
        RegistryDelegate    | ['caFile', 'clientCert', 'credentials', 'limits', 'mirror', 'noProxy', 'plainHttp', 'proxy', 'skipTlsVerify']
        CredentialsDelegate | ['authFile', 'dockerConfig', 'env', 'helper', 'podmanAuth']
        TagsDelegate        | ['forbid', 'requireDigest']
        LimitsDelegate      | ['concurrency', 'perRegistry', 'retries', 'timeout']
        RegistryLimitsDelegate | ['rate']
    }

    def "a policy file loads with its file name, and relative paths resolve against its directory"() {
        given:
        Path policies = Files.createDirectories(dir.resolve('policies'))
        Files.writeString(policies.resolve('ca.pem'), 'x')
        Path file = Files.writeString(policies.resolve('team.groovy'), "registry('r.example') { caFile 'ca.pem' }\nallow 'r.example'\n")

        when:
        Policy policy = loader.load(file, ENV)

        then:
        policy.source() == 'team.groovy'
        policy.registries()[0].caFiles() == [policies.resolve('ca.pem')]
        policy.rules()[0].origin() == 'team.groovy, line 2'
    }

    def "Policies loads a file and parses text, for JShell"() {
        given:
        Path file = Files.writeString(dir.resolve('p.groovy'), "allow 'ghcr.io/acme/**'\n")

        expect:
        Policies.load(file).rules() == [Rule.of(Rule.Kind.ALLOW, 'ghcr.io/acme/**', 'p.groovy, line 1')]
        Policies.load(file.toString()).source() == 'p.groovy'
        Policies.parse("block 'quay.io'").evaluate(ImageReference.parse('quay.io/a/b')).message() ==
                "blocked by block 'quay.io' (policy.groovy, line 1)"
    }

    def "loading the same text twice gives equal policies: nothing is kept between loads"() {
        given:
        String text = "allow 'ubuntu'\ntags { forbid 'latest' }\nregistry('ghcr.io') { plainHttp() }\n"

        expect:
        load(text) == load(text)
    }
}

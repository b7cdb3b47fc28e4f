package checkimage.dsl

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/**
 * Every problem in a policy is a PolicyException whose message reads like Job DSL's: the file, the line and
 * what is wrong, never a stack trace. Unknown keywords name the block and what it offers; wrong values name
 * what the keyword expects; constructs outside the DSL are refused when the policy compiles.
 */
class PolicyDslErrorsSpec extends Specification {

    static final String TOP = 'allow, block, credentials, deny, deprecated, image, limits, match, noProxy, onUnknown, platforms, proxy, registry, tags, waive, warn'
    static final String IMAGE = 'baseImage, forbidRootUser, label, maxAge, maxSize, requireLabel'
    static final String REGISTRY = 'caFile, clientCert, credentials, limits, mirror, noProxy, plainHttp, proxy, skipTlsVerify'
    static final String CREDENTIALS = 'authFile, dockerConfig, env, helper, podmanAuth'
    static final String PATTERNS = "reference patterns like 'docker.io/library/*'"

    @Shared
    @TempDir
    Path dir

    PolicyLoader loader = new PolicyLoader()

    def setupSpec() {
        Files.writeString(dir.resolve('corp-ca.pem'), 'example')
    }

    @Unroll("#expected")
    def "a problem is reported with file, line and exactly what is wrong"(String source, String expected) {
        when:
        loader.load(source, 'policy.groovy', [GHCR_USER: 'bob', EMPTY_TOKEN: ''], dir)

        then:
        PolicyException e = thrown()
        e.message == expected
        e.file() == 'policy.groovy'
        "(${e.file()}, line ${e.line()}) ${e.problem()}" == expected

        where:
        source                                                                   | expected
        // unknown keywords, in the block they are written in
        "allow 'ubuntu'\nalow 'ghcr.io/acme/**'"                                  | "(policy.groovy, line 2) unknown keyword 'alow'; expected one of: $TOP"
        "registry('ghcr.io') {\n    mirror 'https://m.example'\n    alow 'x'\n}" | "(policy.groovy, line 3) unknown keyword 'alow' in registry 'ghcr.io'; expected one of: $REGISTRY"
        "registry('ghcr.io') {\n  credentials {\n    envv 'A', 'B'\n  }\n}"      | "(policy.groovy, line 3) unknown keyword 'envv' in credentials of registry 'ghcr.io'; expected one of: $CREDENTIALS"
        "credentials { docker() }"                                                | "(policy.groovy, line 1) unknown keyword 'docker' in credentials; expected one of: $CREDENTIALS"
        "tags { forbidd 'latest' }"                                               | "(policy.groovy, line 1) unknown keyword 'forbidd' in tags; expected one of: forbid, requireDigest"
        "limits { concurrent 4 }"                                                 | "(policy.groovy, line 1) unknown keyword 'concurrent' in limits; expected one of: concurrency, perRegistry, retries, timeout"
        "registry('ghcr.io') { allow 'x' }"                                       | "(policy.groovy, line 1) unknown keyword 'allow' in registry 'ghcr.io'; expected one of: $REGISTRY"
        "mirror 'https://m.example'"                                              | "(policy.groovy, line 1) unknown keyword 'mirror'; expected one of: $TOP"
        "println 'hello'"                                                         | "(policy.groovy, line 1) unknown keyword 'println'; expected one of: $TOP"
        "evaluate 'System.exit(1)'"                                               | "(policy.groovy, line 1) unknown keyword 'evaluate'; expected one of: $TOP"
        "tags { println 'hello' }"                                                | "(policy.groovy, line 1) unknown keyword 'println' in tags; expected one of: forbid, requireDigest"
        "registry('r.example') {\n  insecure\n}"                                  | "(policy.groovy, line 2) unknown keyword 'insecure' in registry 'r.example'; expected one of: $REGISTRY"
        "registry('r.example') { plainHttp }"                                     | '(policy.groovy, line 1) plainHttp is written plainHttp(), with parentheses'
        // wrong values
        "allow"                                                                   | "(policy.groovy, line 1) allow expects $PATTERNS, got nothing"
        "allow 'ubuntu', 42"                                                      | "(policy.groovy, line 1) allow expects $PATTERNS, got 'ubuntu', 42"
        "deny { }"                                                                | "(policy.groovy, line 1) deny expects $PATTERNS, got a block"
        "platforms 42"                                                            | "(policy.groovy, line 1) platforms expects strings like 'linux/amd64', got 42"
        "platforms 'linux'"                                                       | "(policy.groovy, line 1) invalid platform 'linux': expected OS/ARCH or OS/ARCH/VARIANT, e.g. linux/amd64"
        "onUnknown 'maybe'"                                                       | "(policy.groovy, line 1) unknown value 'maybe' for onUnknown; expected one of: fail, pass"
        "onUnknown true"                                                          | "(policy.groovy, line 1) onUnknown expects 'fail' or 'pass', got true"
        "registry 'ghcr.io'"                                                      | "(policy.groovy, line 1) registry expects a host and a block, like registry('ghcr.io') { ... }, got 'ghcr.io'"
        "registry('https://ghcr.io') { plainHttp() }"                             | "(policy.groovy, line 1) invalid host 'https://ghcr.io' in registry: a registry host has no scheme; write 'ghcr.io', not 'https://ghcr.io'"
        "registry('r.example') { plainHttp(true) }"                               | '(policy.groovy, line 1) plainHttp expects no arguments, got true'
        "registry('docker.io') { mirror 'mirror.corp.example' }"                  | "(policy.groovy, line 1) mirror expects URLs like 'https://mirror.example.com', got 'mirror.corp.example'"
        "registry('docker.io') { mirror 'https://bob:hunter2@m.example' }"       | '(policy.groovy, line 1) a mirror URL cannot carry credentials; give them in a credentials block'
        "credentials { helper 'ecr login' }"                                      | "(policy.groovy, line 1) helper expects a credential helper name like 'ecr-login', got 'ecr login'"
        "credentials { env 'GHCR_USER' }"                                         | "(policy.groovy, line 1) env expects two environment variable names, like env 'GHCR_USER', 'GHCR_TOKEN', got 'GHCR_USER'"
        "credentials { env 'GHCR-USER', 'TOKEN' }"                                | "(policy.groovy, line 1) env expects two environment variable names, like env 'GHCR_USER', 'GHCR_TOKEN', got 'GHCR-USER', 'TOKEN'"
        "credentials { }"                                                         | "(policy.groovy, line 1) credentials needs at least one source; expected one of: $CREDENTIALS"
        "tags { requireDigest 'yes' }"                                            | "(policy.groovy, line 1) requireDigest expects true or false, got 'yes'"
        "limits { concurrency 0 }"                                                | '(policy.groovy, line 1) concurrency expects a whole number of at least 1, got 0'
        "limits { perRegistry 2.5 }"                                              | '(policy.groovy, line 1) perRegistry expects a whole number of at least 1, got 2.5'
        "limits { retries(-1) }"                                                  | '(policy.groovy, line 1) retries expects a whole number, 0 or more, got -1'
        "limits { timeout '10x' }"                                                | "(policy.groovy, line 1) timeout '10x' is not a duration; use a number and a unit: 500ms, 10s, 1.5m, 2h, or plain seconds like 30"
        "limits { timeout '1m30s' }"                                              | "(policy.groovy, line 1) timeout '1m30s' is not a duration; use a number and a unit: 500ms, 10s, 1.5m, 2h, or plain seconds like 30"
        "limits { timeout '0s' }"                                                 | "(policy.groovy, line 1) timeout '0s' is not a positive duration; use a number and a unit: 500ms, 10s, 1.5m, 2h, or plain seconds like 30"
        "limits { timeout '2d' }"                                                 | "(policy.groovy, line 1) timeout '2d' is not a duration; use a number and a unit: 500ms, 10s, 1.5m, 2h, or plain seconds like 30"
        "limits { timeout '25h' }"                                                | "(policy.groovy, line 1) timeout '25h' is longer than the 24h limit"
        "limits { timeout 10 }"                                                   | "(policy.groovy, line 1) timeout expects a duration like '500ms', '10s', '1.5m', '2h' or '30' (seconds), got 10"
        "registry('r.example') { limits { rate '10' } }"                           | "(policy.groovy, line 1) rate expects a rate like '10/s', '300/m' or '1000/h', got '10'"
        "registry('r.example') { limits { rate '0/s' } }"                          | "(policy.groovy, line 1) rate expects a rate like '10/s', '300/m' or '1000/h', got '0/s'"
        "registry('r.example') { limits { rate '10/d' } }"                         | "(policy.groovy, line 1) rate expects a rate like '10/s', '300/m' or '1000/h', got '10/d'"
        "registry('r.example') { limits { rate 10 } }"                             | "(policy.groovy, line 1) rate expects a rate like '10/s', '300/m' or '1000/h', got 10"
        "registry('r.example') {\n  limits { concurrency 2 }\n}"                  | "(policy.groovy, line 2) unknown keyword 'concurrency' in limits of registry 'r.example'; expected one of: rate"
        "registry('r.example') {\n  limits { rate '1/s' }\n  limits { rate '2/s' }\n}" | '(policy.groovy, line 3) limits is given twice (first at line 2)'
        "limits { rate '10/s' }"                                                  | "(policy.groovy, line 1) unknown keyword 'rate' in limits; expected one of: concurrency, perRegistry, retries, timeout"
        // bad globs
        "allow '***'"                                                             | "(policy.groovy, line 1) invalid pattern '***' in allow: '**' must be a whole path component, between slashes"
        "deny ''"                                                                 | "(policy.groovy, line 1) invalid pattern '' in deny: a pattern cannot be empty"
        "block 'docker.io/Library/ubuntu'"                                        | "(policy.groovy, line 1) invalid pattern 'docker.io/Library/ubuntu' in block: uppercase letters are not allowed in a repository path"
        "tags { forbid 'a/b' }"                                                   | "(policy.groovy, line 1) invalid tag 'a/b' in forbid: character '/' is not allowed in a tag; tags have letters, digits, '_', '.' and '-'"
        // image, match, warn, waive, deprecated
        "image { maxAgee '180d' }"                                                | "(policy.groovy, line 1) unknown keyword 'maxAgee' in image; expected one of: $IMAGE"
        "match('ghcr.io/acme/**') {\n  image {\n    owner 'x'\n  }\n}"            | "(policy.groovy, line 3) unknown keyword 'owner' in image of match 'ghcr.io/acme/**'; expected one of: $IMAGE"
        "match('ghcr.io/acme/**') { allow 'x' }"                                  | "(policy.groovy, line 1) unknown keyword 'allow' in match 'ghcr.io/acme/**'; expected one of: image, tags"
        "warn {\n  deny 'x'\n}"                                                   | "(policy.groovy, line 2) unknown keyword 'deny' in warn; expected one of: image, match, tags"
        "image { maxAge '180 days' }"                                             | "(policy.groovy, line 1) invalid age '180 days'; expected a whole number and a unit without a space, like '12h', '180d' or '26w' (units: h, d, w)"
        "image { maxAge '0d' }"                                                   | "(policy.groovy, line 1) invalid age '0d'; expected a whole number and a unit without a space, like '12h', '180d' or '26w' (units: h, d, w)"
        "image { maxAge 180 }"                                                    | "(policy.groovy, line 1) maxAge expects an age like '180d', '26w' or '12h', got 180"
        "image { maxSize '2 GB' }"                                                | "(policy.groovy, line 1) invalid size '2 GB'; expected a whole number and a unit without a space, like '500MiB', '2GiB' or '1GB' (units: B, kB, MB, GB, TB, KiB, MiB, GiB, TiB)"
        "image { maxSize '2gib' }"                                                | "(policy.groovy, line 1) invalid size '2gib'; expected a whole number and a unit without a space, like '500MiB', '2GiB' or '1GB' (units: B, kB, MB, GB, TB, KiB, MiB, GiB, TiB)"
        "image { requireLabel() }"                                                | "(policy.groovy, line 1) requireLabel expects label keys like 'org.opencontainers.image.source', got nothing"
        "image { label 'org.opencontainers.image.vendor' }"                       | "(policy.groovy, line 1) label expects a label key and a value pattern, like label 'org.opencontainers.image.vendor', 'ACME*', got 'org.opencontainers.image.vendor'"
        "image { forbidRootUser }"                                                | '(policy.groovy, line 1) forbidRootUser is written forbidRootUser(), with parentheses'
        "image { forbidRootUser(true) }"                                          | '(policy.groovy, line 1) forbidRootUser expects no arguments, got true'
        "image { baseImage 'Docker.io/Library/*' }"                               | "(policy.groovy, line 1) invalid pattern 'Docker.io/Library/*' in baseImage: uppercase letters are not allowed in a repository path"
        "image {\n  maxAge '30d'\n  maxAge '60d'\n}"                               | '(policy.groovy, line 3) maxAge is given twice (first at line 2)'
        "match { image { maxAge '30d' } }"                                        | "(policy.groovy, line 1) match expects reference patterns and a block, like match('ghcr.io/acme/**') { ... }, got a block"
        "match('ghcr.io/acme/**')"                                                | "(policy.groovy, line 1) match expects reference patterns and a block, like match('ghcr.io/acme/**') { ... }, got 'ghcr.io/acme/**'"
        "match('ghcr.io/Acme/**') { tags { requireDigest true } }"                | "(policy.groovy, line 1) invalid pattern 'ghcr.io/Acme/**' in match: uppercase letters are not allowed in a repository path"
        "waive 'legacy/*', reason: 'OPS-1'"                                       | "(policy.groovy, line 1) waive 'legacy/*' needs until: 'YYYY-MM-DD'; every waiver is dated and explained, like waive 'legacy/*', until: '2027-03-31', reason: 'OPS-1234'"
        "waive 'legacy/*', until: '2027-03-31'"                                   | "(policy.groovy, line 1) waive 'legacy/*' needs reason: '...'; every waiver is dated and explained, like waive 'legacy/*', until: '2027-03-31', reason: 'OPS-1234'"
        "waive 'legacy/*'"                                                        | "(policy.groovy, line 1) waive 'legacy/*' needs until: 'YYYY-MM-DD'; every waiver is dated and explained, like waive 'legacy/*', until: '2027-03-31', reason: 'OPS-1234'"
        "waive 'legacy/*', until: '2027-13-01', reason: 'OPS-1'"                  | "(policy.groovy, line 1) invalid date '2027-13-01' in waive 'legacy/*'; expected a calendar date written YYYY-MM-DD, like '2027-03-31'"
        "waive 'legacy/*', until: '2027-02-30', reason: 'OPS-1'"                  | "(policy.groovy, line 1) invalid date '2027-02-30' in waive 'legacy/*'; expected a calendar date written YYYY-MM-DD, like '2027-03-31'"
        "waive 'legacy/*', untill: '2027-03-31', reason: 'OPS-1'"                 | "(policy.groovy, line 1) unknown argument 'untill:' in waive; expected until, reason"
        "deprecated 'k8s.gcr.io'"                                                 | "(policy.groovy, line 1) deprecated 'k8s.gcr.io' needs use: '...', the replacement to name"
        "deprecated 'k8s.gcr.io', instead: 'registry.k8s.io'"                     | "(policy.groovy, line 1) unknown argument 'instead:' in deprecated; expected use"
        "allow 'x', a: 'b'"                                                       | "(policy.groovy, line 1) allow expects $PATTERNS, got {a=b}, 'x'"
        "allow(x: [a: 'b'])"                                                      | '(policy.groovy, line 1) maps are not allowed'
        // given twice
        "registry('ghcr.io') { plainHttp() }\nregistry('GHCR.io') { skipTlsVerify() }"  | "(policy.groovy, line 2) registry 'GHCR.io' is given twice (first at line 1)"
        "registry('docker.io') { plainHttp() }\n\nregistry('index.docker.io') { plainHttp() }" | "(policy.groovy, line 3) registry 'index.docker.io' is given twice (first at line 1)"
        "onUnknown 'fail'\nonUnknown 'pass'"                                      | '(policy.groovy, line 2) onUnknown is given twice (first at line 1)'
        "limits {\n  concurrency 4\n  concurrency 8\n}"                           | '(policy.groovy, line 3) concurrency is given twice (first at line 2)'
        "tags { forbid 'latest' }\ntags { requireDigest true }"                   | '(policy.groovy, line 2) tags is given twice (first at line 1)'
        // the environment and files, at load time
        "registry('ghcr.io') {\n  credentials { env 'GHCR_USER', 'GHCR_TOKEN' }\n}" | '(policy.groovy, line 2) environment variable GHCR_TOKEN is not set'
        "credentials { env 'GHCR_USER', 'EMPTY_TOKEN' }"                          | '(policy.groovy, line 1) environment variable EMPTY_TOKEN is empty'
        "registry('r.example') {\n  caFile 'missing.pem'\n}"                     | "(policy.groovy, line 2) caFile 'missing.pem' not found (looked for ${dir.resolve('missing.pem')})"
        "credentials { authFile 'auth.json' }"                                    | "(policy.groovy, line 1) authFile 'auth.json' not found (looked for ${dir.resolve('auth.json')})"
        "registry('r.example') {\n  clientCert 'missing.pem', 'corp-ca.pem'\n}"   | "(policy.groovy, line 2) clientCert 'missing.pem' not found (looked for ${dir.resolve('missing.pem')})"
        "registry('r.example') { clientCert 'corp-ca.pem' }"                       | "(policy.groovy, line 1) clientCert expects a certificate and a key file, like clientCert 'client.pem', 'client.key', got 'corp-ca.pem'"
        // proxies: only http://, never showing credentials
        "proxy 'socks5://p.example:1080'"                                         | "(policy.groovy, line 1) proxy expects a URL like 'http://proxy.corp:3128' (only http:// proxies), got 'socks5://p.example:1080'"
        "registry('r.example') {\n  proxy 'http://u:s3cret@p.example:3128/x'\n}" | "(policy.groovy, line 2) proxy expects a URL like 'http://proxy.corp:3128' (only http:// proxies), got 'http://***@p.example:3128/x'"
        "proxy 'http://p.example:3128'\nnoProxy()"                               | '(policy.groovy, line 2) proxy and noProxy() cannot both be given'
        "registry('r.example') {\n  noProxy()\n  proxy 'http://p.example:1'\n}" | '(policy.groovy, line 3) proxy and noProxy() cannot both be given'
        "proxy 'http://p.example:1'\nproxy 'http://q.example:2'"                 | '(policy.groovy, line 2) proxy is given twice (first at line 1)'
        "proxy 42"                                                                | "(policy.groovy, line 1) proxy expects a URL like 'http://proxy.corp:3128', got 42"
        // Groovy syntax errors
        "allow 'ubuntu'\nallow ("                                                 | "(policy.groovy, line 2) syntax error: Unexpected input: 'allow ('"
        "allow 'ubuntu\n"                                                         | "(policy.groovy, line 1) syntax error: Unexpected character: '\\''"
        // the grammar: a policy reads as data
        "import java.io.File\nallow 'ubuntu'"                                     | '(policy.groovy, line 1) imports are not allowed'
        "allow 'ubuntu'\nimport static java.lang.System.exit"                     | '(policy.groovy, line 2) imports are not allowed'
        "@Grab('org.example:evil:1.0')\nimport org.example.Evil"                  | '(policy.groovy, line 1) imports are not allowed'
        "package evil\nallow 'ubuntu'"                                            | '(policy.groovy, line 1) package declarations are not allowed'
        "allow 'ubuntu'\nclass Evil {}"                                           | '(policy.groovy, line 2) class definitions are not allowed'
        "def hosts() { 'ghcr.io' }"                                               | '(policy.groovy, line 1) method definitions are not allowed'
        "def host = 'ghcr.io'"                                                    | '(policy.groovy, line 1) variable declarations are not allowed'
        "host = 'ghcr.io'"                                                        | '(policy.groovy, line 1) assignments are not allowed'
        'allow "ghcr.io/${1}/**"'                                                 | '(policy.groovy, line 1) string interpolation is not allowed'
        "'rm -rf /'.execute()"                                                    | '(policy.groovy, line 1) calls on values or classes are not allowed'
        "System.exit(1)"                                                          | '(policy.groovy, line 1) calls on values or classes are not allowed'
        "this.allow 'ubuntu'"                                                     | '(policy.groovy, line 1) calls on values or classes are not allowed'
        "allow System.getenv().HOME"                                              | '(policy.groovy, line 1) property access is not allowed'
        "new File('/etc/passwd')"                                                 | '(policy.groovy, line 1) creating objects is not allowed'
        "if (true) {\n  allow 'ubuntu'\n}"                                        | '(policy.groovy, line 1) if statements are not allowed'
        "for (i in 1..2) { allow 'ubuntu' }"                                      | '(policy.groovy, line 1) loops are not allowed'
        "platforms(['linux/amd64'])"                                              | '(policy.groovy, line 1) lists are not allowed'
        "allow 'docker.io/' + 'ubuntu'"                                           | '(policy.groovy, line 1) operators are not allowed'
        "limits { concurrency -1 }"                                               | '(policy.groovy, line 1) operators are not allowed'
        "registry('ghcr.io') { r -> plainHttp() }"                                | '(policy.groovy, line 1) block parameters are not allowed'
    }

    def "an unreadable policy file is named, without a line"() {
        when:
        loader.load(dir.resolve('nope.groovy'), [:])

        then:
        PolicyException e = thrown()
        e.message == '(nope.groovy) cannot read file: no such file'
        e.line() == 0
    }

    def "the message never carries a stack trace, and the exception no Groovy cause"() {
        when:
        loader.load("allow 'ubuntu'\nplatforms 42", 'policy.groovy', [:], dir)

        then:
        PolicyException e = thrown()
        !e.message.contains('\n')
        e.cause == null
    }

    def "a secret from the environment never shows in a message"() {
        when:
        loader.load("credentials { env 'GHCR_USER', 'GHCR_TOKEN' }\nplatforms 42", 'policy.groovy',
                [GHCR_USER: 'bob', GHCR_TOKEN: 'hunter2'], dir)

        then:
        PolicyException e = thrown()
        !e.message.contains('hunter2')
    }
}

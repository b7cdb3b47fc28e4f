package checkimage.auth

import spock.lang.Specification
import spock.lang.Subject
import spock.lang.Unroll

class ChallengeParserSpec extends Specification {

    @Subject
    ChallengeParser parser = new ChallengeParser()

    @Unroll("#header -> #expected")
    def "a WWW-Authenticate value parses into its challenges, in order"(String header, List<Challenge> expected) {
        expect:
        parser.parse(header) == expected

        where:
        header                                                                  || expected
        // real registries
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/ubuntu:pull"' ||
                [challenge('Bearer', realm: 'https://auth.docker.io/token', service: 'registry.docker.io',
                        scope: 'repository:library/ubuntu:pull')]
        'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:octo/app:pull"' ||
                [challenge('Bearer', realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:octo/app:pull')]
        'Bearer realm="https://quay.io/v2/auth",service="quay.io"' ||
                [challenge('Bearer', realm: 'https://quay.io/v2/auth', service: 'quay.io')]
        'Basic realm="https://123456789012.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com"' ||
                [challenge('Basic', realm: 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com/', service: 'ecr.amazonaws.com')]
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push",error="insufficient_scope"' ||
                [challenge('Bearer', realm: 'https://auth.docker.io/token', service: 'registry.docker.io',
                        scope: 'repository:samalba/my-app:pull,push', error: 'insufficient_scope')]
        'Bearer realm="example", error="invalid_token", error_description="The access token expired"' ||
                [challenge('Bearer', realm: 'example', error: 'invalid_token', error_description: 'The access token expired')]
        'Basic realm="Registry Realm"'                                          || [challenge('Basic', realm: 'Registry Realm')]
        // several challenges in one value
        'Basic realm="a", Bearer realm="b",service="c"'                         || [challenge('Basic', realm: 'a'), challenge('Bearer', realm: 'b', service: 'c')]
        'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"' ||
                [challenge('Newauth', realm: 'apps', type: '1', title: 'Login to "apps"'), challenge('Basic', realm: 'simple')]
        'Negotiate, NTLM, Basic realm="r"'                                      || [challenge('Negotiate'), challenge('NTLM'), challenge('Basic', realm: 'r')]
        // case
        'BEARER Realm="https://a/token", SERVICE="reg"'                         || [challenge('BEARER', realm: 'https://a/token', service: 'reg')]
        // quoted strings
        'Bearer realm="a\\"b\\\\c"'                                             || [challenge('Bearer', realm: 'a"b\\c')]
        'Bearer realm="x\\yz"'                                                  || [challenge('Bearer', realm: 'xyz')]
        'Bearer realm="a,b, Basic c=d", service="s"'                            || [challenge('Bearer', realm: 'a,b, Basic c=d', service: 's')]
        'Bearer realm=""'                                                       || [challenge('Bearer', realm: '')]
        'Basic realm="Z\u00fcrich\tHQ"'                                         || [challenge('Basic', realm: 'Z\u00fcrich\tHQ')]
        // token68 and bare schemes
        'Negotiate abc=='                                                       || [token68('Negotiate', 'abc==')]
        'NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAGAbEdAAAADw=='          || [token68('NTLM', 'TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAGAbEdAAAADw==')]
        'Custom a/b+c~d.e-f_g'                                                  || [token68('Custom', 'a/b+c~d.e-f_g')]
        'Negotiate abc== , Bearer realm="r"'                                    || [token68('Negotiate', 'abc=='), challenge('Bearer', realm: 'r')]
        'Negotiate'                                                             || [challenge('Negotiate')]
        // list syntax and whitespace
        ''                                                                      || []
        '  \t '                                                                 || []
        ', ,Bearer realm="r",, ,service="s" ,'                                  || [challenge('Bearer', realm: 'r', service: 's')]
        'Bearer realm = "r" ,\tservice= s'                                      || [challenge('Bearer', realm: 'r', service: 's')]
        'Bearer\trealm="r"'                                                     || [challenge('Bearer', realm: 'r')]
        'Bearer realm=r, service=registry.example.com'                          || [challenge('Bearer', realm: 'r', service: 'registry.example.com')]
        'Basic realm="a", Bearer = x'                                           || [challenge('Basic', realm: 'a', bearer: 'x')]
        // duplicates: the challenge is dropped, the rest kept
        'Bearer realm="a", realm="b"'                                           || []
        'Bearer realm="a", REALM="b", Basic realm="c"'                          || [challenge('Basic', realm: 'c')]
        // damage: challenges completed before it are kept, the damaged one is dropped
        '=,=,'                                                                  || []
        'Bearer realm="https://auth'                                            || []
        'Basic realm="a", Bearer realm="b'                                      || [challenge('Basic', realm: 'a')]
        'Basic realm="a", Bearer realm="b", service='                            || [challenge('Basic', realm: 'a')]
        'Bearer realm="a" service="b"'                                          || []
        'Bearer realm=https://auth.example.com/token'                           || []
        'Bearer"x"'                                                             || []
        'Bearer realm="a\nb"'                                                   || []
        'Bearer realm="a\\'                                                     || []
        'Negotiate abc def'                                                     || []
        'Basic realm="a", @@@, Bearer realm="b"'                                || [challenge('Basic', realm: 'a')]
    }

    @Unroll("#headers -> #expected")
    def "several WWW-Authenticate values parse into one list, in order"(List<String> headers, List<Challenge> expected) {
        expect:
        parser.parse(headers) == expected

        where:
        headers                                                || expected
        []                                                     || []
        ['Basic realm="a"', 'Bearer realm="b",service="c"']    || [challenge('Basic', realm: 'a'), challenge('Bearer', realm: 'b', service: 'c')]
        ['Bearer realm="b"', 'Negotiate abc==, Basic']         || [challenge('Bearer', realm: 'b'), token68('Negotiate', 'abc=='), challenge('Basic')]
        ['Bearer realm="broken', 'Basic realm="a"']            || [challenge('Basic', realm: 'a')]
        ['', '  , ', 'Basic realm="a"']                        || [challenge('Basic', realm: 'a')]
    }

    def "a header value longer than 16 KiB is ignored, not truncated"() {
        given:
        String prefix = 'Bearer realm="https://auth.example.com/token",service="'
        String fits = prefix + 'x' * (ChallengeParser.MAX_INPUT_LENGTH - prefix.length() - 1) + '"'
        String tooLong = prefix + 'x' * (ChallengeParser.MAX_INPUT_LENGTH - prefix.length()) + '"'

        expect:
        fits.length() == 16 * 1024
        parser.parse(fits).size() == 1
        parser.parse(tooLong).isEmpty()
    }

    def "several header values share the 16 KiB budget; the first that does not fit ends the input"() {
        given:
        String big = 'Basic realm="' + 'x' * (ChallengeParser.MAX_INPUT_LENGTH - 20) + '"'

        expect:
        parser.parse(['Bearer realm="r"', big]) == [challenge('Bearer', realm: 'r')]
        parser.parse([big, 'Bearer realm="r"']).size() == 1
        parser.parse([big, big, 'Bearer realm="r"']).size() == 1
    }

    @Unroll("parse(#description) throws NullPointerException")
    def "only null arguments throw"(String description, Closure<?> call) {
        when:
        call(parser)

        then:
        thrown(NullPointerException)

        where:
        description           | call
        'null value'          | { ChallengeParser p -> p.parse((String) null) }
        'null list'           | { ChallengeParser p -> p.parse((List<String>) null) }
        'list with a null'    | { ChallengeParser p -> p.parse(['Basic', null]) }
    }

    def "random and mangled input never throws, and every challenge found prints as a header that parses back"() {
        given:
        String real = 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",' +
                'scope="repository:library/ubuntu:pull", Negotiate abc==, Basic realm="a\\"b"'
        String alphabet = 'aBz09=,"\\ \t/+~.-_!#\n\u00e9\u0000'
        Random random = new Random(7235)

        when:
        List<Throwable> unexpected = []
        List<Challenge> unstable = []
        int found = 0
        5_000.times { int i ->
            StringBuilder input = new StringBuilder(i % 2 == 0 ? real : '')
            (1 + random.nextInt(i % 2 == 0 ? 4 : 40)).times {
                int at = random.nextInt(input.length() + 1)
                String c = alphabet[random.nextInt(alphabet.length())]
                if (i % 2 == 0 && random.nextBoolean() && at < input.length()) {
                    input.deleteCharAt(at)
                } else {
                    input.insert(at, c)
                }
            }
            try {
                parser.parse(input.toString()).each { Challenge challenge ->
                    found++
                    if (challenge.token68() == null && parser.parse(challenge.toString()) != [challenge]) {
                        unstable << challenge
                    }
                }
            } catch (Throwable t) {
                unexpected << t
            }
        }

        then:
        unexpected.isEmpty()
        unstable.isEmpty()
        found > 1_000
    }

    private static Challenge challenge(String scheme) {
        return Challenge.of(scheme, [:])
    }

    private static Challenge challenge(Map<String, String> parameters, String scheme) {
        return Challenge.of(scheme, parameters)
    }

    private static Challenge token68(String scheme, String token68) {
        return new Challenge(scheme, [:], token68)
    }
}

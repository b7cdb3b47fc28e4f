package checkimage.report

import spock.lang.PendingFeature
import spock.lang.Specification
import spock.lang.Unroll

/** The last line of defence: credential-shaped text is masked, everything else passes untouched. */
class RedactorSpec extends Specification {

    static final String JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl'
    static final String SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

    @Unroll("#input -> #expected")
    def "credential-shaped text is masked"(String input, String expected) {
        expect:
        Redactor.redact(input) == expected
        Redactor.redact(expected) == expected

        where:
        input                                                           || expected
        "Authorization: Bearer $JWT"                                    || 'Authorization: Bearer ***'
        'Authorization: Basic dXNlcjpwYXNz'                             || 'Authorization: Basic ***'
        'authorization: bearer abcdefgh12345678'                        || 'authorization: bearer ***'
        'sent BASIC Ym9iOmh1bnRlcjI= to the registry'                   || 'sent BASIC *** to the registry'
        'proxy http://carol:pw-1@proxy.corp:3128 refused'                || 'proxy http://***@proxy.corp:3128 refused'
        'HTTPS_PROXY=http://carol@proxy.corp:3128'                       || 'HTTPS_PROXY=http://***@proxy.corp:3128'
        'mirror https://mirror.corp.example:5000/v2/ and a@b.example'   || 'mirror https://mirror.corp.example:5000/v2/ and a@b.example'
        "token $JWT was rejected"                                       || 'token *** was rejected'
        'eyJhbGciOiJub25lIn0.eyJzdWIiOiJib2IifQ.'                       || '***'
        "error: $JWT"                                                   || 'error: ***'
        'password=hunter2'                                              || 'password=***'
        'PASSWORD=hunter2'                                              || 'PASSWORD=***'
        'account=bob&password=hunter2&scope=repository:a:pull'          || 'account=bob&password=***&scope=repository:a:pull'
        'secret=s3cr3t, retrying'                                       || 'secret=***, retrying'
        'auth=Zm9vOmJhcg=='                                             || 'auth=***'
        '{"token":"abc.def-ghi"}'                                       || '{"token":"***"}'
        '{"access_token": "abc", "expires_in": 300}'                    || '{"access_token": "***", "expires_in": 300}'
        '{"refresh_token":"r1","token":"t1"}'                           || '{"refresh_token":"***","token":"***"}'
        '{"identitytoken":"xyz"}'                                       || '{"identitytoken":"***"}'
        '{"auths":{"ghcr.io":{"auth":"Ym9iOmh1bnRlcjI="}}}'             || '{"auths":{"ghcr.io":{"auth":"***"}}}'
    }

    @Unroll("#input -> unchanged")
    def "innocent text, digests and words like 'token server' pass unchanged"(String input) {
        expect:
        Redactor.redact(input) == input

        where:
        input << [
                "docker.io/library/ubuntu@sha256:$SHA256".toString(),
                "sha256:$SHA256".toString(),
                'sha512:' + SHA256 * 2,
                "accessible sha256:$SHA256 (application/vnd.oci.image.index.v1+json, platforms linux/amd64)".toString(),
                'could not reach the token server at auth.docker.io',
                'token request to https://auth.example.com/token failed: 401',
                'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/ubuntu:pull"',
                'Basic realm="Registry Realm"',
                'Bearer token required',
                'basic auth is disabled',
                "manifest unknown: library/ubuntu has no tag 'latest' [MANIFEST_UNKNOWN]",
                'rate limited by registry-1.docker.io; retry after 30 s',
                "user 'bob' (docker config auths) is not allowed to pull acme/app",
                'no password given',
                "job.yaml: prerequisites[0].auth.password: unknown secret key 'registry.pasword'",
                'the secret garden',
                'GET https://ghcr.io/v2/acme/app/manifests/1.0 -> 401 (HTTP/2)',
                'ghcr.io/acme/app:1.0',
                'localhost:5000/team/app:v2',
                'invalid reference: Not/A:Ref',
                '',
        ]
    }

    def "null stays null"() {
        expect:
        Redactor.redact(null) == null
    }

    @Unroll("#input -> unchanged")
    def "an image reference whose name ends in a credential word keeps its tag"(String input) {
        expect:
        Redactor.redact(input) == input

        where:
        input << [
                'thomseddon/traefik-forward-auth:2',
                'ghcr.io/acme/secret:1.0',
                'registry.example.com/vault/token:v2',
                'not checked (offline); normalized to docker.io/acme/password:latest',
        ]
    }

    @Unroll("#input -> #expected")
    def "a credential value is masked whole, however it is quoted"(String input, String expected) {
        expect:
        Redactor.redact(input) == expected

        where:
        input                                            || expected
        "{'token': 'abc123'}"                            || "{'token': '***'}"
        '{"password":"correct horse battery staple"}'    || '{"password":"***"}'
        '{"password":"abc,def"}'                         || '{"password":"***"}'
        'client_id=app&client_secret=abc123'             || 'client_id=app&client_secret=***'
    }
}

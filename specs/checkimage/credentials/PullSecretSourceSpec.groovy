package checkimage.credentials

import checkimage.input.InputException
import checkimage.input.PullSecretReader
import spock.lang.Specification
import spock.lang.Unroll

import java.nio.file.Path

import static checkimage.credentials.CredentialFixtures.*

/**
 * Kubernetes image pull secrets: read from YAML or JSON manifests by {@link PullSecretReader}, matched as the
 * kubelet's credential keyring matches them (pkg/credentialprovider/keyring.go, URLsMatch).
 */
class PullSecretSourceSpec extends Specification {

    Path dir = tempDir('pull-secrets')
    PullSecretReader reader = new PullSecretReader()

    /** A dockerconfigjson secret whose entries use their key as username. */
    private static PullSecret secret(List<String> keys, String file = 'secret.yaml') {
        String config = json([auths: keys.collectEntries { [(it): [username: it, password: 'pw']] }])
        new PullSecret(file, 'regcred', PullSecret.Format.DOCKER_CONFIG_JSON, config)
    }

    private static String userOf(Credential credential) {
        credential instanceof Credential.UsernamePassword ? credential.username() : null
    }

    static String yamlSecret(String name, Map auths, String type = 'kubernetes.io/dockerconfigjson') {
        String key = type.endsWith('dockercfg') ? '.dockercfg' : '.dockerconfigjson'
        String config = type.endsWith('dockercfg') ? json(auths) : json([auths: auths])
        """\
        apiVersion: v1
        kind: Secret
        metadata:
          name: ${name}
          namespace: default
        type: ${type}
        data:
          ${key}: ${b64(config)}
        """.stripIndent()
    }

    @Unroll("key '#key' matches #registry/#repository: #matches")
    def "keys match images as the kubelet matches them"(String key, String registry, String repository, boolean matches) {
        given:
        PullSecretSource source = new PullSecretSource([secret([key])])

        expect:
        (userOf(source.lookup(registry, repository)) == key) == matches

        where:
        key                            | registry              | repository        || matches
        'registry.example.com'         | 'registry.example.com'| 'team/app'        || true
        'https://registry.example.com' | 'registry.example.com'| 'team/app'        || true
        'http://registry.example.com/' | 'registry.example.com'| 'team/app'        || true
        'REGISTRY.example.com'         | 'registry.example.com'| 'team/app'        || true
        '*.example.com'                | 'a.example.com'       | 'team/app'        || true
        '*.example.com'                | 'example.com'         | 'team/app'        || false
        '*.example.com'                | 'a.b.example.com'     | 'team/app'        || false
        '*.*.example.com'              | 'a.b.example.com'     | 'team/app'        || true
        'a*.example.com'               | 'abc.example.com'     | 'team/app'        || true
        'a*.example.com'               | 'xbc.example.com'     | 'team/app'        || false
        'reg?.example.com'             | 'reg1.example.com'    | 'team/app'        || true
        '*.example.com'                | 'a.example.org'       | 'team/app'        || false
        'registry.example.com:5000'    | 'registry.example.com:5000' | 'team/app'  || true
        'registry.example.com:5000'    | 'registry.example.com'| 'team/app'        || false
        'registry.example.com'         | 'registry.example.com:5000' | 'team/app'  || false
        'registry.example.com:5000'    | 'registry.example.com:5001' | 'team/app'  || false
        '*.example.com:5000'           | 'a.example.com:5000'  | 'team/app'        || true
        'localhost:5000'               | 'localhost:5000'      | 'app'             || true
        'registry.example.com/team'    | 'registry.example.com'| 'team/app'        || true
        'registry.example.com/team/'   | 'registry.example.com'| 'team/app'        || true
        'registry.example.com/team'    | 'registry.example.com'| 'team'            || true
        'registry.example.com/team'    | 'registry.example.com'| 'other/app'       || false
        'registry.example.com/team'    | 'registry.example.com'| 'teamx/app'       || false
        'registry.example.com/team/app'| 'registry.example.com'| 'team/app'        || true
        'registry.example.com/team/app'| 'registry.example.com'| 'team'            || false
        'https://registry.example.com/v2/team' | 'registry.example.com' | 'team/app' || true
        'https://registry.example.com/v1/' | 'registry.example.com' | 'team/app'  || true
        'https://index.docker.io/v1/'  | 'docker.io'           | 'library/ubuntu'  || true
        'index.docker.io'              | 'docker.io'           | 'library/ubuntu'  || true
        'docker.io'                    | 'docker.io'           | 'library/ubuntu'  || true
        'docker.io/library'            | 'docker.io'           | 'library/ubuntu'  || true
        'docker.io/library'            | 'docker.io'           | 'acme/app'        || false
        '*.docker.io'                  | 'docker.io'           | 'library/ubuntu'  || false
        '[::1]:5000'                   | '[::1]:5000'          | 'app'             || true
    }

    @Unroll("keys #keys, #registry/#repository -> #expected")
    def "the most specific key wins, in the kubelet's order"(List<String> keys, String registry, String repository,
            String expected) {
        given:
        PullSecretSource source = new PullSecretSource([secret(keys)])

        expect:
        userOf(source.lookup(registry, repository)) == expected

        where:
        keys                                               | registry        | repository  || expected
        ['quay.io', 'quay.io/coreos']                      | 'quay.io'       | 'coreos/etcd'  || 'quay.io/coreos'
        ['quay.io/coreos', 'quay.io']                      | 'quay.io'       | 'coreos/etcd'  || 'quay.io/coreos'
        ['quay.io', 'quay.io/coreos']                      | 'quay.io'       | 'other/etcd'   || 'quay.io'
        ['quay.io/coreos', 'quay.io/coreos/etcd']          | 'quay.io'       | 'coreos/etcd'  || 'quay.io/coreos/etcd'
        ['*.example.com', 'a.example.com']                 | 'a.example.com' | 'x'            || 'a.example.com'
        ['a.example.com', '*.example.com']                 | 'b.example.com' | 'x'            || '*.example.com'
        ['*.example.com', 'a.example.com:5000']            | 'a.example.com' | 'x'            || '*.example.com'
        ['https://quay.io/v1/', 'quay.io/coreos']          | 'quay.io'       | 'coreos/etcd'  || 'quay.io/coreos'
    }

    def "for the same key, the secret given first wins"() {
        given:
        PullSecret first = new PullSecret('first.yaml', 'a', PullSecret.Format.DOCKER_CONFIG_JSON,
                json([auths: ['quay.io': authEntry('first', 'pw')]]))
        PullSecret second = new PullSecret('second.yaml', 'b', PullSecret.Format.DOCKER_CONFIG_JSON,
                json([auths: ['quay.io': authEntry('second', 'pw')]]))

        expect:
        new PullSecretSource([first, second]).lookup('quay.io', 'x').source() == 'pull secret first.yaml (quay.io)'
        new PullSecretSource([second, first]).lookup('quay.io', 'x').source() == 'pull secret second.yaml (quay.io)'
    }

    def "an entry without a credential passes on to the next matching key"() {
        given:
        PullSecret secret = new PullSecret('s.yaml', 'a', PullSecret.Format.DOCKER_CONFIG_JSON,
                json([auths: ['quay.io/team': [email: 'x@example.com'], 'quay.io': authEntry('registry-wide', 'pw')]]))

        expect:
        userOf(new PullSecretSource([secret]).lookup('quay.io', 'team/app')) == 'registry-wide'
    }

    def "an identitytoken, which the kubelet ignores, is ignored"() {
        given:
        PullSecret secret = new PullSecret('s.yaml', 'a', PullSecret.Format.DOCKER_CONFIG_JSON,
                json([auths: ['quay.io': [identitytoken: 'refresh']]]))

        expect:
        new PullSecretSource([secret]).lookup('quay.io', 'x') instanceof Credential.Anonymous
    }

    def "a dockerconfigjson secret in YAML: auth with a colon in the password, provenance with the key as written"() {
        given:
        Path file = write(dir, 'regcred.yaml', yamlSecret('regcred', ['https://registry.example.com/v1/': authEntry('bot', 'pa:ss')]))

        when:
        List<PullSecret> secrets = reader.read(file)
        Credential.UsernamePassword found = new PullSecretSource(secrets).lookup('registry.example.com', 'team/app') as Credential.UsernamePassword

        then:
        secrets*.name == ['regcred']
        found.username() == 'bot'
        found.password().revealForHeader() == 'pa:ss'
        found.source() == "pull secret ${file} (https://registry.example.com/v1/)".toString()
    }

    def "a dockercfg secret holds the legacy auths-only map"() {
        given:
        Path file = write(dir, 'legacy.yaml', yamlSecret('legacy', ['quay.io': authEntry('old', 'pw')], 'kubernetes.io/dockercfg'))

        expect:
        userOf(new PullSecretSource(reader.read(file)).lookup('quay.io', 'x')) == 'old'
    }

    def "a JSON secret, as kubectl get secret -o json prints it, is read too"() {
        given:
        String config = json([auths: ['ghcr.io': authEntry('json-bot', 'pw')]])
        Path file = write(dir, 'regcred.json', """\
            {
                "apiVersion": "v1",
                "data": {
                    ".dockerconfigjson": "${b64(config)}"
                },
                "kind": "Secret",
                "metadata": {"name": "regcred", "namespace": "default"},
                "type": "kubernetes.io/dockerconfigjson"
            }
            """.stripIndent())

        expect:
        userOf(new PullSecretSource(reader.read(file)).lookup('ghcr.io', 'acme/app')) == 'json-bot'
    }

    def "stringData holds the config as plain text and wins over data"() {
        given:
        String plain = json([auths: ['ghcr.io': authEntry('from-string-data', 'pw')]])
        Path file = write(dir, 'string.yaml', """\
            kind: Secret
            type: kubernetes.io/dockerconfigjson
            metadata: {name: s}
            data:
              .dockerconfigjson: ${b64(json([auths: ['ghcr.io': authEntry('from-data', 'pw')]]))}
            stringData:
              .dockerconfigjson: '${plain}'
            """.stripIndent())

        expect:
        userOf(new PullSecretSource(reader.read(file)).lookup('ghcr.io', 'x')) == 'from-string-data'
    }

    def "a List and a multi-document file give all their pull secrets, skipping other types and kinds"() {
        given:
        String list = """\
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Secret
              metadata: {name: token}
              type: kubernetes.io/service-account-token
              data: {token: ${b64('not-a-registry')}}
            - apiVersion: v1
              kind: Secret
              metadata: {name: quay}
              type: kubernetes.io/dockerconfigjson
              data: {.dockerconfigjson: ${b64(json([auths: ['quay.io': authEntry('quay-bot', 'pw')]]))}}
            """.stripIndent()
        Path file = write(dir, 'many.yaml', list + '---\n' + yamlSecret('ghcr', ['ghcr.io': authEntry('ghcr-bot', 'pw')])
                + '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: b}\n')

        when:
        List<PullSecret> secrets = reader.read(file)
        PullSecretSource source = new PullSecretSource(secrets)

        then:
        secrets*.name == ['quay', 'ghcr']
        userOf(source.lookup('quay.io', 'x')) == 'quay-bot'
        userOf(source.lookup('ghcr.io', 'x')) == 'ghcr-bot'
    }

    @Unroll("#content -> #problem")
    def "a malformed pull secret file is an InputException naming the file and key"(String content, String problem) {
        given:
        Path file = write(dir, 'bad.yaml', content)

        when:
        reader.read(file)

        then:
        InputException e = thrown()
        e.message == "${file}: ${problem}".toString()

        where:
        content                                                                       || problem
        'kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata: {}\n'              || 'a secret of type kubernetes.io/dockerconfigjson needs data[".dockerconfigjson"]'
        'kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata: {.dockerconfigjson: "%%%"}\n' || 'data[".dockerconfigjson"]: not valid base64'
        'kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata: {.dockerconfigjson: [a]}\n'   || 'data[".dockerconfigjson"]: expected a string, got a list'
        'kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata: [a]\n'             || 'data: expected a map, got a list'
        'kind: Secret\ntype: Opaque\ndata: {a: b}\n'                                  || "no image pull secret found (expected a Secret of type kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg); skipped: secret '' of type Opaque"
        'kind: List\nitems: {a: b}\n'                                                 || 'items: expected a list, got a map'
        '- a\n- b\n'                                                                  || 'expected a map, got a list'
        ''                                                                            || 'no image pull secret found (expected a Secret of type kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg)'
        'kind: Secret\ndata: {a: "unterminated\n'                                     || 'malformed YAML at line 3, column 1: found unexpected end of stream (while scanning a quoted scalar)'
    }

    def "a document of a multi-document file is named in its errors"() {
        given:
        Path file = write(dir, 'two.yaml', yamlSecret('ok', ['a.io': authEntry('u', 'p')]) + '---\nkind: Secret\ntype: kubernetes.io/dockercfg\n')

        when:
        reader.read(file)

        then:
        InputException e = thrown()
        e.message == "${file} (document 2): a secret of type kubernetes.io/dockercfg needs data[\".dockercfg\"]".toString()
    }

    def "a pull secret file that does not exist is an error naming it"() {
        given:
        Path missing = dir.resolve('missing.yaml')

        when:
        reader.read(missing)

        then:
        InputException e = thrown()
        e.message == "${missing}: cannot read file: no such file".toString()
    }

    @Unroll("config #config -> #problem")
    def "a malformed config inside a secret is a CredentialException naming the file, the secret and the key"(
            PullSecret.Format format, String config, String problem) {
        when:
        new PullSecretSource([new PullSecret('s.yaml', 'regcred', format, config)])

        then:
        CredentialException e = thrown()
        e.message == "pull secret s.yaml (secret regcred): data[\"${format.dataKey()}\"]: ${problem}".toString()

        where:
        format                                  | config                                   || problem
        PullSecret.Format.DOCKER_CONFIG_JSON    | '{"auths": '                             || 'malformed JSON at line 1, column 11 (Unexpected end-of-input within/between Object entries)'
        PullSecret.Format.DOCKER_CONFIG_JSON    | '{"auths": []}'                          || 'auths: expected an object, got an array'
        PullSecret.Format.DOCKER_CONFIG_JSON    | '{"auths": {"q.io": {"auth": "!!"}}}'    || 'auths["q.io"].auth: not valid base64'
        PullSecret.Format.DOCKERCFG             | '{"q.io": {"auth": "!!"}}'               || '["q.io"].auth: not valid base64'
        PullSecret.Format.DOCKERCFG             | '[]'                                     || 'expected a JSON object at the top level, got an array'
    }

    def "a pull secret prints its file, name and type but never its config"() {
        expect:
        secret(['quay.io']).toString() == 'PullSecret[file=secret.yaml, name=regcred, type=kubernetes.io/dockerconfigjson, config=***]'
    }
}

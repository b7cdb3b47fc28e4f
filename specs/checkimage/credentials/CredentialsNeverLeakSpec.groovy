package checkimage.credentials

import checkimage.input.PullSecretReader
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import java.nio.file.Path

import static checkimage.credentials.CredentialFixtures.*

/**
 * Sends distinctive secret values through every credential source and every error path, and checks that none
 * of them (nor the base64 forms that carry them in files) appears in an exception's message, toString or stack
 * trace, in a credential's toString or provenance, or in a source's toString. Usernames and registry keys are
 * identifiers and may be shown.
 */
class CredentialsNeverLeakSpec extends Specification {

    static final String DOCKER_AUTH = 'S3CR3T-DOCKER-AUTH-5a1f'
    static final String DOCKER_FIELD = 'S3CR3T-DOCKER-FIELD-9c2e'
    static final String ID_TOKEN = 'S3CR3T-IDTOKEN-3b7d'
    static final String PODMAN = 'S3CR3T-PODMAN-6e4a'
    static final String AUTHFILE = 'S3CR3T-AUTHFILE-2f8c'
    static final String PULL = 'S3CR3T-PULL-7d3b'
    static final String STRING_DATA = 'S3CR3T-STRINGDATA-1c9e'
    static final String HELPER = 'S3CR3T-HELPER-4a6f'
    static final String ENV = 'S3CR3T-ENV-0b5d'

    static final List<String> SECRETS = [DOCKER_AUTH, DOCKER_FIELD, ID_TOKEN, PODMAN, AUTHFILE, PULL, STRING_DATA, HELPER, ENV]

    /** The secrets and the base64 forms they take in files: alone and as {@code bot:secret}. */
    @Shared
    List<String> forbidden = SECRETS + SECRETS.collect { b64(it) } + SECRETS.collect { b64("bot:${it}") } +
            SECRETS.collect { b64(json([auths: ['ghcr.io': authEntry('bot', it)]])) }

    Path home = tempDir('leak-home')
    Path bin = tempDir('leak-bin')

    private void assertNoSecretIn(Object shown) {
        String text = String.valueOf(shown)
        forbidden.each { String secret -> assert !text.contains(secret) }
    }

    private void assertNoSecretIn(Throwable thrown) {
        assert thrown != null
        for (Throwable t = thrown; t != null; t = t.cause) {
            assertNoSecretIn(t.message)
            assertNoSecretIn(t.toString())
            StringWriter trace = new StringWriter()
            t.printStackTrace(new PrintWriter(trace))
            assertNoSecretIn(trace)
        }
    }

    private void assertShowsNoSecret(Credential credential) {
        assertNoSecretIn(credential.toString())
        assertNoSecretIn(credential.source())
        if (credential instanceof Credential.UsernamePassword) {
            assertNoSecretIn(credential.password())
        }
        if (credential instanceof Credential.IdentityToken) {
            assertNoSecretIn(credential.token())
        }
    }

    def "credentials found in every source show no secret, and neither do the sources and the chain"() {
        given: 'every source holds a secret'
        write(home, '.docker/config.json', json([
                auths      : ['ghcr.io': authEntry('bot', DOCKER_AUTH), 'quay.io': [username: 'bot', password: DOCKER_FIELD],
                              'x.azurecr.io': [auth: b64('bot:'), identitytoken: ID_TOKEN]],
                credHelpers: ['helper.example.com': 'fake']]))
        write(home, '.config/containers/auth.json', json([auths: ['podman.example.com/team': authEntry('bot', PODMAN)]]))
        Path authFile = write(home, 'authfile.json', json([auths: ['authfile.example.com': authEntry('bot', AUTHFILE)]]))
        answeringHelper(bin, 'fake', 'bot', HELPER)
        Path pullFile = write(home, 'pull.yaml', PullSecretSourceSpec.yamlSecret('regcred', ['pull.example.com': authEntry('bot', PULL)]) +
                "---\nkind: Secret\ntype: kubernetes.io/dockercfg\nstringData:\n  .dockercfg: '${json(['sd.example.com': [username: 'bot', password: STRING_DATA]])}'\n")
        List<PullSecret> secrets = new PullSecretReader().read(pullFile)
        Environment env = environment(home, [PATH: bin.toString(), REGISTRY_PASSWORD: ENV])

        when:
        CredentialChain defaults = CredentialChains.standard(CredentialSource.anonymous(), Optional.empty(), secrets, env, CredentialHelpers.onPath(env))
        CredentialChain withAuthFile = CredentialChains.standard(CredentialSource.anonymous(), Optional.of(authFile), [], env, CredentialHelpers.onPath(env))
        List<Credential> found = [
                defaults.lookup('ghcr.io', 'a'), defaults.lookup('quay.io', 'a'), defaults.lookup('x.azurecr.io', 'a'),
                defaults.lookup('helper.example.com', 'a'), defaults.lookup('podman.example.com', 'team/app'),
                defaults.lookup('pull.example.com', 'a'), defaults.lookup('sd.example.com', 'a'),
                withAuthFile.lookup('authfile.example.com', 'a')]

        then: 'each was found, and none shows its secret'
        found.every { !(it instanceof Credential.Anonymous) }
        found.each { assertShowsNoSecret(it) }
        [defaults, withAuthFile, env, secrets, CredentialHelpers.onPath(env)].each { assertNoSecretIn(it) }
        defaults.sources().each { assertNoSecretIn(it) }
    }

    @Unroll("docker config #content fails without leaking")
    def "malformed docker configs never show a secret"(String content) {
        given:
        Path file = write(home, '.docker/config.json', content)

        when:
        DockerConfigSource.load(file, helpersOn(bin))

        then:
        CredentialException e = thrown()
        assertNoSecretIn(e)

        where:
        content << [
                """{"auths": {"ghcr.io": {"password": "${DOCKER_FIELD}""",
                """{"auths": {"ghcr.io": {"password": "${DOCKER_FIELD}\\q"}}}""",
                """{"auths": {"ghcr.io": {"password": "${DOCKER_FIELD}\n"}}}""",
                """{"auths": {"ghcr.io": {"password": ${DOCKER_FIELD}}}}""",
                """{"auths": {"ghcr.io": {"password": "x"} ${DOCKER_FIELD}}}""",
                """{"auths": {"ghcr.io": {"auth": "${DOCKER_AUTH}"}}}""",
                """{"auths": {"ghcr.io": {"auth": "${b64(DOCKER_AUTH)}"}}}""",
                """{"auths": {"ghcr.io": {"auth": "${b64(':' + DOCKER_AUTH)}"}}}""",
                """{"auths": {"ghcr.io": {"auth": "${b64('bot:' + DOCKER_AUTH)}!"}}}""",
                """{"auths": {"ghcr.io": {"password": ["${DOCKER_FIELD}"]}}}""",
                """{"auths": {"ghcr.io": "${DOCKER_FIELD}"}}""",
                """{"auths": {"ghcr.io": {"identitytoken": {"t": "${ID_TOKEN}"}}}}""",
                """{"credsStore": "${DOCKER_FIELD}/x"}""",
                """{"credHelpers": {"ghcr.io": "${DOCKER_FIELD} x"}}""",
                """ "${DOCKER_FIELD}" """,
                """{"auths": {"ghcr.io": {"password": "${DOCKER_FIELD}"}}} trailing""",
        ]
    }

    @Unroll("auth.json #content fails without leaking, as #label")
    def "malformed auth.json files and authfiles never show a secret"(String content, String label) {
        given:
        Path file = write(home, 'containers/auth.json', content)

        when:
        if (label == 'authfile') {
            ContainersAuthSource.authFile(file, '--authfile', helpersOn(bin))
        } else {
            ContainersAuthSource.load([file], helpersOn(bin))
        }

        then:
        CredentialException e = thrown()
        assertNoSecretIn(e)

        where:
        [content, label] << [[
                """{"auths": {"quay.io/team": {"auth": "${PODMAN}"}}}""",
                """{"auths": {"quay.io/team": {"auth": "${b64(PODMAN)}"}}}""",
                """{"auths": {"quay.io": {"auth": "${b64('bot:' + AUTHFILE)}" """,
                """{"auths": {"quay.io": {"password": "${AUTHFILE}\u0001"}}}""",
        ], ['auth.json', 'authfile']].combinations()
    }

    @Unroll("pull secret file #content fails without leaking")
    def "malformed pull secret files never show a secret"(String content) {
        given:
        Path file = write(home, 'pull.yaml', content)

        when:
        new PullSecretSource(new PullSecretReader().read(file))

        then:
        RuntimeException e = thrown()
        assertNoSecretIn(e)

        where:
        content << [
                "kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata: {.dockerconfigjson: ${PULL}}\n",
                "kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata: {.dockerconfigjson: ${b64(PULL)}}\n",
                "kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata: {.dockerconfigjson: ${b64('{"auths": {"q.io": {"auth": "' + PULL + '"}}}')}}\n",
                "kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata: {.dockerconfigjson: ${b64('{"auths": {"q.io": {"password": "' + PULL + '"')}}\n",
                "kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata: {.dockerconfigjson: \"${PULL}\\q\"}\n",
                "kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata: {.dockerconfigjson: \"${PULL}\n",
                "kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata: {.dockerconfigjson: '${PULL}'}}\n",
                "kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${PULL}\n    bad: indent\n",
                "kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n\t.dockerconfigjson: ${PULL}\n",
                "kind: Secret\ntype: kubernetes.io/dockerconfigjson\nstringData: {.dockerconfigjson: '{\"auths\": ${STRING_DATA}}'}\n",
                "kind: Secret\ntype: kubernetes.io/dockerconfigjson\nstringData: {.dockerconfigjson: [${STRING_DATA}]}\n",
                "kind: Secret\ntype: kubernetes.io/dockercfg\nstringData: {.dockercfg: '{\"q.io\": {\"auth\": \"${b64(STRING_DATA)}\"}}'}\n",
                "kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata: {.dockerconfigjson: ${Base64.encoder.encodeToString([0xff, 0xfe] as byte[])}}\nx: ${PULL}\n",
                "kind: Secret\ntype: Opaque\ndata: {password: ${b64(PULL)}}\n",
                "kind: Secret\nmetadata: {name: [${PULL}]}\ntype: kubernetes.io/dockerconfigjson\n",
        ]
    }

    @Unroll("a helper that #behaviour fails without leaking")
    def "credential helpers that fail never show what they printed"(String behaviour, String body) {
        given:
        helper(bin, 'fake', body)
        CredentialHelper helper = new CredentialHelper('fake', [bin], java.time.Duration.ofMillis(500))

        when:
        helper.get('ghcr.io', 'docker config credHelpers (fake)')

        then:
        CredentialException e = thrown()
        assertNoSecretIn(e)

        where:
        behaviour                          || body
        'prints the secret and exits 3'    || "echo '${HELPER}'; exit 3"
        'complains with it on stderr'      || "echo 'bad password ${HELPER}' >&2; exit 1"
        'prints it as garbage'             || "echo 'Secret=${HELPER}'"
        'prints truncated JSON'            || "printf '{\"Username\":\"u\",\"Secret\":\"${HELPER}'"
        'prints it in a JSON array'        || "echo '[\"${HELPER}\"]'"
        'gives it the wrong type'          || "echo '{\"Username\":[\"${HELPER}\"],\"Secret\":\"${HELPER}\"}'"
        'floods the output'                || "echo '{\"Secret\":\"${HELPER}\"}'; head -c 70000 /dev/zero"
        'prints it and hangs'              || "echo '{\"Secret\":\"${HELPER}\"}'; sleep 30"
    }

    def "a helper's answer shows no secret in the credential it becomes"() {
        given:
        answeringHelper(bin, 'fake', '<token>', HELPER)

        when:
        Credential found = new CredentialHelper('fake', [bin], java.time.Duration.ofSeconds(5))
                .get('ghcr.io', 'docker config credsStore (fake)').get()

        then:
        found instanceof Credential.IdentityToken
        assertShowsNoSecret(found)
    }
}

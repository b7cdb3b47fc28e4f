package checkimage.credentials

import spock.lang.Specification
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

import static checkimage.credentials.CredentialFixtures.*

class DockerConfigSourceSpec extends Specification {

    Path home = tempDir('docker-home')
    Path bin = tempDir('docker-bin')

    private DockerConfigSource config(Map root) {
        Path file = write(home, '.docker/config.json', json(root))
        DockerConfigSource.load(file, helpersOn(bin))
    }

    @Unroll("auth base64('#pair') -> user '#user', password '#password'")
    def "a base64 auth is split at the first colon, so a password may hold colons"(String pair, String user, String password) {
        given:
        DockerConfigSource source = config([auths: ['ghcr.io': [auth: b64(pair)]]])

        when:
        Credential.UsernamePassword found = source.lookup('ghcr.io', 'acme/app') as Credential.UsernamePassword

        then:
        found.username() == user
        found.password().revealForHeader() == password
        found.source() == "docker config auths (${home.resolve('.docker/config.json')})".toString()

        where:
        pair                   || user    | password
        'bot:secret'           || 'bot'   | 'secret'
        'bot:pa:ss:word'       || 'bot'   | 'pa:ss:word'
        'bot::'                || 'bot'   | ':'
        'bot:p\u00e4ss w\u00f6rd' || 'bot' | 'p\u00e4ss w\u00f6rd'
        'bot:pw\u0000\u0000'   || 'bot'   | 'pw'
        'bot:'                 || 'bot'   | ''
    }

    def "username and password fields are read when there is no auth, and auth wins over them"() {
        given:
        DockerConfigSource source = config([auths: [
                'ghcr.io' : [username: 'field-user', password: 'field-pw'],
                'quay.io' : [username: 'field-user', password: 'field-pw', auth: b64('auth-user:auth-pw')]]])

        expect:
        (source.lookup('ghcr.io', 'a') as Credential.UsernamePassword).username() == 'field-user'
        (source.lookup('quay.io', 'a') as Credential.UsernamePassword).username() == 'auth-user'
        (source.lookup('quay.io', 'a') as Credential.UsernamePassword).password().revealForHeader() == 'auth-pw'
    }

    def "an identitytoken entry is an identity token, keeping the username from auth"() {
        given:
        DockerConfigSource source = config([auths: [
                'myregistry.azurecr.io': [auth: b64('00000000-0000-0000-0000-000000000000:'), identitytoken: 'refresh-me'],
                'ghcr.io'              : [identitytoken: 'bare-token']]])

        when:
        Credential.IdentityToken azure = source.lookup('myregistry.azurecr.io', 'app') as Credential.IdentityToken
        Credential.IdentityToken bare = source.lookup('ghcr.io', 'app') as Credential.IdentityToken

        then:
        azure.username() == '00000000-0000-0000-0000-000000000000'
        azure.token().revealForHeader() == 'refresh-me'
        bare.username() == null
        bare.token().revealForHeader() == 'bare-token'
    }

    @Unroll("auths key '#key' serves registry #registry: #serves")
    def "auths keys are normalized: Docker Hub's aliases, schemes and paths"(String key, String registry, boolean serves) {
        given:
        DockerConfigSource source = config([auths: [(key): authEntry('bot', 'pw')]])

        expect:
        !(source.lookup(registry, 'library/ubuntu') instanceof Credential.Anonymous) == serves

        where:
        key                              | registry         || serves
        'https://index.docker.io/v1/'    | 'docker.io'      || true
        'index.docker.io'                | 'docker.io'      || true
        'registry-1.docker.io'           | 'docker.io'      || true
        'docker.io'                      | 'docker.io'      || true
        'https://index.docker.io/v1/'    | 'index.docker.io'|| true
        'https://ghcr.io'                | 'ghcr.io'        || true
        'ghcr.io/v2/'                    | 'ghcr.io'        || true
        'GHCR.io'                        | 'ghcr.io'        || true
        'ghcr.io/acme'                   | 'ghcr.io'        || true
        'http://localhost:5000/v2/'      | 'localhost:5000' || true
        'localhost:5000'                 | 'localhost'      || false
        'localhost'                      | 'localhost:5000' || false
        'ghcr.io'                        | 'quay.io'        || false
        'https://index.docker.io/v1/'    | 'ghcr.io'        || false
    }

    def "a key written in normal form wins over an alias of the same registry"() {
        given:
        DockerConfigSource source = config([auths: [
                'https://index.docker.io/v1/': authEntry('alias', 'pw'),
                'docker.io'                  : authEntry('normal', 'pw')]])

        expect:
        (source.lookup('docker.io', 'library/ubuntu') as Credential.UsernamePassword).username() == 'normal'
    }

    @Unroll("credHelpers #credHelper, auths #auths, credsStore #credsStore -> #expected")
    def "credHelpers come first, then auths, then credsStore; a helper with nothing stored passes on"(
            String credHelper, boolean auths, String credsStore, String expected) {
        given:
        answeringHelper(bin, 'ecr-login', 'from-cred-helper', 'pw1')
        answeringHelper(bin, 'desktop', 'from-creds-store', 'pw2')
        emptyHelper(bin, 'empty')
        Map root = [:]
        if (credHelper) {
            root.credHelpers = ['ghcr.io': credHelper]
        }
        root.auths = auths ? ['ghcr.io': authEntry('from-auths', 'pw3')] : ['ghcr.io': [:]]
        if (credsStore) {
            root.credsStore = credsStore
        }
        Path file = write(home, '.docker/config.json', json(root))

        when:
        Credential found = DockerConfigSource.load(file, helpersOn(bin)).lookup('ghcr.io', 'acme/app')

        then:
        found.source() == expected.replace('FILE', file.toString())

        where:
        credHelper  | auths | credsStore || expected
        'ecr-login' | true  | 'desktop'  || 'docker config credHelpers (ecr-login)'
        'ecr-login' | false | null       || 'docker config credHelpers (ecr-login)'
        'empty'     | true  | 'desktop'  || 'docker config auths (FILE)'
        null        | true  | 'desktop'  || 'docker config auths (FILE)'
        null        | false | 'desktop'  || 'docker config credsStore (desktop)'
        'empty'     | false | 'desktop'  || 'docker config credsStore (desktop)'
        'empty'     | false | 'empty'    || 'anonymous'
        null        | false | null       || 'anonymous'
    }

    def "a credHelpers key names its registry in any of docker's forms"() {
        given:
        answeringHelper(bin, 'hub', 'hub-user', 'pw')
        DockerConfigSource source = config([credHelpers: ['https://index.docker.io/v1/': 'hub']])

        expect:
        source.lookup('docker.io', 'library/ubuntu').source() == 'docker config credHelpers (hub)'
        source.lookup('ghcr.io', 'acme/app') instanceof Credential.Anonymous
    }

    @Unroll("DOCKER_CONFIG=#dockerConfig -> #expected")
    def "the config is DOCKER_CONFIG/config.json, else ~/.docker/config.json"(String dockerConfig, String expected) {
        given:
        Map<String, String> variables = dockerConfig == null ? [:] : [DOCKER_CONFIG: dockerConfig]

        expect:
        DockerConfigSource.defaultFile(environment(Path.of('/home/me'), variables)) == Path.of(expected)

        where:
        dockerConfig  || expected
        null          || '/home/me/.docker/config.json'
        ''            || '/home/me/.docker/config.json'
        '/etc/docker' || '/etc/docker/config.json'
    }

    def "a config file that does not exist answers anonymous for every registry"() {
        when:
        DockerConfigSource source = DockerConfigSource.load(environment(home), helpersOn(bin))

        then:
        !source.present
        source.lookup('ghcr.io', 'acme/app') == Credential.anonymous()
        source.toString() == "docker config (${home.resolve('.docker/config.json')}, not found)"
    }

    @Unroll("#content -> #problem")
    def "a malformed config is named in a clear error, without its content"(String content, String problem) {
        given:
        Path file = write(home, '.docker/config.json', content)

        when:
        DockerConfigSource.load(file, helpersOn(bin))

        then:
        CredentialException e = thrown()
        e.message == "${file}: ${problem}".toString()

        where:
        content                                                || problem
        '{"auths": {'                                          || 'malformed JSON at line 1, column 12 (Unexpected end-of-input: expected close marker for Object)'
        '{\n  "auths": {"ghcr.io": {"auth": "abc}}\n'          || 'malformed JSON at line 2, column 39 (Illegal unquoted character: has to be escaped using backslash to be included in string value)'
        '[]'                                                   || 'expected a JSON object at the top level, got an array'
        '{"auths": []}'                                        || 'auths: expected an object, got an array'
        '{"auths": {"ghcr.io": "bot:pw"}}'                     || 'auths["ghcr.io"]: expected an object, got a string'
        '{"auths": {"ghcr.io": {"auth": "%%%"}}}'              || 'auths["ghcr.io"].auth: not valid base64'
        """{"auths": {"ghcr.io": {"auth": "${b64('nocolon')}"}}}""" || 'auths["ghcr.io"].auth: does not decode to username:password (no \':\' found)'
        """{"auths": {"ghcr.io": {"auth": "${b64(':pw')}"}}}"""     || 'auths["ghcr.io"].auth: decodes to an empty username'
        '{"auths": {"ghcr.io": {"password": 5}}}'              || 'auths["ghcr.io"].password: expected a string, got a number'
        '{"credHelpers": {"ghcr.io": 5}}'                      || 'credHelpers["ghcr.io"]: expected a helper name, got a number'
        '{"credsStore": "../../tmp/evil"}'                     || "credsStore: invalid helper name (expected letters, digits, '.', '_' or '-', as in docker-credential-<name>)"
    }

    def "a config path that is a directory is an error naming it"() {
        given:
        Path file = home.resolve('config.json')
        Files.createDirectories(file)

        when:
        DockerConfigSource.load(file, helpersOn(bin))

        then:
        CredentialException e = thrown()
        e.message == "${file}: is a directory, expected a JSON file".toString()
    }
}

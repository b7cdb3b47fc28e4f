package checkimage.credentials

import spock.lang.Specification
import spock.lang.Unroll

import java.nio.file.Path

import static checkimage.credentials.CredentialFixtures.*

class ContainersAuthSourceSpec extends Specification {

    Path home = tempDir('containers-home')
    Path bin = tempDir('containers-bin')

    /** An auth.json whose entries' usernames are their keys, so the chosen key can be read off the credential. */
    private Path authJson(String relative, List<String> keys, Map extra = [:]) {
        write(home, relative, json([auths: keys.collectEntries { [(it): [username: it, password: 'pw']] }] + extra))
    }

    private static String userOf(Credential credential) {
        credential instanceof Credential.UsernamePassword ? credential.username() : null
    }

    @Unroll("keys #keys, #registry/#repository -> #expected")
    def "the most specific namespace key wins, matching whole path segments"(
            List<String> keys, String registry, String repository, String expected) {
        given:
        Path file = authJson('.config/containers/auth.json', keys)

        expect:
        userOf(ContainersAuthSource.load([file], helpersOn(bin)).lookup(registry, repository)) == expected

        where:
        keys                                               | registry         | repository         || expected
        ['quay.io', 'quay.io/team', 'quay.io/team/app']    | 'quay.io'        | 'team/app'         || 'quay.io/team/app'
        ['quay.io', 'quay.io/team', 'quay.io/team/app']    | 'quay.io'        | 'team/app/nightly' || 'quay.io/team/app'
        ['quay.io', 'quay.io/team', 'quay.io/team/app']    | 'quay.io'        | 'team/other'       || 'quay.io/team'
        ['quay.io', 'quay.io/team', 'quay.io/team/app']    | 'quay.io'        | 'teamx/app'        || 'quay.io'
        ['quay.io', 'quay.io/team', 'quay.io/team/app']    | 'quay.io'        | 'other'            || 'quay.io'
        ['quay.io/team']                                   | 'quay.io'        | 'teamx/app'        || null
        ['quay.io/team']                                   | 'quay.io'        | 'team'             || 'quay.io/team'
        ['quay.io/team/app']                               | 'quay.io'        | 'team'             || null
        ['quay.io/team']                                   | 'ghcr.io'        | 'team/app'         || null
        ['docker.io/library']                              | 'docker.io'      | 'library/ubuntu'   || 'docker.io/library'
        ['docker.io']                                      | 'index.docker.io'| 'library/ubuntu'   || 'docker.io'
        ['localhost:5000/team']                            | 'localhost:5000' | 'team/app'         || 'localhost:5000/team'
        ['localhost:5000']                                 | 'localhost'      | 'team/app'         || null
    }

    @Unroll("key '#key' serves #registry/#repository: #serves")
    def "keys are normalized as the containers tools read them"(String key, String registry, String repository, boolean serves) {
        given:
        Path file = authJson('.config/containers/auth.json', [key])

        expect:
        (userOf(ContainersAuthSource.load([file], helpersOn(bin)).lookup(registry, repository)) == key) == serves

        where:
        key                             | registry    | repository       || serves
        'https://index.docker.io/v1/'   | 'docker.io' | 'library/ubuntu' || true
        'index.docker.io'               | 'docker.io' | 'library/ubuntu' || true
        'registry-1.docker.io/library'  | 'docker.io' | 'library/ubuntu' || true
        'https://quay.io/team'          | 'quay.io'   | 'other/app'      || true
        'Quay.IO/team/'                 | 'quay.io'   | 'team/app'       || true
        'quay.io/team'                  | 'quay.io'   | 'other/app'      || false
    }

    def "provenance names the kind of key, the key as written and the file"() {
        given:
        Path file = authJson('.config/containers/auth.json', ['quay.io', 'quay.io/team'])
        ContainersAuthSource source = ContainersAuthSource.load([file], helpersOn(bin))

        expect:
        source.lookup('quay.io', 'team/app').source() == "auth.json (namespace quay.io/team) (${file})".toString()
        source.lookup('quay.io', 'other').source() == "auth.json (registry quay.io) (${file})".toString()
    }

    def "the runtime auth.json wins over the config one, even over a more specific key"() {
        given:
        Path runtime = tempDir('xdg-runtime')
        write(runtime, 'containers/auth.json', json([auths: ['quay.io': authEntry('runtime', 'pw')]]))
        authJson('.config/containers/auth.json', ['quay.io/team/app'])
        Environment env = environment(home, [XDG_RUNTIME_DIR: runtime.toString()])

        expect:
        userOf(ContainersAuthSource.load(env, helpersOn(bin)).lookup('quay.io', 'team/app')) == 'runtime'
        userOf(ContainersAuthSource.load(env, helpersOn(bin)).lookup('ghcr.io', 'x')) == null
    }

    def "a file without a credential for the registry passes on to the next file"() {
        given:
        Path runtime = tempDir('xdg-runtime')
        write(runtime, 'containers/auth.json', json([auths: ['ghcr.io': authEntry('runtime', 'pw'), 'quay.io': [:]]]))
        authJson('.config/containers/auth.json', ['quay.io'])
        Environment env = environment(home, [XDG_RUNTIME_DIR: runtime.toString()])

        expect:
        userOf(ContainersAuthSource.load(env, helpersOn(bin)).lookup('quay.io', 'team/app')) == 'quay.io'
    }

    @Unroll("XDG_RUNTIME_DIR=#runtime, XDG_CONFIG_HOME=#config -> #expected")
    def "auth.json is searched in XDG_RUNTIME_DIR, then XDG_CONFIG_HOME or ~/.config"(
            String runtime, String config, List<String> expected) {
        given:
        Map<String, String> variables = [:]
        if (runtime != null) {
            variables.XDG_RUNTIME_DIR = runtime
        }
        if (config != null) {
            variables.XDG_CONFIG_HOME = config
        }

        expect:
        ContainersAuthSource.defaultFiles(environment(Path.of('/home/me'), variables)) == expected.collect { Path.of(it) }

        where:
        runtime          | config            || expected
        null             | null              || ['/home/me/.config/containers/auth.json']
        ''               | ''                || ['/home/me/.config/containers/auth.json']
        '/run/user/1000' | null              || ['/run/user/1000/containers/auth.json', '/home/me/.config/containers/auth.json']
        '/run/user/1000' | '/etc/me'         || ['/run/user/1000/containers/auth.json', '/etc/me/containers/auth.json']
    }

    def "credHelpers in an auth.json take the registry, and nothing else in that file is read for it"() {
        given:
        answeringHelper(bin, 'ecr-login', 'from-helper', 'pw')
        emptyHelper(bin, 'empty')
        Path file = authJson('.config/containers/auth.json', ['quay.io/team', 'ghcr.io'],
                [credHelpers: ['quay.io': 'ecr-login', 'ghcr.io': 'empty']])
        ContainersAuthSource source = ContainersAuthSource.load([file], helpersOn(bin))

        expect:
        source.lookup('quay.io', 'team/app').source() == "auth.json credHelpers (ecr-login) (${file})".toString()
        source.lookup('ghcr.io', 'x') instanceof Credential.Anonymous
    }

    def "an identitytoken entry is an identity token"() {
        given:
        Path file = write(home, 'auth.json', json([auths: ['quay.io': [identitytoken: 'refresh']]]))

        expect:
        ContainersAuthSource.load([file], helpersOn(bin)).lookup('quay.io', 'a') instanceof Credential.IdentityToken
    }

    def "an authfile is labelled authfile, and is an error when it does not exist"() {
        given:
        Path file = authJson('custom/auth.json', ['quay.io/team'])
        Path missing = home.resolve('nowhere/auth.json')

        when:
        ContainersAuthSource source = ContainersAuthSource.authFile(file, '--authfile', helpersOn(bin))

        then:
        source.lookup('quay.io', 'team/app').source() == "authfile (namespace quay.io/team) (${file})".toString()

        when:
        ContainersAuthSource.authFile(missing, '--authfile', helpersOn(bin))

        then:
        CredentialException e = thrown()
        e.message == "--authfile ${missing}: no such file".toString()
    }

    def "auth.json files that do not exist are skipped"() {
        expect:
        ContainersAuthSource.load(environment(home), helpersOn(bin)).lookup('quay.io', 'a') == Credential.anonymous()
    }

    @Unroll("#content -> #problem")
    def "a malformed auth.json is named in a clear error"(String content, String problem) {
        given:
        Path file = write(home, '.config/containers/auth.json', content)

        when:
        ContainersAuthSource.load(environment(home), helpersOn(bin))

        then:
        CredentialException e = thrown()
        e.message == "${file}: ${problem}".toString()

        where:
        content                                          || problem
        ''                                               || 'malformed JSON at line 1, column 1 (expected a value)'
        '{"auths": {"quay.io/team": {"auth": "???"}}}'   || 'auths["quay.io/team"].auth: not valid base64'
        '{"auths": {"quay.io": {}, "quay.io": {}}}'      || "malformed JSON at line 1, column 36 (Duplicate field 'quay.io')"
        '"just a string"'                                || 'expected a JSON object at the top level, got a string'
    }
}

package checkimage.credentials

import spock.lang.Specification
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

import static checkimage.credentials.CredentialFixtures.*

/**
 * Runs real executables: a {@code docker-credential-fake} shell script written into a temporary directory that
 * is the whole search path handed to the helper.
 */
class CredentialHelperSpec extends Specification {

    static final String SOURCE = 'docker config credHelpers (fake)'

    Path bin = tempDir('helper-bin')

    private CredentialHelper fake(String body, long timeoutMillis = 5000) {
        helper(bin, 'fake', body)
        new CredentialHelper('fake', [bin], Duration.ofMillis(timeoutMillis))
    }

    def "a helper that finds credentials answers a username and password with the given provenance"() {
        given:
        CredentialHelper helper = fake('''printf '{"ServerURL":"ghcr.io","Username":"octocat","Secret":"ghp_x"}\'''')

        when:
        Credential.UsernamePassword found = helper.get('ghcr.io', SOURCE).get() as Credential.UsernamePassword

        then:
        found.username() == 'octocat'
        found.password().revealForHeader() == 'ghp_x'
        found.source() == SOURCE
    }

    @Unroll("registry #registry is asked about as #serverUrl")
    def "the helper is asked about the host, or Docker Hub's v1 index URL"(String registry, String serverUrl) {
        given:
        CredentialHelper helper = fake('''printf '{"Username":"%s","Secret":"s"}' "$server"''')

        expect:
        (helper.get(registry, SOURCE).get() as Credential.UsernamePassword).username() == serverUrl
        CredentialHelper.serverUrl(registry) == serverUrl

        where:
        registry           || serverUrl
        'docker.io'        || 'https://index.docker.io/v1/'
        'index.docker.io'  || 'https://index.docker.io/v1/'
        'ghcr.io'          || 'ghcr.io'
        'localhost:5000'   || 'localhost:5000'
    }

    def "the username <token> marks an identity token"() {
        given:
        CredentialHelper helper = fake('''printf '{"ServerURL":"x.azurecr.io","Username":"<token>","Secret":"refresh"}\'''')

        when:
        Credential.IdentityToken found = helper.get('x.azurecr.io', SOURCE).get() as Credential.IdentityToken

        then:
        found.username() == null
        found.token().revealForHeader() == 'refresh'
        found.source() == SOURCE
    }

    @Unroll("#behaviour -> nothing stored")
    def "a helper with nothing stored answers empty, so the next source is asked"(String behaviour, String body) {
        expect:
        fake(body).get('ghcr.io', SOURCE).empty

        where:
        behaviour                              || body
        'not found in native keychain, exit 1' || "echo 'credentials not found in native keychain'; exit 1"
        'the same without a newline'           || "printf 'credentials not found in native keychain'; exit 1"
        'an empty Secret'                      || '''printf '{"ServerURL":"ghcr.io","Username":"","Secret":""}\''''
        'no Secret at all'                     || '''printf '{"ServerURL":"ghcr.io"}\''''
    }

    @Unroll("#behaviour -> #problem")
    def "a helper that fails is an error naming the helper and the registry, and at most its exit code"(
            String behaviour, String body, String problem) {
        when:
        fake(body).get('ghcr.io', SOURCE)

        then:
        CredentialException e = thrown()
        e.message == "credential helper docker-credential-fake failed for registry ghcr.io (${SOURCE}): ${problem}".toString()

        where:
        behaviour                || body                                                        || problem
        'error exit'             || 'echo "error getting credentials - err: exit status 1" >&2; exit 3' || 'exited with code 3'
        'error on stdout'        || 'echo "error getting credentials"; exit 1'                 || 'exited with code 1'
        'garbage output'         || 'echo "this is not json"'                                  || 'answered with output that is not JSON'
        'no output'              || 'true'                                                      || 'answered with output that is not JSON'
        'a JSON array'           || 'echo "[1, 2]"'                                             || 'answered with JSON that is not an object'
        'a numeric Secret'       || '''printf '{"Username":"u","Secret":42}\''''                || 'answered with a Username or Secret that is not a string'
        'too much output'        || 'head -c 70000 /dev/zero | tr "\\\\0" "a"'                  || 'answered with more than 64 KiB'
    }

    def "a helper that hangs is stopped after the timeout, with the processes it started"() {
        given:
        Path pidFile = bin.resolve('sleeper.pid')
        CredentialHelper helper = fake("sleep 30 &\necho \$! > '${pidFile}'\nwait", 500)
        long started = System.nanoTime()

        when:
        helper.get('ghcr.io', SOURCE)

        then:
        CredentialException e = thrown()
        e.message == "credential helper docker-credential-fake failed for registry ghcr.io (${SOURCE}): did not answer within 500 ms and was stopped".toString()
        Duration.ofNanos(System.nanoTime() - started) < Duration.ofSeconds(4)

        and: 'the sleep it started is gone too'
        long pid = Long.parseLong(Files.readString(pidFile).trim())
        waitUntilGone(pid)
    }

    def "a helper that is not on the search path is an error naming it"() {
        given:
        CredentialHelper helper = new CredentialHelper('absent', [bin], Duration.ofSeconds(1))

        when:
        helper.get('ghcr.io', SOURCE)

        then:
        CredentialException e = thrown()
        e.message == "credential helper docker-credential-absent failed for registry ghcr.io (${SOURCE}): not found on the search path (PATH)".toString()
    }

    def "a file that is not executable is not a helper"() {
        given:
        Path file = bin.resolve('docker-credential-plain')
        Files.writeString(file, '#!/bin/sh\necho {}\n')

        when:
        new CredentialHelper('plain', [bin], Duration.ofSeconds(1)).get('ghcr.io', SOURCE)

        then:
        CredentialException e = thrown()
        e.message.endsWith('not found on the search path (PATH)')
    }

    def "the first directory of the search path that holds the helper wins"() {
        given:
        Path first = tempDir('helper-first')
        answeringHelper(first, 'fake', 'first', 'pw')
        answeringHelper(bin, 'fake', 'second', 'pw')
        CredentialHelper helper = new CredentialHelper('fake', [tempDir('helper-empty'), first, bin], Duration.ofSeconds(5))

        expect:
        (helper.get('ghcr.io', SOURCE).get() as Credential.UsernamePassword).username() == 'first'
    }

    def "answers are remembered per server URL, so a helper runs once per registry"() {
        given:
        Path calls = bin.resolve('calls')
        CredentialHelper helper = fake("echo \"\$server\" >> '${calls}'\nprintf '{\"Username\":\"u\",\"Secret\":\"s\"}'")

        when:
        3.times { helper.get('ghcr.io', SOURCE) }
        helper.get('quay.io', SOURCE)

        then:
        Files.readAllLines(calls) == ['ghcr.io', 'quay.io']
    }

    @Unroll("helper name '#name' is refused")
    def "a helper name that is not a plain word is refused"(String name) {
        when:
        new CredentialHelper(name, [bin], Duration.ofSeconds(1))

        then:
        thrown(IllegalArgumentException)

        where:
        name << ['', '../evil', 'a/b', '-rf', 'x y']
    }

    @Unroll("PATH '#path' -> #expected")
    def "the search path is the PATH's directories, without empty entries"(String path, List<String> expected) {
        expect:
        CredentialHelpers.parsePath(path) == expected.collect { Path.of(it) }

        where:
        path                 || expected
        ''                   || []
        '/usr/bin'           || ['/usr/bin']
        '/usr/bin:/bin'      || ['/usr/bin', '/bin']
        ':/usr/bin::/bin:'   || ['/usr/bin', '/bin']
    }

    def "helpers on one search path are made once, so their answers are shared"() {
        given:
        CredentialHelpers helpers = CredentialHelpers.onPath(environment(tempDir(), [PATH: bin.toString()]))

        expect:
        helpers.helper('fake').is(helpers.helper('fake'))
        helpers.searchPath() == [bin]
        helpers.timeout() == CredentialHelper.DEFAULT_TIMEOUT
    }

    private static void waitUntilGone(long pid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos()
        while (ProcessHandle.of(pid).map { it.alive }.orElse(false)) {
            assert System.nanoTime() < deadline: "process ${pid} started by the helper is still running"
            Thread.sleep(20)
        }
    }
}

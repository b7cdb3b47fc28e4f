package checkimage.cli

import checkimage.json.Json
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/**
 * The command without a registry: offline normalization, usage and configuration errors, internal errors, exit
 * codes 1, 2 and 4.
 * Everything that talks to a registry is in CommandLineIntegrationSpec.
 */
class CommandLineSpec extends Specification {

    static final Path EXAMPLES = Path.of('scripts/examples/openpai')

    @TempDir
    Path dir

    def "offline mode normalizes references without any request"() {
        when:
        CliRunner.Run run = CliRunner.run(['--offline', '-o', 'json', 'docker.io/ubuntu', 'localhost:5000', 'index.docker.io/x/y'])
        Map doc = Json.parse(run.out) as Map

        then:
        run.exitCode == 0
        doc.results*.reference == ['docker.io/library/ubuntu:latest', 'docker.io/library/localhost:5000', 'docker.io/x/y:latest']
        doc.results*.status == ['not_checked'] * 3
        doc.requests == [:]
    }

    def "offline mode still rejects an invalid reference with exit 1 and a message naming it"() {
        when:
        CliRunner.Run run = CliRunner.run(['--offline', 'ubuntu', 'foo/Bar'])

        then:
        run.exitCode == 1
        run.out.contains("invalid image reference 'foo/Bar': uppercase letters are not allowed in the repository path")
        !run.all.contains('Exception')
    }

    def "a list file keeps its line numbers as origins and skips comments"() {
        given:
        Path list = dir.resolve('images.txt')
        Files.writeString(list, '# base images\nubuntu:22.04\n\nalpine  # tiny\n')

        when:
        Map doc = Json.parse(CliRunner.run(['--offline', '-o', 'json', '--file', list.toString()]).out) as Map

        then:
        doc.results*.input == ['ubuntu:22.04', 'alpine']
        doc.results*.origin == ["${list}:2", "${list}:4"]*.toString()
    }

    def "references are read from stdin with --file -"() {
        when:
        Map doc = Json.parse(CliRunner.run(['--offline', '-o', 'json', '--file', '-'], [:], 'nginx\nredis:7\n').out) as Map

        then:
        doc.results*.familiar == ['nginx:latest', 'redis:7']
    }

    def "an OpenPAI job with secrets in a separate file yields every task role's image"() {
        when:
        Map doc = Json.parse(CliRunner.run(['--offline', '-o', 'json', '--job', "${EXAMPLES}/train-job.yaml".toString(),
                                            '--secrets', "${EXAMPLES}/secrets.yaml".toString()]).out) as Map

        then:
        doc.results*.reference == ['docker.io/library/ubuntu:22.04', 'registry.example.com/team/trainer:1.4']
        // OpenPAI jobs name the line of each prerequisite's uri, like every file input
        doc.results*.origin == ['scripts/examples/openpai/train-job.yaml:10 task role prepare (prerequisite base-image)',
                                'scripts/examples/openpai/train-job.yaml:13 task role worker (prerequisite trainer-image)']
        doc.results.collect { [it.file, it.line, it.column] } == [['scripts/examples/openpai/train-job.yaml', 10, 10],
                                                                  ['scripts/examples/openpai/train-job.yaml', 13, 10]]
    }

    def "PAI_CURRENT_TASK_ROLE_NAME chooses the task role when --task-role is absent"() {
        when:
        Map doc = Json.parse(CliRunner.run(['--offline', '-o', 'json', '--job', "${EXAMPLES}/train-job-with-secrets.yaml".toString()],
                [PAI_CURRENT_TASK_ROLE_NAME: 'worker']).out) as Map

        then:
        doc.results*.reference == ['registry.example.com/team/trainer:1.4']
    }

    @Unroll("#why exits 2 with one line naming #named")
    def "configuration errors exit 2 with one clear line and no stack trace"() {
        given:
        Path bad = dir.resolve('bad.yaml')
        Files.writeString(bad, 'prerequisites: [\n  - {name: x')
        Path noPrereq = dir.resolve('noprereq.yaml')
        Files.writeString(noPrereq, 'protocolVersion: 2\nprerequisites: []\ntaskRoles:\n  worker:\n    dockerImage: missing-image\n')
        Map<String, String> files = [bad: bad.toString(), noPrereq: noPrereq.toString(), job: "${EXAMPLES}/train-job.yaml".toString(),
                                     secrets: "${EXAMPLES}/secrets.yaml".toString(), dir: dir.toString()]
        List<String> resolved = args.collect { String a -> a.replaceAll(/\{(\w+)\}/) { all, key -> files[key] } }

        when:
        CliRunner.Run run = CliRunner.run(resolved)

        then:
        run.exitCode == 2
        run.err.contains(named.replaceAll(/\{(\w+)\}/) { all, key -> files[key] })
        !run.all.contains('Exception')
        !run.all.contains('\tat ')

        where:
        why                           | args                                                          | named
        'a malformed job file'        | ['--job', '{bad}']                                            | '{bad}: malformed YAML'
        'a missing prerequisite'      | ['--job', '{noPrereq}']                                       | "no prerequisite named 'missing-image'"
        'an unknown secret key'       | ['--job', '{job}']                                            | "unknown secret key 'registry.username'"
        'an unknown task role'        | ['--job', '{job}', '--secrets', '{secrets}', '--task-role', 'wrk'] | "unknown task role 'wrk'"
        'a missing list file'         | ['--file', '{dir}/none.txt']                                  | '{dir}/none.txt: cannot read file'
        'a missing secrets file'      | ['--job', '{job}', '--secrets', '{dir}/none.yaml']            | '{dir}/none.yaml: cannot read file'
        'an unknown flag'             | ['--bogus']                                                   | "Unknown option: '--bogus'"
        'no image at all'             | []                                                            | 'no image to check'
        'a bad timeout'               | ['--timeout', 'soon', 'x']                                    | "'soon' is not a duration"
        'a bad platform'              | ['--platform', 'linux', 'x']                                  | "invalid platform 'linux'"
        'a password flag without user'| ['--password-stdin', 'x']                                     | '--password-stdin needs --username'
        'a registry without a user'   | ['--registry', 'ghcr.io', 'x']                                | '--registry names the registry of --username; give --username too'
        'a rate without a host'       | ['--rate', '10/s', 'x']                                       | "--rate '10/s' is not like HOST=10/s"
        'a rate without a unit'       | ['--rate', 'r.example=10', 'x']                               | "--rate rate '10' is not like 10/s, 300/m or 1000/h"
        'a missing registries.conf'   | ['--registries-conf', '{dir}/none.conf', 'x']                 | '--registries-conf {dir}/none.conf: no such file'
        'a missing hosts directory'   | ['--containerd-hosts', '{dir}/certs.d', 'x']                  | '{dir}/certs.d: is not a directory'
        'a missing daemon.json'       | ['--docker-daemon-config', '{dir}/daemon.json', 'x']          | '--docker-daemon-config {dir}/daemon.json: no such file'
    }

    def "a malformed proxy variable exits 2 naming it, never its credentials"() {
        when:
        CliRunner.Run run = CliRunner.run(['--certs-dir', dir.toString(), 'ghcr.io/acme/app:1'], [HTTPS_PROXY: 'socks5://u:s3cret@p.example:1080'])

        then:
        run.exitCode == 2
        run.err.trim() == "check-image: HTTPS_PROXY: proxy 'socks5://***@p.example:1080' is not an http:// URL (only HTTP proxies are supported)"
    }

    def "--registry must name a registry host"() {
        when:
        CliRunner.Run run = CliRunner.run(['--username', 'ci', '--password-stdin', '--registry', 'corp', 'ghcr.io/acme/app:1'], [:], 'pw')

        then:
        run.exitCode == 2
        run.err.trim() == "check-image: --registry 'corp' is not a registry host[:port] (a host has a dot or a port, or is localhost)"
    }

    def "an unknown secret key is named but no secret value is printed"() {
        given:
        Path secrets = dir.resolve('secrets.yaml')
        Files.writeString(secrets, 'registry:\n  username: robot-user-7\n  pasword: hunter2-very-secret\n')

        when:
        CliRunner.Run run = CliRunner.run(['--job', "${EXAMPLES}/train-job.yaml".toString(), '--secrets', secrets.toString(), '-v'])

        then:
        run.exitCode == 2
        run.err.contains("unknown secret key 'registry.password'")
        !run.all.contains('hunter2-very-secret')
    }

    def "help documents the exit codes"() {
        when:
        CliRunner.Run run = CliRunner.run(['--help'])

        then:
        run.exitCode == 0
        run.err.empty
        run.out.contains('$secrets.key %>')
        run.out.contains('Exit codes:')
        run.out.contains('3  only with --fail-on-unknown')
        run.out.contains('4  internal error')
    }

    def "an unexpected exception is an internal error: exit 4, distinct from usage errors, one line, no secret"() {
        given: 'stdin that fails the way only a bug would, with a secret in its message'
        ByteArrayOutputStream out = new ByteArrayOutputStream()
        ByteArrayOutputStream err = new ByteArrayOutputStream()
        InputStream broken = new InputStream() {
            @Override
            int read() {
                throw new IllegalStateException('bug while reading, token=hunter2-very-secret')
            }
        }
        Terminal terminal = new Terminal(broken, new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), [:], false)

        when:
        int code = CheckImageCommand.execute(['--offline', '--file', '-'] as String[], terminal)
        String printed = err.toString('UTF-8')

        then:
        code == ExitCodes.INTERNAL
        code == 4
        out.size() == 0
        printed.readLines().size() == 1
        printed.startsWith('check-image: internal error: IllegalStateException: bug while reading')
        printed.contains('please report this')
        !printed.contains('hunter2-very-secret')
        !printed.contains('\tat ')
    }
}

package checkimage.cli

import checkimage.json.Json
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/**
 * The command without a registry: offline normalization, usage and configuration errors, exit codes 1 and 2.
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
    }
}

package checkimage.input

import checkimage.credentials.Credential
import checkimage.credentials.Secret
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

class JobConfigReaderSpec extends Specification {

    static final String TWO_ROLES = '''\
        protocolVersion: 2
        name: train
        type: job
        prerequisites:
          - type: dockerimage
            name: base
            uri: ubuntu:22.04
          - type: data
            name: dataset
            uri: hdfs://example/data
          - type: dockerimage
            name: private
            uri: registry.example.com/team/trainer:1.4
            auth:
              username: <% $secrets.docker.username %>
              password: <% $secrets.docker.password %>
              registryuri: https://registry.example.com/v2/
        taskRoles:
          worker:
            instances: 2
            dockerImage: private
          prepare:
            dockerImage: base
        '''.stripIndent()

    static final String SECRETS = '''\
        docker:
          username: bot
          password: from-file
        '''.stripIndent()

    @TempDir
    Path dir

    JobConfigReader reader = new JobConfigReader()

    private Path write(String name, String text) {
        Path file = dir.resolve(name)
        Files.writeString(file, text)
        file
    }

    private JobConfig parse(String yaml) {
        reader.parse(yaml, 'job.yaml', Secrets.parse(SECRETS, 'secrets.yaml'))
    }

    def "each task role yields its docker image, in file order"() {
        when:
        JobConfig job = reader.read(write('job.yaml', TWO_ROLES), write('secrets.yaml', SECRETS))

        then:
        job.taskRoles() == ['worker', 'prepare']
        job.images()*.prerequisite == ['private', 'base']
        job.images()*.uri == ['registry.example.com/team/trainer:1.4', 'ubuntu:22.04']
        job.image('prepare').auth().isEmpty()
        job.source() == dir.resolve('job.yaml').toString()
    }

    def "auth fields are rendered from the secrets file"() {
        when:
        JobAuth auth = reader.read(write('job.yaml', TWO_ROLES), write('secrets.yaml', SECRETS))
                .image('worker').auth().orElseThrow()

        then:
        auth.username() == 'bot'
        auth.password() == Secret.of('from-file')
        auth.registryUri() == Optional.of('https://registry.example.com/v2/')
        auth.registryHost() == Optional.of('registry.example.com')
        auth.prerequisite() == 'private'
    }

    def "secrets may come as the second YAML document of the job file"() {
        given:
        Path job = write('job.yaml', TWO_ROLES + '---\ndocker: {username: doc-bot, password: from-document}\n')

        when:
        JobAuth auth = reader.read(job).image('worker').auth().orElseThrow()

        then:
        auth.username() == 'doc-bot'
        auth.password() == Secret.of('from-document')
    }

    def "a separate secrets file wins over the second document"() {
        given:
        Path job = write('job.yaml', TWO_ROLES + '---\ndocker: {username: doc-bot, password: from-document}\n')

        when:
        JobAuth auth = reader.read(job, write('secrets.yaml', SECRETS)).image('worker').auth().orElseThrow()

        then:
        auth.username() == 'bot'
        auth.password() == Secret.of('from-file')
    }

    def "no secrets passed to parse means the second document is used"() {
        given:
        String yaml = TWO_ROLES + '---\ndocker: {username: doc-bot, password: from-document}\n'

        expect:
        reader.parse(yaml, 'job.yaml', Secrets.none()).image('worker').auth().get().username() == 'doc-bot'
        reader.parse(yaml, 'job.yaml').image('worker').auth().get().username() == 'doc-bot'
    }

    def "an empty second document means no secrets"() {
        when:
        reader.read(write('job.yaml', TWO_ROLES + '---\n'))

        then:
        InputException e = thrown()
        e.message.contains("unknown secret key 'docker.username' (secrets from the second document of ")
        e.message.contains('there are no keys')
    }

    def "a second document that is not a map is an error"() {
        when:
        reader.parse(TWO_ROLES + '---\n- a\n', 'job.yaml')

        then:
        InputException e = thrown()
        e.message == 'job.yaml: expected a map of secrets in the second YAML document, got a list'
    }

    def "a syntax error in the secrets document keeps line and column but withholds the details"() {
        given:
        String lines = TWO_ROLES + '---\ndocker:\n  password: "not\\q-shown"\n'

        when:
        reader.parse(lines, 'job.yaml')

        then:
        InputException e = thrown()
        e.message == 'job.yaml: malformed YAML at line 26, column 18: details withheld because the document holds' +
                ' secrets (while scanning a double-quoted scalar)'
    }

    def "the same syntax error in the job document shows the details"() {
        when:
        reader.parse('taskRoles:\n  worker: "not\\q-shown"\n', 'job.yaml')

        then:
        InputException e = thrown()
        e.message == 'job.yaml: malformed YAML at line 2, column 16: found unknown escape character q(113)' +
                ' (while scanning a double-quoted scalar)'
    }

    def "a missing secrets file is an error naming it"() {
        given:
        Path missing = dir.resolve('secrets.yaml')

        when:
        reader.read(write('job.yaml', TWO_ROLES), missing)

        then:
        InputException e = thrown()
        e.message == "${missing}: cannot read file: no such file"
    }

    def "the job auth becomes a username-password credential naming the prerequisite"() {
        when:
        Credential.UsernamePassword credential = parse(TWO_ROLES).image('worker').auth().orElseThrow().toCredential()

        then:
        credential.username() == 'bot'
        credential.password() == Secret.of('from-file')
        credential.source() == 'job auth (private)'
    }

    @Unroll("role #role with #variable -> #expected")
    def "roles are chosen explicitly, else from PAI_CURRENT_TASK_ROLE_NAME, else all in file order"(
            String role, String variable, List<String> expected) {
        given:
        Map<String, String> environment = variable == null ? [:] : [PAI_CURRENT_TASK_ROLE_NAME: variable]

        expect:
        parse(TWO_ROLES).select(Optional.ofNullable(role), environment)*.taskRole == expected

        where:
        role      | variable  || expected
        'prepare' | null      || ['prepare']
        'prepare' | 'worker'  || ['prepare']
        null      | 'worker'  || ['worker']
        ''        | 'worker'  || ['worker']
        null      | null      || ['worker', 'prepare']
        null      | ' '       || ['worker', 'prepare']
        ' '       | ''        || ['worker', 'prepare']
    }

    def "an unknown role is an error listing the roles that exist"() {
        when:
        parse(TWO_ROLES).select(Optional.of('wokrer'), [:])

        then:
        InputException e = thrown()
        e.message == "job.yaml: taskRoles: unknown task role 'wokrer'; the job has: worker, prepare"
    }

    def "an unknown role from the environment says where it came from"() {
        when:
        parse(TWO_ROLES).select(Optional.empty(), [PAI_CURRENT_TASK_ROLE_NAME: 'ghost'])

        then:
        InputException e = thrown()
        e.message == "job.yaml: taskRoles: unknown task role 'ghost' (from PAI_CURRENT_TASK_ROLE_NAME); the job has: worker, prepare"
    }

    def "a role whose dockerImage names no prerequisite is an error naming role, image and file"() {
        given:
        String yaml = TWO_ROLES.replace('dockerImage: base', 'dockerImage: bsae')

        when:
        parse(yaml)

        then:
        InputException e = thrown()
        e.message == "job.yaml: taskRoles.prepare.dockerImage: no prerequisite named 'bsae' (docker image prerequisites: base, private)"
    }

    def "a role whose dockerImage names a prerequisite of another type is an error"() {
        when:
        parse(TWO_ROLES.replace('dockerImage: base', 'dockerImage: dataset'))

        then:
        InputException e = thrown()
        e.message == "job.yaml: taskRoles.prepare.dockerImage: prerequisite 'dataset' (prerequisites[1]) has type 'data', not dockerimage"
    }

    def "duplicate prerequisite names are an error"() {
        given:
        String yaml = '''\
            prerequisites:
              - {type: dockerimage, name: img, uri: alpine}
              - {type: data, name: other}
              - {type: dockerimage, name: img, uri: busybox}
            taskRoles:
              main: {dockerImage: img}
            '''.stripIndent()

        when:
        parse(yaml)

        then:
        InputException e = thrown()
        e.message == "job.yaml: prerequisites[2].name: duplicate prerequisite name 'img' (first at prerequisites[0])"
    }

    def "a prerequisite without type is a docker image when a role names it, and ignored otherwise"() {
        given:
        String yaml = '''\
            prerequisites:
              - {name: img, uri: alpine:3.20}
              - {name: unused}
            taskRoles:
              main: {dockerImage: img}
            '''.stripIndent()

        expect:
        parse(yaml).images() == [new JobImage('main', 'img', 'alpine:3.20', Optional.empty())]
    }

    def "the type dockerimage is matched in any case, and roles may share an image"() {
        given:
        String yaml = '''\
            prerequisites:
              - {type: DockerImage, name: img, uri: '  alpine  '}
            taskRoles:
              a: {dockerImage: img}
              b: {dockerImage: img}
            '''.stripIndent()

        expect:
        parse(yaml).images()*.uri == ['alpine', 'alpine']
    }

    @Unroll("auth #auth -> no auth")
    def "an auth block without username and password means no auth"(String auth) {
        given:
        String yaml = "prerequisites:\n  - {type: dockerimage, name: img, uri: alpine, auth: ${auth}}\n" +
                "taskRoles:\n  main: {dockerImage: img}\n"

        expect:
        parse(yaml).image('main').auth().isEmpty()

        where:
        auth << ['~', '{}', "{username: '', password: ''}", '{registryuri: docker.io}', '{username: ~, password: ~, registryuri: ""}']
    }

    @Unroll("auth #auth -> #message")
    def "an auth block with half a credential is an error"(String auth, String message) {
        given:
        String yaml = "prerequisites:\n  - {type: dockerimage, name: img, uri: alpine, auth: ${auth}}\n" +
                "taskRoles:\n  main: {dockerImage: img}\n"

        when:
        parse(yaml)

        then:
        InputException e = thrown()
        e.message == "job.yaml: ${message}"

        where:
        auth                                                      || message
        '{username: bot}'                                         || 'prerequisites[0].auth: username is given but password is missing or empty (after rendering secrets)'
        '{password: x}'                                           || 'prerequisites[0].auth: password is given but username is missing or empty (after rendering secrets)'
        "{username: bot, password: '<% \$secrets.docker.x %>'}"  || "prerequisites[0].auth.password: unknown secret key 'docker.x' (secrets from secrets.yaml; known keys under 'docker': username, password)"
        '{username: bot, password: x, registryuri: "https://"}'   || 'prerequisites[0].auth.registryuri: names no registry host'
        '[bot, x]'                                                || 'prerequisites[0].auth: expected a map, got a list'
        '{username: [bot], password: x}'                          || 'prerequisites[0].auth.username: expected a string, got a list'
    }

    def "placeholders outside auth are left as written"() {
        given:
        String yaml = '''\
            prerequisites:
              - {type: dockerimage, name: img, uri: '<% $secrets.image %>'}
            taskRoles:
              main: {dockerImage: img}
            '''.stripIndent()

        expect:
        parse(yaml).image('main').uri() == '<% $secrets.image %>'
    }

    def "scalars are read as the text written, so a numeric password keeps its digits"() {
        given:
        String yaml = '''\
            prerequisites:
              - {type: dockerimage, name: 007, uri: alpine, auth: {username: 0123, password: 0777}}
            taskRoles:
              main: {dockerImage: 007}
            '''.stripIndent()

        when:
        JobImage image = parse(yaml).image('main')

        then:
        image.prerequisite() == '007'
        image.auth().orElseThrow().username() == '0123'
        image.auth().orElseThrow().password() == Secret.of('0777')
    }

    @Unroll("#yaml -> #message")
    def "a job of the wrong shape is an error naming the file and key path"(String yaml, String message) {
        when:
        parse(yaml)

        then:
        InputException e = thrown()
        e.message == "job.yaml: ${message}"

        where:
        yaml                                                                     || message
        '- a list'                                                               || 'expected an OpenPAI job config (a map) at the top level, got a list'
        'just text'                                                              || 'expected an OpenPAI job config (a map) at the top level, got a string'
        'protocolVersion: 1\ntaskRoles: {}'                                      || "protocolVersion: expected 2 (OpenPAI job protocol v2), got '1'"
        'prerequisites: []'                                                      || 'taskRoles: required key is missing (expected a map)'
        'taskRoles: [a]'                                                         || 'taskRoles: expected a map, got a list'
        'taskRoles: {}'                                                          || 'taskRoles: expected at least one task role'
        'taskRoles: {worker: x}'                                                 || 'taskRoles.worker: expected a map, got a string'
        'taskRoles: {worker: {instances: 1}}'                                    || 'taskRoles.worker.dockerImage: required key is missing (expected a string)'
        'taskRoles: {worker: {dockerImage: [a, b]}}'                             || 'taskRoles.worker.dockerImage: expected a string, got a list'
        'taskRoles: {worker: {dockerImage: ~}}'                                  || 'taskRoles.worker.dockerImage: expected a string, got null'
        'taskRoles: {worker: {dockerImage: " "}}'                                || 'taskRoles.worker.dockerImage: must not be empty'
        'taskRoles: {worker: {dockerImage: img}}'                                || "taskRoles.worker.dockerImage: no prerequisite named 'img' (docker image prerequisites: none)"
        'prerequisites: {a: 1}\ntaskRoles: {w: {dockerImage: a}}'                || 'prerequisites: expected a list, got a map'
        'prerequisites: [x]\ntaskRoles: {w: {dockerImage: a}}'                   || 'prerequisites[0]: expected a map, got a string'
        'prerequisites: [{uri: a}]\ntaskRoles: {w: {dockerImage: a}}'            || 'prerequisites[0].name: required key is missing (expected a string)'
        'prerequisites: [{name: a, type: dockerimage}]\ntaskRoles: {w: {dockerImage: a}}' || 'prerequisites[0].uri: required key is missing (expected a string)'
        'prerequisites: [{name: a, type: dockerimage, uri: {x: 1}}]\ntaskRoles: {w: {dockerImage: a}}' || 'prerequisites[0].uri: expected a string, got a map'
        'prerequisites: [{name: a, uri: ""}]\ntaskRoles: {w: {dockerImage: a}}'  || 'prerequisites[0].uri: must not be empty'
        'taskRoles: {w: {dockerImage: a}}\ntaskRoles: {v: {dockerImage: a}}'     || "taskRoles: duplicate key 'taskRoles'"
    }

    @Unroll("#text -> #message")
    def "an empty or over-long file is an error"(String text, String message) {
        when:
        reader.read(write('job.yaml', text))

        then:
        InputException e = thrown()
        e.message == "${dir.resolve('job.yaml')}: ${message}"

        where:
        text                             || message
        ''                               || 'empty file: expected an OpenPAI job config'
        '# only a comment\n'             || 'empty file: expected an OpenPAI job config'
        '---\n---\na: 1\n'               || 'empty file: expected an OpenPAI job config in the first YAML document'
        'a: 1\n---\nb: 2\n---\nc: 3\n'   || 'expected at most two YAML documents (the job, then its secrets), found more'
    }

    def "malformed YAML is reported with line and column"() {
        when:
        parse('taskRoles:\n  worker:\n    dockerImage: a\n   bad: indent\n')

        then:
        InputException e = thrown()
        e.message == "job.yaml: malformed YAML at line 4, column 4: expected <block end>, but found '<block mapping start>' (while parsing a block mapping)"
        e.cause == null
    }
}

package checkimage.input

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/**
 * Loads job and secrets files holding distinctive secret values through every error path and checks that no
 * exception message, cause, toString or record toString shows any of them. Usernames and registry hosts are
 * identifiers and may be shown; they are not among the values checked here.
 */
class JobSecretsNeverLeakSpec extends Specification {

    static final List<String> SECRET_VALUES = [
            'S3CR3T-PW-4f9a', 'S3CR3T-TOKEN-8c1e', 'S3CR3T-LIST-77aa', 'S3CR3T-DEEP-19bd', 'S3CR3T-PLAIN-5e0c']

    static final String SECRETS = '''\
        docker:
          username: leak-spec-bot
          password: S3CR3T-PW-4f9a
          nested: {deep: S3CR3T-DEEP-19bd}
        token: S3CR3T-TOKEN-8c1e
        list: [S3CR3T-LIST-77aa]
        '''.stripIndent()

    static String job(String password, String extra = '') {
        """\
        prerequisites:
          - type: dockerimage
            name: private
            uri: registry.example.com/team/app:1.0
            auth:
              username: <% \$secrets.docker.username %>
              password: ${password}
        taskRoles:
          worker:
            dockerImage: private
        ${extra}""".stripIndent()
    }

    @TempDir
    Path dir

    @Shared
    JobConfigReader reader = new JobConfigReader()

    private Path write(String name, String text) {
        Path file = dir.resolve(name)
        Files.writeString(file, text)
        file
    }

    private static void assertNoSecretIn(Object shown) {
        String text = String.valueOf(shown)
        SECRET_VALUES.each { String secret -> assert !text.contains(secret) }
    }

    private static void assertNoSecretIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.cause) {
            assertNoSecretIn(t.message)
            assertNoSecretIn(t.toString())
            StringWriter trace = new StringWriter()
            t.printStackTrace(new PrintWriter(trace))
            assertNoSecretIn(trace)
        }
    }

    @Unroll("job password #password with the secrets file fails without leaking")
    def "errors while rendering auth fields never show a secret value"(String password) {
        given:
        Path jobFile = write('job.yaml', job(password))
        Path secretsFile = write('secrets.yaml', SECRETS)

        when:
        reader.read(jobFile, secretsFile)

        then:
        InputException e = thrown()
        assertNoSecretIn(e)

        where:
        password << [
                "'<% \$secrets.docker.pasword %>'",
                "'<% \$secrets.docker %>'",
                "'<% \$secrets.docker.nested %>'",
                "'<% \$secrets.list %>'",
                "'<% \$secrets.list[1] %>'",
                "'<% \$secrets.token.more %>'",
                "'<% \$secrets.docker.password.x %>'",
                "'<% secrets.token %>'",
                "'S3CR3T-PLAIN-5e0c<% \$secrets'",
                "'S3CR3T-PLAIN-5e0c<%'",
                "'<% S3CR3T-PLAIN-5e0c %>'",
                "''",
        ]
    }

    @Unroll("malformed secrets file #iterationIndex fails without leaking")
    def "malformed secrets files are reported without echoing their content"(String secrets) {
        given:
        Path jobFile = write('job.yaml', job("'<% \$secrets.docker.password %>'"))
        Path secretsFile = write('secrets.yaml', secrets)

        when:
        reader.read(jobFile, secretsFile)

        then:
        InputException e = thrown()
        assertNoSecretIn(e)
        e.message.startsWith("${secretsFile}: ")

        where:
        secrets << [
                'docker:\n  password: "S3CR3T-PW-4f9a\\q"\n',
                "docker:\n  password: 'S3CR3T-PW-4f9a\n",
                'docker:\n  password: S3CR3T-PW-4f9a: x\n',
                'docker:\n  password: @S3CR3T-PW-4f9a\n',
                'docker:\n  password: `S3CR3T-PW-4f9a\n',
                'docker:\n  password: !!S3CR3T-PW-4f9a x\n',
                'docker:\n  password: *S3CR3T-PW-4f9a\n',
                'docker:\n  password: S3CR3T-PW-4f9a\n bad: indent\n',
                'docker: [S3CR3T-PW-4f9a\n',
                '- S3CR3T-PW-4f9a\n',
                'S3CR3T-PW-4f9a\n',
                'a: 1\n---\nS3CR3T-PW-4f9a\n',
                'docker:\n  password: S3CR3T-PW-4f9a\u0007\n',
                'docker:\n  password: S3CR3T-PW-4f9a\n\t- tab\n',
                'docker:\n  password: S3CR3T-PW-4f9a\n  password: S3CR3T-TOKEN-8c1e\n',
                'docker: {password: S3CR3T-PW-4f9a, deep: ' + '[' * 60 + 'S3CR3T-DEEP-19bd' + ']' * 60 + '}\n',
                'l0: &l0 [S3CR3T-PW-4f9a, S3CR3T-PW-4f9a]\n' + (1..60).collect { "l${it}: &l${it} [*l${it - 1}, *l${it - 1}]" }.join('\n'),
                'docker: &d {password: S3CR3T-PW-4f9a, self: *d}\n',
                '# ' + 'S3CR3T-PW-4f9a' * 400_000 + '\n',
        ]
    }

    @Unroll("a second document like #secrets fails without leaking")
    def "a malformed second document of the job file is reported without echoing it"(String secrets) {
        given:
        Path jobFile = write('job.yaml', job("'<% \$secrets.docker.password %>'") + '---\n' + secrets)

        when:
        reader.read(jobFile)

        then:
        InputException e = thrown()
        assertNoSecretIn(e)

        where:
        secrets << [
                'docker:\n  password: "S3CR3T-PW-4f9a\\q"\n',
                "docker:\n  password: 'S3CR3T-PW-4f9a\n",
                'docker:\n  password: @S3CR3T-PW-4f9a\n',
                'docker:\n  password: !!S3CR3T-PW-4f9a x\n',
                '- S3CR3T-PW-4f9a\n',
                'docker: {password: S3CR3T-PW-4f9a}\n---\nmore: S3CR3T-TOKEN-8c1e\n',
        ]
    }

    @Unroll("a job error (#extra) with secrets loaded does not leak")
    def "job shape errors and role selection errors with secrets loaded do not leak"(String extra) {
        given:
        Path jobFile = write('job.yaml', job("'<% \$secrets.docker.password %>'", extra))
        Path secretsFile = write('secrets.yaml', SECRETS)

        when:
        reader.read(jobFile, secretsFile).select(Optional.of('ghost'), [:])

        then:
        InputException e = thrown()
        assertNoSecretIn(e)

        where:
        extra << ['', 'protocolVersion: 3', 'prerequisites: oops', 'taskRoles: []']
    }

    def "a successfully read job and its secrets print no secret value"() {
        given:
        Path jobFile = write('job.yaml', job("'<% \$secrets.docker.password %>-<% \$secrets.token %>'"))
        Path secretsFile = write('secrets.yaml', SECRETS)

        when:
        JobConfig config = reader.read(jobFile, secretsFile)
        JobAuth auth = config.image('worker').auth().orElseThrow()

        then:
        auth.password().revealForHeader() == 'S3CR3T-PW-4f9a-S3CR3T-TOKEN-8c1e'
        assertNoSecretIn(config)
        assertNoSecretIn(config.images())
        assertNoSecretIn(auth)
        assertNoSecretIn(auth.toCredential())
        assertNoSecretIn(Secrets.read(secretsFile))
        assertNoSecretIn(Secrets.parse(SECRETS, 'inline'))
    }
}

package checkimage.input

import checkimage.credentials.Secret
import spock.lang.Specification

import java.nio.file.Path

/** The OpenPAI examples under scripts/examples/openpai load as documented in their comments. */
class JobExamplesSpec extends Specification {

    static final Path EXAMPLES = Path.of(System.getProperty('basedir', '.'), 'scripts', 'examples', 'openpai')

    JobConfigReader reader = new JobConfigReader()

    def "the two-role example reads with its secrets file"() {
        when:
        JobConfig job = reader.read(EXAMPLES.resolve('train-job.yaml'), EXAMPLES.resolve('secrets.yaml'))

        then:
        job.taskRoles() == ['prepare', 'worker']
        job.image('prepare') == new JobImage('prepare', 'base-image', 'ubuntu:22.04', Optional.empty())
        with(job.image('worker')) {
            uri() == 'registry.example.com/team/trainer:1.4'
            auth().get().username() == 'trainer-bot'
            auth().get().password() == Secret.of('example-password-not-real')
            auth().get().registryHost() == Optional.of('registry.example.com')
            auth().get().toCredential().source() == 'job auth (trainer-image)'
        }
    }

    def "the single-file example reads the same, with secrets from its second document"() {
        when:
        JobConfig single = reader.read(EXAMPLES.resolve('train-job-with-secrets.yaml'))
        JobConfig separate = reader.read(EXAMPLES.resolve('train-job.yaml'), EXAMPLES.resolve('secrets.yaml'))

        then:
        single.images() == separate.images()
    }

    def "the two-role example without secrets names the missing key"() {
        when:
        reader.read(EXAMPLES.resolve('train-job.yaml'))

        then:
        InputException e = thrown()
        e.message.endsWith("prerequisites[1].auth.username: unknown secret key 'registry.username'" +
                ' (no secrets were given: pass a secrets file or add them as a second YAML document)')
    }

    def "the PAI task role variable picks the worker"() {
        when:
        List<JobImage> images = reader.read(EXAMPLES.resolve('train-job-with-secrets.yaml'))
                .select(Optional.empty(), [PAI_CURRENT_TASK_ROLE_NAME: 'worker'])

        then:
        images*.prerequisite == ['trainer-image']
    }
}

package checkimage.cli

import checkimage.fixture.RegistryFixture
import checkimage.json.Json
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * Images named in files, checked against the real registry (TLS + token auth): a Deployment's pull secret from
 * the same manifest directory, the same image with and without a secret, compose files and Dockerfiles whose
 * images are missing, and one manifest request per distinct reference however many places name it.
 */
class FileInputsIntegrationSpec extends Specification {

    static final String PASSWORD = RegistryFixture.ALICE.password()

    @Shared
    RegistryFixture registry

    @TempDir
    Path dir

    def setupSpec() {
        registry = RegistryFixture.start(RegistryFixture.Mode.TOKEN)
        registry.seedStandardImages()
    }

    def cleanupSpec() {
        registry?.close()
    }

    def setup() {
        registry.clearRequestLog()
        registry.tokenServer.reset()
    }

    private Path write(String name, String text) {
        Path file = dir.resolve(name)
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
        file
    }

    /** What {@code kubectl create secret docker-registry regcred --docker-server=HOST ...} writes. */
    private String secret(String name) {
        String auth = Base64.encoder.encodeToString("alice:${PASSWORD}".bytes)
        String config = """{"auths":{"${registry.host}":{"username":"alice","password":"${PASSWORD}","auth":"${auth}"}}}"""
        """\
            apiVersion: v1
            data:
              .dockerconfigjson: ${Base64.encoder.encodeToString(config.bytes)}
            kind: Secret
            metadata:
              creationTimestamp: null
              name: ${name}
            type: kubernetes.io/dockerconfigjson
            """.stripIndent()
    }

    private String deployment(String name, String image, String pullSecret) {
        """\
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ${name}
            spec:
              template:
                spec:
                  ${pullSecret == null ? '' : "imagePullSecrets: [{name: ${pullSecret}}]"}
                  containers:
                  - name: app
                    image: ${image}
            """.stripIndent()
    }

    private Map check(List<String> args) {
        CliRunner.Run run = CliRunner.run(['--ca-file', registry.caFile.toString(), '-o', 'json'] + args,
                [HOME: dir.resolve('home').toString()])
        assert !run.all.contains(PASSWORD)
        Map doc = Json.parse(run.out) as Map
        [exitCode: run.exitCode, doc: doc, err: run.err]
    }

    def "a Deployment's private image is accessible with the dockerconfigjson Secret of the same directory"() {
        given:
        write('k8s/deployment.yaml', deployment('web', "${registry.host}/private/hello:oci", 'regcred'))
        write('k8s/secret.yaml', secret('regcred'))

        when:
        Map outcome = check(['--manifest', dir.resolve('k8s').toString()])
        Map result = outcome.doc.results[0]

        then:
        outcome.exitCode == 0
        result.status == 'accessible'
        result.credentialSource == "pull secret default/regcred (${dir}/k8s/secret.yaml:1)".toString()
        result.file == "${dir}/k8s/deployment.yaml".toString()
        result.line == 11
        result.context == 'Deployment web, container app'
    }

    def "without the Secret the same Deployment is auth rejected, and the missing secret is a warning"() {
        given:
        write('k8s/deployment.yaml', deployment('web', "${registry.host}/private/hello:oci", 'regcred'))

        when:
        Map outcome = check(['--manifest', dir.resolve('k8s').toString()])

        then:
        outcome.exitCode == 1
        outcome.doc.results*.status == ['auth_rejected']
        outcome.doc.results[0].credentialSource == 'anonymous'
        outcome.err.contains("warning: ${dir}/k8s/deployment.yaml:8: pull secret default/regcred named by Deployment web is not in the input")
    }

    def "the same image in a pod with a secret and a pod without is checked once per credential"() {
        given:
        String image = "${registry.host}/private/hello:oci"
        write('k8s/all.yaml', deployment('with', image, 'regcred') + '---\n' + deployment('without', image, null) +
                '---\n' + secret('regcred'))

        when:
        Map outcome = check(['--manifest', dir.resolve('k8s/all.yaml').toString()])

        then:
        outcome.doc.results.collect { "${it.context}: ${it.status}".toString() } ==
                ['Deployment with, container app: accessible', 'Deployment without, container app: auth_rejected']
        outcome.doc.results*.credentialSource == ["pull secret default/regcred (${dir}/k8s/all.yaml:25)".toString(), 'anonymous']
    }

    def "a compose file and a Dockerfile whose images are missing are reported missing at their lines"() {
        given:
        write('app/compose.yaml', """\
            services:
              web:
                image: ${registry.host}/library/hello:oci
              worker:
                image: ${registry.host}/library/nope:1
            """.stripIndent())
        write('app/Dockerfile', """\
            # syntax=docker/dockerfile:1
            ARG BASE=${registry.host}/library/gone
            FROM \${BASE}:2 AS build
            FROM ${registry.host}/library/hello:oci
            COPY --from=build /a /a
            """.stripIndent())

        when:
        Map outcome = check(['--compose', dir.resolve('app/compose.yaml').toString(),
                             '--dockerfile', dir.resolve('app/Dockerfile').toString(), "--build-arg=UNUSED=1"])

        then:
        outcome.exitCode == 1
        outcome.doc.results.findAll { it.input.startsWith(registry.host) }.collect {
            "${dir.relativize(Path.of(it.file))}:${it.line} ${it.status}".toString()
        } == ['app/compose.yaml:3 accessible', 'app/compose.yaml:5 missing', 'app/Dockerfile:3 missing', 'app/Dockerfile:4 accessible']
    }

    def "one reference named in 50 places is checked once and reported at all 50"() {
        given:
        StringBuilder manifests = new StringBuilder()
        (1..50).each { manifests << deployment("web-${it}", "${registry.host}/library/hello:oci", null) << '---\n' }
        write('k8s/many.yaml', manifests.toString())

        when:
        Map outcome = check(['--manifest', dir.resolve('k8s/many.yaml').toString()])

        then:
        outcome.exitCode == 0
        outcome.doc.results.size() == 50
        outcome.doc.results*.status.unique() == ['accessible']
        outcome.doc.results*.line == (0..49).collect { 11 + 12 * it }
        outcome.doc.requests.manifestRequests == 1
        registry.requestLog.count { it.startsWith('HEAD /v2/library/hello/manifests/oci') } == 1
    }
}

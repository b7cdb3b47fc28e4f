package checkimage.cli

import checkimage.json.Json
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/** {@code --manifest} on the command line, offline: places in JSON and text, stdin, directories, errors, policy. */
class ManifestCommandLineSpec extends Specification {

    static final String KUBECTL = 'specs/resources/k8s/kubectl'
    static final String CORPUS = 'specs/resources/k8s/corpus'
    static final String ARGO = "${CORPUS}/argoproj__argo-cd/manifests/ha/namespace-install.yaml"

    @TempDir
    Path dir

    static Map json(List<String> args, String stdin = '') {
        Json.parse(CliRunner.run(['--offline', '-o', 'json'] + args, [:], stdin).out) as Map
    }

    def "each image of a manifest carries file, line, column, context and an origin starting with path:line"() {
        when:
        Map doc = json(['--manifest', "${KUBECTL}/kustomize-overlay.yaml".toString()])

        then:
        doc.results.collect { "${it.input} | ${it.file} | ${it.line} | ${it.column} | ${it.context} | ${it.origin}".toString() } == [
                "nginx:1.27 | ${KUBECTL}/kustomize-overlay.yaml | 16 | 16 | Deployment shop/web, container web | ${KUBECTL}/kustomize-overlay.yaml:16 Deployment shop/web, container web",
                "ghcr.io/acme/migrate:v2 | ${KUBECTL}/kustomize-overlay.yaml | 19 | 16 | Deployment shop/web, initContainer migrate | ${KUBECTL}/kustomize-overlay.yaml:19 Deployment shop/web, initContainer migrate"]*.toString()
        doc.results*.status == ['not_checked'] * 2
        doc.exitCode == 0
    }

    def "IMAGE arguments, lists, jobs and manifests combine; an argument has no file, line, column or context"() {
        given:
        Path list = dir.resolve('images.txt')
        Files.writeString(list, '# base\n  alpine:3.20\n')

        when:
        Map doc = json(['busybox', '--file', list.toString(), '--manifest', "${KUBECTL}/job.yaml".toString(),
                        '--job', 'scripts/examples/openpai/train-job-with-secrets.yaml'])

        then:
        doc.results*.input == ['busybox', 'alpine:3.20', 'ubuntu:22.04', 'registry.example.com/team/trainer:1.4', 'ghcr.io/acme/migrate:v2']
        doc.results[0].subMap('file', 'line', 'column', 'context', 'origin') == [file: null, line: null, column: null, context: null, origin: 'argument']
        doc.results[1].subMap('file', 'line', 'column', 'context', 'origin') == [file: list.toString(), line: 2, column: 3, context: null, origin: "${list}:2".toString()]
        doc.results[4].line == 12
    }

    def "manifests piped on stdin are read with --manifest -, as helm template | check-image --manifest - does"() {
        given:
        String rendered = Files.readString(Path.of(KUBECTL, 'deployment.yaml'))

        when:
        Map doc = json(['--manifest', '-'], '---\n# Source: chart/templates/deployment.yaml\n' + rendered)

        then:
        doc.results.collect { "${it.file}:${it.line}:${it.column} ${it.input}".toString() } == ['-:24:16 nginx:1.27', '-:27:16 redis:7']
    }

    def "a directory is walked for .yaml, .yml and .json files; every file is named relative to the working directory"() {
        when:
        Map doc = json(['--manifest', CORPUS])

        then:
        doc.results.size() == 43
        doc.results*.file.unique().size() == 18
        doc.results*.file.every { it.startsWith(CORPUS + '/') }
        doc.results.find { it.file.endsWith('meteor-controller.json') }.input == 'chees/meteor-gke-example:latest'
    }

    def "one reference used in 8 places is reported at each: one JSON result per place, text grouped by file in line order"() {
        when:
        Map doc = json(['--manifest', ARGO])
        String text = CliRunner.run(['--offline', '--manifest', ARGO]).out
        List<String> lines = text.readLines()

        then:
        doc.results.findAll { it.input == 'quay.io/argoproj/argocd:latest' }*.line == [1998, 2170, 2290, 2427, 2792, 2849, 3345, 3856]
        lines[0] ==~ /REFERENCE +RESULT +DETAIL/
        lines[1] == ARGO
        lines[2] ==~ /  1998:16 +quay\.io\/argoproj\/argocd:latest +not checked .*\(Deployment argocd-applicationset-controller, container argocd-applicationset-controller\)/
        lines.subList(2, 17)*.find(/^  (\d+):/) { m, n -> n } == doc.results*.line.sort(false)*.toString()
        lines[17] == '15 images: 15 not checked'
    }

    def "an image value that is not a string, or is empty, is an invalid reference at its line; the rest are still checked"() {
        given:
        Path manifest = dir.resolve('pods.yaml')
        Files.writeString(manifest, '''\
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - {name: a, image: 1.25}
              - {name: b, image: ""}
              - {name: c, image: nginx:1.27}
            '''.stripIndent())

        when:
        CliRunner.Run run = CliRunner.run(['--offline', '-o', 'json', '--manifest', manifest.toString()])
        Map doc = Json.parse(run.out) as Map

        then:
        run.exitCode == 1
        doc.results*.status == ['invalid_reference', 'invalid_reference', 'not_checked']
        doc.results*.line == [6, 7, 8]
        doc.results[0].reason == "invalid image value at ${manifest}:6:22: the image is a number, not a string".toString()
        doc.results[1].reason == "invalid image value at ${manifest}:7:22: the image is empty".toString()
    }

    @Unroll("#problem")
    def "a file that cannot be read as manifests is one line naming the file and the line, exit 2"(String problem, String yaml, String message) {
        given:
        Path manifest = dir.resolve('bad.yaml')
        if (yaml != null) {
            Files.writeString(manifest, yaml)
        }

        when:
        CliRunner.Run run = CliRunner.run(['--offline', '--manifest', manifest.toString()])

        then:
        run.exitCode == 2
        run.out.isEmpty()
        run.err.readLines() == ["check-image: ${manifest}${message}".toString()]

        where:
        problem              | yaml                                                             || message
        'malformed YAML'     | 'apiVersion: v1\nkind: Pod\nspec: {containers: [}\n'             || ': malformed YAML at line 3, column 21: expected the node content, but found \'}\' (while parsing a flow node)'
        'containers not list'| 'apiVersion: v1\nkind: Pod\nspec:\n  containers: 7\n'            || ':4: spec.containers: expected a list, got a number'
        'no such file'       | null                                                             || ': cannot read file: no such file'
    }

    def "a pull secret named but not in the input is a warning on stderr, and the image is still checked"() {
        given:
        Path manifest = dir.resolve('app.yaml')
        Files.writeString(manifest, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  imagePullSecrets: [{name: regcred}]\n' +
                '  containers: [{name: c, image: nginx}]\n')

        when:
        CliRunner.Run run = CliRunner.run(['--offline', '--manifest', manifest.toString()])

        then:
        run.exitCode == 0
        run.err.contains("check-image: warning: ${manifest}:5: pull secret default/regcred named by Pod p is not in the input".toString())
    }

    def "-v lists kinds that hold no pod spec and documents that are not Kubernetes objects"() {
        when:
        CliRunner.Run run = CliRunner.run(['--offline', '-v', '--manifest', "${CORPUS}/kubernetes__kubernetes/hack/testdata/list.yaml".toString(),
                                           '--manifest', "${CORPUS}/prometheus-operator__kube-prometheus/manifests/prometheus-prometheus.yaml".toString()])

        then:
        run.err.contains("check-image: ${CORPUS}/kubernetes__kubernetes/hack/testdata/list.yaml:4: Service list-service-test holds no pod spec")
        run.err.contains("check-image: ${CORPUS}/prometheus-operator__kube-prometheus/manifests/prometheus-prometheus.yaml:1: Prometheus monitoring/k8s holds no pod spec")
    }

    def "the policy's verdicts apply to manifest images, offline too"() {
        given:
        Path policy = dir.resolve('policy.groovy')
        Files.writeString(policy, "tags { forbid 'latest' }\n")

        when:
        CliRunner.Run run = CliRunner.run(['--offline', '-o', 'json', '--policy', policy.toString(), '--manifest',
                                           "${CORPUS}/kubernetes__website/content/en/examples/application/job/job-sidecar.yaml".toString(),
                                           '--manifest', "${KUBECTL}/cronjob.yaml".toString()])
        Map doc = Json.parse(run.out) as Map

        then:
        run.exitCode == 1
        doc.results.collect { "${it.line} ${it.status}".toString() } == ['10 denied_by_policy', '17 denied_by_policy', '17 not_checked']
    }

    def "only one input reads stdin"() {
        when:
        CliRunner.Run run = CliRunner.run(['--offline', '--manifest', '-', '--file', '-'])

        then:
        run.exitCode == 2
        run.err.contains('only one of --file - and --manifest - can read stdin')
    }
}

package checkimage.cli

import checkimage.input.TreeScanner
import checkimage.json.Json
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/** {@code --scan DIR}, offline: what is read as what, what is skipped, and broken files among good ones. */
class ScanCommandLineSpec extends Specification {

    @TempDir
    Path dir

    private Path write(String name, String text) {
        Path file = dir.resolve(name)
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
        file
    }

    private void tree() {
        write('k8s/deployment.yaml', Files.readString(Path.of('specs/resources/k8s/kubectl/deployment.yaml')))
        write('app/Dockerfile', 'FROM golang:1.22 AS build\nFROM gcr.io/distroless/static\nCOPY --from=build /a /a\n')
        write('app/compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n  api:\n    build: .\n    image: acme/api\n')
        write('app/compose.override.yaml', 'services:\n  web:\n    image: nginx:1.28\n')
        write('ops/job.yaml', Files.readString(Path.of('scripts/examples/openpai/train-job-with-secrets.yaml')))
        write('config.json', '{"a": 1}\n')
        write('README.md', 'FROM nothing\n')
        write('node_modules/x/deployment.yaml', Files.readString(Path.of('specs/resources/k8s/kubectl/job.yaml')))
        write('vendor/y/Dockerfile', 'FROM vendored:1\n')
        write('.github/Dockerfile', 'FROM hidden:1\n')
        write('chart/templates/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: {{ .Values.replicas }}\n')
    }

    def "a tree is read by name and content: Dockerfiles, compose projects, manifests and OpenPAI jobs"() {
        given:
        tree()

        when:
        CliRunner.Run run = CliRunner.run(['--offline', '-o', 'json', '--scan', dir.toString()])
        Map doc = Json.parse(run.out) as Map

        then:
        run.exitCode == 0
        doc.results.collect { "${dir.relativize(Path.of(it.file))}:${it.line} ${it.input} (${it.context}) ${it.status}".toString() } == [
                'app/compose.yaml:6 acme/api (service api) not_checked',
                'app/compose.override.yaml:3 nginx:1.28 (service web) not_checked',
                'app/Dockerfile:1 golang:1.22 (stage build) not_checked',
                'app/Dockerfile:2 gcr.io/distroless/static (stage 1) not_checked',
                'ops/job.yaml:9 ubuntu:22.04 (task role prepare (prerequisite base-image)) not_checked',
                'ops/job.yaml:12 registry.example.com/team/trainer:1.4 (task role worker (prerequisite trainer-image)) not_checked',
                'k8s/deployment.yaml:22 nginx:1.27 (Deployment shop/web, container nginx) not_checked',
                'k8s/deployment.yaml:25 redis:7 (Deployment shop/web, container redis) not_checked']
        doc.results[0].reason == 'built locally (build:)'
    }

    def "-v lists what was read as what, and what was skipped"() {
        given:
        tree()

        when:
        List<String> err = CliRunner.run(['--offline', '-v', '--scan', dir.toString()]).err.readLines()

        then:
        err.containsAll([
                "check-image: read ${dir}/app/compose.yaml + ${dir}/app/compose.override.yaml as compose file",
                "check-image: read ${dir}/app/Dockerfile as Dockerfile",
                "check-image: read ${dir}/k8s/deployment.yaml as Kubernetes manifest",
                "check-image: read ${dir}/ops/job.yaml as OpenPAI job",
                "check-image: skipped ${dir}/config.json (not a Dockerfile, compose file, Kubernetes manifest or OpenPAI job)",
                "check-image: skipped ${dir}/README.md (not a Dockerfile, compose file, Kubernetes manifest or OpenPAI job)",
                "check-image: skipped directory ${dir}/node_modules",
                "check-image: skipped directory ${dir}/vendor",
                "check-image: skipped directory ${dir}/.github (hidden)",
                "check-image: skipped ${dir}/chart/templates/deployment.yaml (a template: render it first, e.g. helm template … | check-image --manifest -)"]*.toString())
    }

    def "a broken file does not hide the others: they are checked, the problems listed, and the exit code is 2"() {
        given:
        tree()
        write('k8s/broken.yaml', 'apiVersion: v1\nkind: Pod\nspec: [\n')
        write('app/worker.Dockerfile', 'FROM\n')

        when:
        CliRunner.Run run = CliRunner.run(['--offline', '-o', 'json', '--scan', dir.toString()])
        Map doc = Json.parse(run.out) as Map

        then:
        run.exitCode == 2
        doc.exitCode == 2
        doc.results.size() == 8
        run.err.readLines() == [
                'check-image: 2 file(s) could not be read; the rest were checked:',
                "check-image: ${dir}/app/worker.Dockerfile: line 1: FROM requires either one or three arguments",
                "check-image: ${dir}/k8s/broken.yaml: malformed YAML at line 4, column 1: expected the node content, but found '<stream end>' (while parsing a flow node)"]*.toString()
    }

    def "symbolic links are followed inside the tree only"() {
        given:
        Path outside = Files.createTempFile('outside', '.yaml')
        Files.writeString(outside, Files.readString(Path.of('specs/resources/k8s/kubectl/job.yaml')))
        write('k8s/deployment.yaml', Files.readString(Path.of('specs/resources/k8s/kubectl/deployment.yaml')))
        Files.createSymbolicLink(dir.resolve('k8s/outside.yaml'), outside)
        Files.createSymbolicLink(dir.resolve('k8s/inside.yaml'), dir.resolve('k8s/deployment.yaml'))

        when:
        CliRunner.Run run = CliRunner.run(['--offline', '-o', 'json', '-v', '--scan', dir.toString()])

        then:
        (Json.parse(run.out) as Map).results*.input == ['nginx:1.27', 'redis:7']
        run.err.contains("skipped ${dir}/k8s/outside.yaml (a symbolic link out of the tree or to a directory)")

        cleanup:
        Files.deleteIfExists(outside)
    }

    @Unroll("#name -> #expected")
    def "files are classified by name first, then by content"(String name, String text, TreeScanner.FileKind expected) {
        given:
        Path file = write(name, text)

        expect:
        new TreeScanner({ Path p -> p.toString() }).scan(dir, false).files()*.kind() == (expected == null ? [] : [expected])

        where:
        name                          | text                                        || expected
        'Dockerfile'                  | ''                                          || TreeScanner.FileKind.DOCKERFILE
        'Containerfile'               | ''                                          || TreeScanner.FileKind.DOCKERFILE
        'api.Dockerfile'              | ''                                          || TreeScanner.FileKind.DOCKERFILE
        'API.DOCKERFILE'              | ''                                          || TreeScanner.FileKind.DOCKERFILE
        'Dockerfile.dev'              | ''                                          || TreeScanner.FileKind.DOCKERFILE
        'dockerfile'                  | ''                                          || TreeScanner.FileKind.DOCKERFILE
        'compose.yaml'                | ''                                          || TreeScanner.FileKind.COMPOSE
        'docker-compose.prod.yml'     | ''                                          || TreeScanner.FileKind.COMPOSE
        'stack.yaml'                  | 'services:\n  web: {image: x}\n'            || TreeScanner.FileKind.COMPOSE
        'deploy.yaml'                 | 'apiVersion: v1\nkind: Pod\n'               || TreeScanner.FileKind.MANIFEST
        'deploy.yml'                  | '---\nkind: Pod\napiVersion: v1\n'          || TreeScanner.FileKind.MANIFEST
        'deploy.json'                 | '{"kind": "Pod", "apiVersion": "v1"}'       || TreeScanner.FileKind.MANIFEST
        'job.yaml'                    | 'protocolVersion: 2\nname: x\n'             || TreeScanner.FileKind.OPENPAI_JOB
        'job1.yaml'                   | "protocolVersion: '2'\n"                    || TreeScanner.FileKind.OPENPAI_JOB
        'values.yaml'                 | 'image:\n  kind: Pod\n  apiVersion: v1\n'   || null
        'package.json'                | '{"name": "x"}'                             || null
        'notes.txt'                   | 'apiVersion: v1\nkind: Pod\n'               || null
    }

    def "--scan needs a directory"() {
        when:
        CliRunner.Run run = CliRunner.run(['--offline', '--scan', dir.resolve('nope').toString()])

        then:
        run.exitCode == 2
        run.err.trim() == "check-image: --scan ${dir.resolve('nope')}: not a directory".toString()
    }
}

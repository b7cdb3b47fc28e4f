package checkimage.input

import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/**
 * The Kubernetes manifest reader: which images of which kinds, at which line and column, with which context.
 * Real-world files are copies of ../shared/corpus/k8s (specs/resources/k8s/corpus/SOURCES.md); the kubectl
 * outputs were made by specs/resources/k8s/kubectl/generate.sh.
 */
class ManifestReaderSpec extends Specification {

    static final Path CORPUS = Path.of('specs/resources/k8s/corpus')
    static final Path KUBECTL = Path.of('specs/resources/k8s/kubectl')

    @TempDir
    Path dir

    /** {@code line:column image (context)} for each place of {@code file}. */
    static List<String> places(Path file) {
        describe(new ManifestReader().read(file, file.fileName.toString()).images())
    }

    static List<String> parsed(String text) {
        describe(new ManifestReader().parse(text, 'm.yaml').images())
    }

    static List<String> describe(ManifestImages images) {
        images.places()*.place().collect { ImagePlace p ->
            "${p.location().line()}:${p.location().column()} ${p.text()} (${p.context()})".toString()
        }
    }

    @Unroll("#file")
    def "real-world manifests yield every pod spec's images at the line and column of the value"(String file, List<String> expected) {
        expect:
        places(CORPUS.resolve(file)) == expected

        where:
        file                                                                               || expected
        'kubernetes__website/content/en/examples/pods/init-containers.yaml'                || ['8:12 nginx (Pod init-demo, container nginx)',
                                                                                               '17:12 busybox (Pod init-demo, initContainer install)']
        'kubernetes__website/content/en/examples/controllers/frontend.yaml'                || ['21:16 us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5 (ReplicaSet frontend, container php-redis)']
        'kubernetes__website/content/en/examples/controllers/daemonset.yaml'               || ['22:16 k8s.gcr.io/fluentd-elasticsearch:1.20 (DaemonSet kube-system/fluentd-elasticsearch, container fluentd-elasticsearch)']
        'kubernetes__website/content/en/examples/application/job/cronjob.yaml'             || ['13:20 busybox (CronJob hello, container hello)']
        'kubernetes__website/content/en/examples/application/job/job-sidecar.yaml'         || ['10:18 alpine:latest (Job myjob, container myjob)',
                                                                                               '17:18 alpine:latest (Job myjob, initContainer logshipper)']
        'kubernetes__examples/web/guestbook/legacy/redis-master-controller.yaml'           || ['20:16 registry.k8s.io/redis:e2e (ReplicationController redis-master, container master)']
        'kubernetes__examples/_archived/meteor/meteor-controller.json'                     || ['22:22 chees/meteor-gke-example:latest (ReplicationController meteor-controller, container meteor)']
        'kubernetes__examples/_archived/cockroachdb/cockroachdb-statefulset.yaml'          || ['101:16 cockroachdb/cockroach-k8s-init:0.2 (StatefulSet cockroachdb, initContainer bootstrap)',
                                                                                               '128:16 cockroachdb/cockroach:v1.1.0 (StatefulSet cockroachdb, container cockroachdb)']
        'kubernetes__examples/databases/cassandra/cassandra-statefulset.yaml'              || ['21:16 gcr.io/google-samples/cassandra:v14 (StatefulSet cassandra, container cassandra)']
        'kubernetes__kubernetes/hack/testdata/list.yaml'                                   || ['32:20 nginx (Deployment list-deployment-test, container nginx)']
        'kubernetes__kubernetes/hack/testdata/multi-resource-rclist.json'                  || ['29:30 k8s.gcr.io/pause:3.6 (ReplicationController mock, container mock-container)',
                                                                                               '63:26 k8s.gcr.io/pause:3.6 (ReplicationController mock2, container mock-container)']
        'prometheus-operator__kube-prometheus/manifests/nodeExporter-daemonset.yaml'       || ['41:16 quay.io/prometheus/node-exporter:v1.12.1 (DaemonSet monitoring/node-exporter, container node-exporter)',
                                                                                               '76:16 quay.io/brancz/kube-rbac-proxy:v0.22.1 (DaemonSet monitoring/node-exporter, container kube-rbac-proxy)']
        'prometheus-operator__kube-prometheus/manifests/prometheus-prometheus.yaml'        || []
        'open-policy-agent__gatekeeper-library/library/general/disallowedtags/samples/container-image-must-not-have-latest-tag/disallowed_tag_ephemeral.yaml' ||
                ['8:14 openpolicyagent/opa:0.9.2 (Pod opa-disallowed-ephemeral, container opa)',
                 '15:14 openpolicyagent/opa:latest (Pod opa-disallowed-ephemeral, ephemeralContainer opa)']
        'open-policy-agent__gatekeeper-library/library/general/disallowedtags/samples/container-image-must-not-have-latest-tag/example_no_tag_w_port.yaml' ||
                ['8:14 openpolicyagent:443/opa (Pod opa-disallowed-4, container opa)']
        'open-policy-agent__gatekeeper-library/library/general/disallowedtags/samples/container-image-must-not-have-latest-tag/constraint.yaml' || []
    }

    def "a large kustomize-rendered install yields its 15 images, one of them in 8 places"() {
        when:
        List<ImagePlace> found = new ManifestReader()
                .read(CORPUS.resolve('argoproj__argo-cd/manifests/ha/namespace-install.yaml'), 'install.yaml')
                .images().places()*.place()

        then:
        found.size() == 15
        found.count { it.text() == 'quay.io/argoproj/argocd:latest' } == 8
        found*.location()*.line() == found*.location()*.line().sort(false)
        found.find { it.context() == 'Deployment argocd-dex-server, initContainer copyutil' }.location().toString() == 'install.yaml:2170:16'
    }

    @Unroll("kubectl #file")
    def "kubectl's own output is read: create --dry-run=client and kustomize"(String file, List<String> expected) {
        expect:
        places(KUBECTL.resolve(file)) == expected

        where:
        file                     || expected
        'deployment.yaml'        || ['22:16 nginx:1.27 (Deployment shop/web, container nginx)', '25:16 redis:7 (Deployment shop/web, container redis)']
        'deployment.json'        || ['29:34 nginx:1.27 (Deployment web, container nginx)']
        'job.yaml'               || ['12:16 ghcr.io/acme/migrate:v2 (Job migrate, container migrate)']
        'cronjob.yaml'           || ['17:20 busybox:1.36 (CronJob hello, container hello)']
        'kustomize-overlay.yaml' || ['16:16 nginx:1.27 (Deployment shop/web, container web)',
                                    '19:16 ghcr.io/acme/migrate:v2 (Deployment shop/web, initContainer migrate)']
        'secret.yaml'            || []
        'serviceaccount.yaml'    || []
    }

    @Unroll("#kind")
    def "every workload kind's pod spec is found where that kind keeps it"(String kind, String podSpecPath) {
        given:
        String yaml = "apiVersion: v1\nkind: ${kind}\nmetadata: {name: x}\n" + nest(podSpecPath.split('\\.') as List,
                'containers: [{name: c, image: "img:1"}]')

        expect:
        int depth = podSpecPath.split('\\.').size()
        parsed(yaml) == ["${4 + depth}:${2 * depth + 31} img:1 (${kind} x, container c)".toString()]

        where:
        kind                    || podSpecPath
        'Pod'                   || 'spec'
        'PodTemplate'           || 'template.spec'
        'Deployment'            || 'spec.template.spec'
        'ReplicaSet'            || 'spec.template.spec'
        'StatefulSet'           || 'spec.template.spec'
        'DaemonSet'             || 'spec.template.spec'
        'Job'                   || 'spec.template.spec'
        'ReplicationController' || 'spec.template.spec'
        'CronJob'               || 'spec.jobTemplate.spec.template.spec'
    }

    private static String nest(List<String> keys, String leaf) {
        StringBuilder out = new StringBuilder()
        keys.eachWithIndex { String key, int i -> out << '  ' * i << key << ':\n' }
        out << '  ' * keys.size() << leaf << '\n'
        out.toString()
    }

    def "items of a List and of a typed list are read; typed list items may omit their kind"() {
        given:
        String yaml = '''\
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: a, namespace: ns}
              spec: {containers: [{name: c, image: one}]}
            ---
            apiVersion: apps/v1
            kind: DeploymentList
            items:
            - metadata: {name: b}
              spec: {template: {spec: {containers: [{name: d, image: two}]}}}
            '''.stripIndent()

        expect:
        parsed(yaml) == ['7:40 one (Pod ns/a, container c)', '13:58 two (Deployment b, container d)']
    }

    def "anchors, aliases and merge keys are followed; an aliased image is reported at its anchor for each container"() {
        given:
        String yaml = '''\
            apiVersion: v1
            kind: Pod
            metadata: {name: a}
            spec:
              containers:
              - &app {name: app, image: &img "registry.example.com/app:1.0"}
              initContainers:
              - <<: *app
                name: init
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b}
            spec:
              containers:
              - &copy {name: copy, image: "registry.example.com/app:1.0"}
              initContainers:
              - *copy
            '''.stripIndent()

        expect:
        // an anchored value starts at its anchor, as SnakeYAML marks it
        parsed(yaml) == ['6:29 registry.example.com/app:1.0 (Pod a, container app)',
                         '6:29 registry.example.com/app:1.0 (Pod a, initContainer init)',
                         '16:31 registry.example.com/app:1.0 (Pod b, container copy)',
                         '16:31 registry.example.com/app:1.0 (Pod b, initContainer copy)']
    }

    @Unroll("image #value -> #problem")
    def "an image that is not a non-empty string is an invalid place at its line; the others are still read"(String value, String problem, int line) {
        given:
        String yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: bad\n    ${value}\n  - name: good\n    image: ok:1\n"

        when:
        List<ImagePlace> found = new ManifestReader().parse(yaml, 'm.yaml').images().places()*.place()

        then:
        found*.invalid()*.orElse(null) == [problem, null]
        found[0].location().line() == line
        found[1].text() == 'ok:1'

        where:
        value                     || problem                                | line
        'image: 5'                || 'the image is a number, not a string'  | 7
        'image: 1.5'              || 'the image is a number, not a string'  | 7
        'image: true'             || 'the image is a boolean, not a string' | 7
        'image: {name: nginx}'    || 'the image is a map, not a string'     | 7
        'image: [nginx]'          || 'the image is a list, not a string'    | 7
        'image: ""'               || 'the image is empty'                   | 7
        'image: "  "'             || 'the image is empty'                   | 7
        'image:'                  || 'the image is empty'                   | 7
        'image: ~'                || 'the image is empty'                   | 7
        'imagePullPolicy: Always' || 'the container has no image'           | 6
    }

    def "a quoted number is a string, as Kubernetes reads it"() {
        expect:
        parsed("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: '5'}]}\n") ==
                ["4:38 5 (Pod p, container c)"]
    }

    def "other kinds and documents that are not Kubernetes objects give verbose notes, not errors"() {
        given:
        String yaml = '''\
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            ---
            just: some config
            ---
            - a list
            ---
            '''.stripIndent()

        when:
        ManifestImages images = new ManifestReader().parse(yaml, 'm.yaml').images()

        then:
        images.places().isEmpty()
        images.notes().every { it.level() == InputNote.Level.VERBOSE }
        images.notes()*.toString() == ['m.yaml:1: Service web holds no pod spec',
                                       'm.yaml:5: document 2 is not a Kubernetes object (no apiVersion and kind); skipped',
                                       'm.yaml:7: document 3 is not a Kubernetes object (no apiVersion and kind); skipped',
                                       'm.yaml: no pod spec, no image']
        // the empty document after the last '---' is no note at all
    }

    @Unroll("#problem")
    def "a file that cannot be read as manifests is an input error naming the file and the line"(String yaml, String message) {
        when:
        new ManifestReader().parse(yaml, 'k8s/bad.yaml')

        then:
        InputException e = thrown()
        e.message == message

        where:
        problem                | yaml                                                                              || message
        'malformed YAML'       | 'apiVersion: v1\nkind: Pod\nspec: [a\n'                                           || 'k8s/bad.yaml: malformed YAML at line 4, column 1: expected \',\' or \']\', but got <stream end> (while parsing a flow sequence)'
        'containers not list'  | 'apiVersion: v1\nkind: Pod\nspec:\n  containers: {name: a}\n'                     || 'k8s/bad.yaml:4: spec.containers: expected a list, got a map'
        'container not a map'  | 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - nginx\n'                    || 'k8s/bad.yaml:5: spec.containers[0]: expected a map, got a string'
        'pod spec not a map'   | 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec: [1]\n'      || 'k8s/bad.yaml:5: spec.template.spec: expected a map, got a list'
        'duplicate key'        | 'apiVersion: v1\nkind: Pod\nkind: Pod\n'                                          || 'k8s/bad.yaml:3: kind: duplicate key \'kind\''
        'object tag'           | 'apiVersion: v1\nkind: !!javax.script.ScriptEngineManager [x]\n'                  || 'k8s/bad.yaml: malformed YAML at line 2, column 7: details withheld because the document holds secrets'
    }

    def "an alias bomb is refused by the loader's limits"() {
        given:
        StringBuilder yaml = new StringBuilder('apiVersion: v1\nkind: ConfigMap\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n')
        (1..60).each { yaml << "a${it}: &a${it} [*a${it - 1}, *a${it - 1}]\n" }

        when:
        new ManifestReader().parse(yaml.toString(), 'bomb.yaml')

        then:
        InputException e = thrown()
        e.message.startsWith('bomb.yaml: YAML refused: Number of aliases for non-scalar nodes exceeds')
    }

    def "a file larger than the YAML limit is refused without being read whole"() {
        given:
        Path big = dir.resolve('big.yaml')
        Files.writeString(big, '# ' + 'x' * (YamlLoader.MAX_BYTES + 10))

        when:
        new ManifestReader().read(big, 'big.yaml')

        then:
        InputException e = thrown()
        e.message == 'big.yaml: larger than the 4 MiB limit for YAML input'
    }

    def "a file that fails half-way contributes no image"() {
        given:
        ManifestReader reader = new ManifestReader()
        reader.parse('apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec: {containers: [{name: c, image: a}]}\n', 'good.yaml')

        when:
        reader.parse('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: b}]}\n---\n' +
                'apiVersion: v1\nkind: Pod\nspec: {containers: 7}\n', 'bad.yaml')

        then:
        thrown(InputException)
        reader.images().places()*.place()*.text() == ['a']
    }
}

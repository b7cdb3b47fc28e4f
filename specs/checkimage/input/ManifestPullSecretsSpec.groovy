package checkimage.input

import checkimage.credentials.Credential
import checkimage.credentials.PullSecretSource
import spock.lang.Specification
import spock.lang.Unroll

import java.nio.file.Path

/**
 * A pod's pull secrets come from the same manifest input, as Kubernetes resolves them: the pod's
 * imagePullSecrets, else its service account's; same namespace; only dockerconfigjson and dockercfg secrets.
 * The Secret is kubectl's own output (specs/resources/k8s/kubectl/generate.sh): namespace shop, server
 * registry.example.com, user robot.
 */
class ManifestPullSecretsSpec extends Specification {

    static final Path SECRET = Path.of('specs/resources/k8s/kubectl/secret.yaml')
    static final String PASSWORD = 'kubectl-spec-password-0451'

    static String pod(String namespace, String extra) {
        'apiVersion: v1\nkind: Pod\n' +
                "metadata: {name: app${namespace == null ? '' : ", namespace: ${namespace}"}}\n" +
                'spec:\n  containers: [{name: c, image: registry.example.com/team/app:1}]\n' + extra + '\n'
    }

    static ManifestImages read(String manifest) {
        new ManifestReader().read(SECRET, 'k8s/secret.yaml').parse(manifest, 'k8s/app.yaml').images()
    }

    def "a pod's imagePullSecrets name a Secret of the input, whose credential names the secret and where it is defined"() {
        when:
        ManifestImages images = read(pod('shop', '  imagePullSecrets: [{name: regcred}]'))
        ManifestPlace place = images.places()[0]
        Credential credential = PullSecretSource.ofManifest(place.pullSecrets())
                .lookup('registry.example.com', 'team/app')

        then:
        place.pullSecrets()*.name() == ['shop/regcred']
        credential instanceof Credential.UsernamePassword
        credential.source() == 'pull secret shop/regcred (k8s/secret.yaml:1)'
        images.notes().findAll { it.level() == InputNote.Level.WARNING }.isEmpty()
        !images.toString().contains(PASSWORD)
        !place.pullSecrets().toString().contains(PASSWORD)
    }

    @Unroll("#situation")
    def "a pull secret that is not usable is a warning at the line naming it, and the pod goes on without it"(
            String situation, String manifest, String warning) {
        when:
        ManifestImages images = read(manifest)

        then:
        images.places()*.pullSecrets() == [[]]
        images.notes().findAll { it.level() == InputNote.Level.WARNING }*.toString() == [warning]

        where:
        situation             | manifest                                                               || warning
        'not in the input'    | pod('shop', '  imagePullSecrets: [{name: other}]')                     || 'k8s/app.yaml:6: pull secret shop/other named by Pod shop/app is not in the input; its images are checked with the other credentials'
        'another namespace'   | pod('web', '  imagePullSecrets: [{name: regcred}]')                    || 'k8s/app.yaml:6: pull secret web/regcred named by Pod web/app is not in the input; its images are checked with the other credentials'
        'no namespace: default' | pod(null, '  imagePullSecrets: [{name: regcred}]')                   || 'k8s/app.yaml:6: pull secret default/regcred named by Pod app is not in the input; its images are checked with the other credentials'
        'not a pull secret'   | pod('shop', '  imagePullSecrets: [{name: token}]') +
                                '---\napiVersion: v1\nkind: Secret\nmetadata: {name: token, namespace: shop}\ntype: Opaque\n' ||
                                'k8s/app.yaml:6: secret shop/token named by Pod shop/app (k8s/app.yaml:8) is of type Opaque, not a pull secret; ignored'
    }

    def "a pod without imagePullSecrets uses its service account's, when that ServiceAccount is in the input"() {
        given:
        String accounts = '''\
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: builder, namespace: shop}
            imagePullSecrets: [{name: regcred}]
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: default, namespace: shop}
            imagePullSecrets: [{name: regcred}]
            '''.stripIndent()

        expect:
        read(pod('shop', extra) + accounts).places().collect { it.pullSecrets()*.name() } == [expected]

        where:
        extra                                                       || expected
        '  serviceAccountName: builder'                             || ['shop/regcred']
        ''                                                          || ['shop/regcred']
        '  serviceAccountName: nobody'                              || []
        // the ServiceAccount admission controller adds an account's secrets only to pods without their own
        '  serviceAccountName: builder\n  imagePullSecrets: [{name: x}]' || []
    }

    def "two pods using the same image with different secrets keep their own secrets"() {
        given:
        String manifest = pod('shop', '  imagePullSecrets: [{name: regcred}]') + '---\n' + pod('web', '')

        expect:
        read(manifest).places().collect { "${it.place().context()}: ${it.pullSecrets()*.name()}".toString() } ==
                ['Pod shop/app, container c: [shop/regcred]', 'Pod web/app, container c: []']
    }

    def "a malformed Secret that no pod names does not stop the run"() {
        given:
        String broken = '---\napiVersion: v1\nkind: Secret\nmetadata: {name: broken}\ntype: kubernetes.io/dockerconfigjson\n' +
                'data: {.dockerconfigjson: "not base64!"}\n'

        expect:
        read(pod('shop', '  imagePullSecrets: [{name: regcred}]') + broken).places().collect { it.pullSecrets()*.name() } == [['shop/regcred']]
    }

    def "a malformed Secret that a pod names is an input error that withholds its content"() {
        given:
        String broken = '---\napiVersion: v1\nkind: Secret\nmetadata: {name: broken, namespace: shop}\ntype: kubernetes.io/dockerconfigjson\n' +
                'data: {.dockerconfigjson: "c2VjcmV0LXZhbHVl!"}\n'

        when:
        read(pod('shop', '  imagePullSecrets: [{name: broken}]') + broken)

        then:
        InputException e = thrown()
        e.message == 'k8s/app.yaml:8: data[".dockerconfigjson"]: not valid base64'
    }
}

package checkimage.registries

import checkimage.reference.ImageReference
import spock.lang.Specification
import spock.lang.Unroll

/**
 * Where a reference is pulled from: prefixes match whole path segments, the longest wins, locations and mirrors
 * keep their paths, pull-from-mirror filters mirrors, and layers combine with the highest one winning.
 */
class RegistryRoutesSpec extends Specification {

    static RegistryEntry entry(String prefix, Map options = [:]) {
        new RegistryEntry(prefix, Optional.ofNullable(options.location as String).map { Location.parse(it) },
                options.insecure as boolean, options.blocked as boolean,
                (options.mirrors ?: []).collect { it instanceof Mirror ? it : Mirror.of(Location.parse(it as String)) },
                TlsFiles.none(), options.origin ?: "conf ${prefix}".toString())
    }

    static List<String> sources(RegistryRoutes routes, String reference) {
        routes.route(ImageReference.parse(reference)).sources().collect { it.reference().toString() }
    }

    @Unroll("#reference via #prefix -> #expected")
    def "a mirror keeps its path and replaces the matched prefix"(String prefix, String mirror, String reference, List<String> expected) {
        given:
        RegistryRoutes routes = new RegistryRoutes([new RegistryLayer('conf', [entry(prefix, [mirrors: [mirror]])])])

        expect:
        sources(routes, reference) == expected

        where:
        prefix                | mirror                          | reference                        | expected
        'docker.io'           | 'harbor.corp/dockerhub-proxy'   | 'nginx:1.27'                     | ['harbor.corp/dockerhub-proxy/library/nginx:1.27', 'docker.io/library/nginx:1.27']
        'docker.io'           | 'mirror.corp:5000'              | 'nginx:1.27'                     | ['mirror.corp:5000/library/nginx:1.27', 'docker.io/library/nginx:1.27']
        'registry-1.docker.io'| 'harbor.corp/hub/'              | 'alpine'                         | ['harbor.corp/hub/library/alpine:latest', 'docker.io/library/alpine:latest']
        'ghcr.io/acme'        | 'art.corp/ghcr-acme'            | 'ghcr.io/acme/app:1'             | ['art.corp/ghcr-acme/app:1', 'ghcr.io/acme/app:1']
        'ghcr.io/acme'        | 'art.corp/ghcr-acme'            | 'ghcr.io/acmex/app:1'            | ['ghcr.io/acmex/app:1']
        'ghcr.io/acme/app'    | 'art.corp/app-copy'             | 'ghcr.io/acme/app:1'             | ['art.corp/app-copy:1', 'ghcr.io/acme/app:1']
        '*.corp.example'      | 'cache.local/corp'              | 'r1.corp.example/team/app:1'     | ['cache.local/corp/team/app:1', 'r1.corp.example/team/app:1']
        '*.corp.example'      | 'cache.local/corp'              | 'corp.example/team/app:1'        | ['corp.example/team/app:1']
    }

    @Unroll("#pullFrom mirror for #reference: asked #asked")
    def "pull-from-mirror decides which references a mirror serves"(PullFrom pullFrom, String reference, boolean asked) {
        given:
        Mirror mirror = new Mirror(Location.parse('m.corp/p'), false, false, pullFrom, TlsFiles.none())
        RegistryRoutes routes = new RegistryRoutes([new RegistryLayer('conf', [entry('r.example', [mirrors: [mirror]])])])

        expect:
        routes.route(ImageReference.parse(reference)).sources().any { it.isMirror() } == asked

        where:
        pullFrom             | reference                                                                            | asked
        PullFrom.ALL         | 'r.example/a:1'                                                                      | true
        PullFrom.DIGEST_ONLY | 'r.example/a:1'                                                                      | false
        PullFrom.DIGEST_ONLY | 'r.example/a@sha256:' + 'a' * 64                                                     | true
        PullFrom.TAG_ONLY    | 'r.example/a:1'                                                                      | true
        PullFrom.TAG_ONLY    | 'r.example/a@sha256:' + 'a' * 64                                                     | false
    }

    def "the longest matching prefix wins, and a later entry for the same prefix overrides an earlier one"() {
        given:
        RegistryLayer layer = new RegistryLayer('conf', [
                entry('r.example', [mirrors: ['m1.corp']]),
                entry('r.example/team', [mirrors: ['m2.corp']]),
                entry('r.example/team', [mirrors: ['m3.corp']])])

        expect:
        sources(new RegistryRoutes([layer]), 'r.example/team/app:1')[0] == 'm3.corp/app:1'
        sources(new RegistryRoutes([layer]), 'r.example/other:1')[0] == 'm1.corp/other:1'
    }

    def "a location rewrites the registry itself, with its path"() {
        given:
        RegistryRoutes routes = new RegistryRoutes([new RegistryLayer('conf', [entry('quay.io/acme', [location: 'internal.corp/quay-acme'])])])

        when:
        Route route = routes.route(ImageReference.parse('quay.io/acme/app:2'))

        then:
        route.sources()*.reference()*.toString() == ['internal.corp/quay-acme/app:2']
        route.origin().origin() == 'conf quay.io/acme'
    }

    def "the highest layer listing mirrors decides them; insecure and blocked hold when any layer says so"() {
        given:
        RegistryLayer policy = new RegistryLayer('policy', [entry('r.example', [mirrors: ['p.corp/proxy'], origin: 'policy.groovy, line 1'])])
        RegistryLayer conf = new RegistryLayer('registries.conf', [entry('r.example', [mirrors: ['c.corp'], insecure: true, blocked: true])])

        when:
        Route route = new RegistryRoutes([policy, conf]).route(ImageReference.parse('r.example/a:1'))

        then:
        route.sources()*.reference()*.toString() == ['p.corp/proxy/a:1', 'r.example/a:1']
        route.sources()[0].origin() == 'policy.groovy, line 1'
        route.origin().insecure()
        route.blockedBy() == Optional.of('conf r.example')
    }

    def "without a matching entry the reference goes straight to its registry"() {
        expect:
        new RegistryRoutes([new RegistryLayer('conf', [entry('other.example', [blocked: true])])])
                .route(ImageReference.parse('r.example/a:1')) == Route.direct(ImageReference.parse('r.example/a:1'))
    }

    @Unroll("prefix '#prefix' is refused: #message")
    def "an impossible prefix is refused with what is wrong"(String prefix, String message) {
        when:
        entry(prefix)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains(message)

        where:
        prefix           | message
        ''               | 'empty'
        '*example.com'   | 'must look like *.example.com'
        '*.a.com/path'   | 'must look like *.example.com'
    }
}

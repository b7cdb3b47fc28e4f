package checkimage.credentials

import spock.lang.Specification
import spock.lang.Unroll

/** The registry keys of credential files and job configs, normalized to one host per registry. */
class RegistryKeysSpec extends Specification {

    @Unroll("#key -> #expected")
    def "a key is reduced to its lower-case host and port, and Docker Hub's aliases to docker.io"(String key, String expected) {
        expect:
        RegistryKeys.host(key) == expected

        where:
        key                                      || expected
        'docker.io'                              || 'docker.io'
        'index.docker.io'                        || 'docker.io'
        'registry-1.docker.io'                   || 'docker.io'
        'registry.hub.docker.com'                || 'docker.io'
        'https://index.docker.io/v1/'            || 'docker.io'
        'https://index.docker.io/v2/'            || 'docker.io'
        'HTTPS://Index.Docker.IO/v1/'            || 'docker.io'
        'http://registry-1.docker.io'            || 'docker.io'
        'index.docker.io/v1/'                    || 'docker.io'
        '  docker.io  '                          || 'docker.io'
        'ghcr.io'                                || 'ghcr.io'
        'GHCR.IO'                                || 'ghcr.io'
        'https://ghcr.io'                        || 'ghcr.io'
        'https://ghcr.io/v2/acme/app'            || 'ghcr.io'
        'localhost:5000'                         || 'localhost:5000'
        'http://localhost:5000/v2/'              || 'localhost:5000'
        'Registry.Example.com:8443/team'         || 'registry.example.com:8443'
        '[::1]:5000'                             || '[::1]:5000'
        'hub.docker.com'                         || 'hub.docker.com'
        'docker.io.example.com'                  || 'docker.io.example.com'
    }

    @Unroll("#a ~ #b -> #same")
    def "two keys name the same registry when their hosts are equal"(String a, String b, boolean same) {
        expect:
        RegistryKeys.sameRegistry(a, b) == same
        RegistryKeys.sameRegistry(b, a) == same

        where:
        a                               | b                          || same
        'https://index.docker.io/v1/'   | 'docker.io'                || true
        'registry-1.docker.io'          | 'index.docker.io'          || true
        'ghcr.io'                       | 'https://GHCR.io/'         || true
        'registry.example.com'          | 'registry.example.com:5000'|| false
        'localhost:5000'                | 'localhost:5001'           || false
        'docker.io'                     | 'ghcr.io'                  || false
        'quay.io'                       | 'quay.io.evil.example'     || false
    }
}

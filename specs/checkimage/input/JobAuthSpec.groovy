package checkimage.input

import checkimage.credentials.Secret
import spock.lang.Specification
import spock.lang.Unroll

class JobAuthSpec extends Specification {

    @Unroll("#registryUri -> #expected")
    def "a registryuri normalizes to a registry host, with Docker Hub's names as docker.io"(
            String registryUri, String expected) {
        expect:
        JobAuth.registryHostOf(registryUri) == expected

        where:
        registryUri                             || expected
        'https://index.docker.io/v1/'           || 'docker.io'
        'https://index.docker.io/v2/'           || 'docker.io'
        'index.docker.io'                       || 'docker.io'
        'docker.io'                             || 'docker.io'
        'registry-1.docker.io'                  || 'docker.io'
        'https://registry.hub.docker.com'       || 'docker.io'
        'Docker.IO/'                            || 'docker.io'
        'https://registry.example.com/v2/'      || 'registry.example.com'
        'http://registry.example.com//'         || 'registry.example.com'
        'registry.example.com/v1'               || 'registry.example.com'
        '  localhost:5000  '                    || 'localhost:5000'
        'http://127.0.0.1:5000/v2'              || '127.0.0.1:5000'
        'Registry.Example.com/Team/v2/'         || 'registry.example.com/Team'
        'registry.example.com/v3/'              || 'registry.example.com/v3'
        'https://'                              || ''
        '/v2/'                                  || ''
    }

    @Unroll("auth for #registryUri applies to #registry: #expected")
    def "an auth applies to an image's registry when no registryuri is given or the hosts match"(
            String registryUri, String registry, boolean expected) {
        given:
        JobAuth auth = new JobAuth('bot', Secret.of('pw'), Optional.ofNullable(registryUri), 'img')

        expect:
        auth.appliesTo(registry) == expected

        where:
        registryUri                          | registry               || expected
        null                                 | 'docker.io'            || true
        null                                 | 'registry.example.com' || true
        'https://index.docker.io/v1/'        | 'docker.io'            || true
        'https://registry.example.com/v2/'   | 'docker.io'            || false
        'https://registry.example.com/v2/'   | 'registry.example.com' || true
        'localhost:5000'                     | 'localhost:5000'       || true
        'localhost:5000'                     | 'localhost:5001'       || false
    }

    def "an auth prints its username and registry but never its password"() {
        given:
        JobAuth auth = new JobAuth('bot', Secret.of('pa55word'), Optional.of('docker.io'), 'img')

        expect:
        auth.toString() == 'JobAuth[username=bot, password=***, registryUri=Optional[docker.io], prerequisite=img]'
        auth.toCredential().toString() == "user 'bot' (job auth (img))"
    }
}

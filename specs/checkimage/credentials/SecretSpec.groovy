package checkimage.credentials

import spock.lang.Specification
import spock.lang.Unroll

/** A secret never shows itself by accident, and neither does a credential that holds one. */
class SecretSpec extends Specification {

    def "a secret prints as three stars, however it is turned into text"() {
        given:
        Secret secret = Secret.of('hunter2')

        expect:
        secret.toString() == '***'
        "$secret".toString() == '***'
        String.valueOf(secret) == '***'
        (secret as String) == '***'
        [secret].toString() == '[***]'
        [password: secret].toString() == '[password:***]'
    }

    def "the value leaves only through revealForHeader"() {
        expect:
        Secret.of('hunter2').revealForHeader() == 'hunter2'
    }

    @Unroll("#a == #b -> #equal")
    def "secrets are equal by value"(String a, String b, boolean equal) {
        expect:
        (Secret.of(a) == Secret.of(b)) == equal
        Secret.of(a).equals(Secret.of(b)) == equal

        where:
        a          | b          || equal
        'hunter2'  | 'hunter2'  || true
        ''         | ''         || true
        'hunter2'  | 'hunter3'  || false
        'hunter2'  | 'Hunter2'  || false
        'hunter2'  | 'hunter22' || false
        'ü'        | 'ü'        || true
        ''         | ' '        || false
    }

    def "a secret is never equal to its plain text, and equal secrets hash alike"() {
        expect:
        !Secret.of('hunter2').equals('hunter2')
        !Secret.of('hunter2').equals(null)
        Secret.of('hunter2').hashCode() == Secret.of('hunter2').hashCode()
        ([Secret.of('a'), Secret.of('a')] as Set).size() == 1
    }

    def "an empty secret says so"() {
        expect:
        Secret.of('').isEmpty()
        !Secret.of(' ').isEmpty()
    }

    def "a secret needs a value"() {
        when:
        Secret.of(null)

        then:
        NullPointerException e = thrown()
        e.message == 'value'
    }

    @Unroll("#expected")
    def "a credential prints its kind, user and source, never its secret"(Credential credential, String expected) {
        expect:
        credential.toString() == expected
        !credential.toString().contains('hunter2')
        !"$credential".contains('hunter2')

        where:
        credential                                                                        || expected
        new Credential.UsernamePassword('bob', Secret.of('hunter2'), 'docker config auths') || "user 'bob' (docker config auths)"
        new Credential.IdentityToken('bob', Secret.of('hunter2'), 'credential helper')     || 'identity token (credential helper)'
        new Credential.IdentityToken(null, Secret.of('hunter2'), 'job auth')              || 'identity token (job auth)'
        new Credential.Anonymous('docker config (no entry)')                              || 'anonymous (docker config (no entry))'
        Credential.anonymous()                                                            || 'anonymous (anonymous)'
    }

    def "credentials are equal by value, secret included"() {
        expect:
        new Credential.UsernamePassword('bob', Secret.of('hunter2'), 'job auth') ==
                new Credential.UsernamePassword('bob', Secret.of('hunter2'), 'job auth')
        new Credential.UsernamePassword('bob', Secret.of('hunter2'), 'job auth') !=
                new Credential.UsernamePassword('bob', Secret.of('hunter3'), 'job auth')
    }

    @Unroll("#component")
    def "a credential refuses a null where a value is required"(String component, Closure<Credential> construct) {
        when:
        construct()

        then:
        NullPointerException e = thrown()
        e.message == component

        where:
        component  | construct
        'username' | { new Credential.UsernamePassword(null, Secret.of('p'), 's') }
        'password' | { new Credential.UsernamePassword('bob', null, 's') }
        'source'   | { new Credential.UsernamePassword('bob', Secret.of('p'), null) }
        'token'    | { new Credential.IdentityToken('bob', null, 's') }
        'source'   | { new Credential.IdentityToken('bob', Secret.of('t'), null) }
        'source'   | { new Credential.Anonymous(null) }
    }
}

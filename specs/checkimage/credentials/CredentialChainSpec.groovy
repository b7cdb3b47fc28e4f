package checkimage.credentials

import spock.lang.Specification

/** Sources asked in order; the first that has something wins. */
class CredentialChainSpec extends Specification {

    static final Credential BOB = new Credential.UsernamePassword('bob', Secret.of('hunter2'), 'docker config auths')
    static final Credential ALICE = new Credential.UsernamePassword('alice', Secret.of('s3cr3t'), 'job auth')

    List<String> asked = []

    CredentialSource source(String name, Credential answer) {
        return { String registry, String repository ->
            asked << "$name $registry $repository".toString()
            answer
        } as CredentialSource
    }

    def "the first source that is not anonymous wins and later sources are not asked"() {
        given:
        CredentialChain chain = new CredentialChain([
                source('empty', new Credential.Anonymous('docker config (no entry)')),
                source('job', ALICE),
                source('docker', BOB)])

        when:
        Credential found = chain.lookup('ghcr.io', 'acme/app')

        then:
        found == ALICE
        asked == ['empty ghcr.io acme/app', 'job ghcr.io acme/app']
    }

    def "when every source is anonymous the answer is the plain anonymous credential"() {
        given:
        CredentialChain chain = new CredentialChain([
                source('a', new Credential.Anonymous('docker config (no entry)')),
                source('b', Credential.anonymous())])

        when:
        Credential found = chain.lookup('ghcr.io', 'acme/app')

        then:
        found == Credential.anonymous()
        found.source() == 'anonymous'
        asked.size() == 2
    }

    def "an empty chain is anonymous"() {
        expect:
        new CredentialChain([]).lookup('ghcr.io', 'acme/app') == Credential.anonymous()
    }

    def "a failing source fails the lookup, so a broken helper is never mistaken for anonymous access"() {
        given:
        CredentialChain chain = new CredentialChain([
                { String registry, String repository -> throw new CredentialException("helper failed for $registry") } as CredentialSource,
                source('docker', BOB)])

        when:
        chain.lookup('ghcr.io', 'acme/app')

        then:
        CredentialException e = thrown()
        e.message == 'helper failed for ghcr.io'
        asked == []
    }

    def "a failing source after the one that answered is never asked"() {
        given:
        CredentialChain chain = new CredentialChain([
                source('docker', BOB),
                { String registry, String repository -> throw new CredentialException('broken') } as CredentialSource])

        expect:
        chain.lookup('ghcr.io', 'acme/app') == BOB
    }

    def "the chain keeps its own copy of the sources"() {
        given:
        List<CredentialSource> sources = [source('docker', BOB)]
        CredentialChain chain = new CredentialChain(sources)

        when:
        sources.add(0, source('job', ALICE))

        then:
        chain.lookup('ghcr.io', 'acme/app') == BOB
    }

    def "the anonymous source always answers anonymous"() {
        expect:
        CredentialSource.anonymous().lookup('ghcr.io', 'acme/app') == Credential.anonymous()
    }
}

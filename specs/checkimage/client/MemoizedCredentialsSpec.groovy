package checkimage.client

import checkimage.credentials.Credential
import checkimage.credentials.CredentialException
import checkimage.credentials.CredentialSource
import checkimage.credentials.Secret
import spock.lang.Specification

import java.util.concurrent.CompletableFuture
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/** A checker asks its credential source once per registry and repository, and a slow answer holds up no other. */
class MemoizedCredentialsSpec extends Specification {

    static final Credential BOB = new Credential.UsernamePassword('bob', Secret.of('hunter2'), 'spec')

    def "a slow lookup for one registry does not hold up a lookup for another"() {
        given: "'Aa' and 'BB' hash alike, so under computeIfAbsent the second lookup would wait for the first"
        assert 'Aa/app'.hashCode() == 'BB/app'.hashCode()
        CountDownLatch slowStarted = new CountDownLatch(1)
        CountDownLatch release = new CountDownLatch(1)
        CredentialSource source = { String registry, String repository ->
            if (registry == 'Aa') {
                slowStarted.countDown()
                release.await(10, TimeUnit.SECONDS)
            }
            BOB
        } as CredentialSource
        MemoizedCredentials memoized = new MemoizedCredentials(source)

        when:
        CompletableFuture<Credential> slow = CompletableFuture.supplyAsync { memoized.lookup('Aa', 'app') }
        slowStarted.await(5, TimeUnit.SECONDS)
        CompletableFuture<Credential> other = CompletableFuture.supplyAsync { memoized.lookup('BB', 'app') }

        then:
        other.get(5, TimeUnit.SECONDS) == BOB
        !slow.done

        cleanup:
        release.countDown()
    }

    def "concurrent lookups of one repository ask the source once and all get its answer"() {
        given:
        AtomicInteger asked = new AtomicInteger()
        CountDownLatch release = new CountDownLatch(1)
        MemoizedCredentials memoized = new MemoizedCredentials({ String registry, String repository ->
            asked.incrementAndGet()
            release.await(10, TimeUnit.SECONDS)
            BOB
        } as CredentialSource)

        when:
        List<CompletableFuture<Credential>> lookups = (1..4).collect {
            CompletableFuture.supplyAsync { memoized.lookup('ghcr.io', 'acme/app') }
        }
        Thread.start { Thread.sleep(100); release.countDown() }

        then:
        lookups.collect { it.get(5, TimeUnit.SECONDS) } == [BOB] * 4
        asked.get() == 1
    }

    def "a failed lookup is remembered and thrown again without asking the source"() {
        given:
        AtomicInteger asked = new AtomicInteger()
        MemoizedCredentials memoized = new MemoizedCredentials({ String registry, String repository ->
            asked.incrementAndGet()
            throw new CredentialException('helper docker-credential-broken failed')
        } as CredentialSource)

        when:
        memoized.lookup('ghcr.io', 'acme/app')

        then:
        thrown(CredentialException)

        when:
        memoized.lookup('ghcr.io', 'acme/app')

        then:
        CredentialException again = thrown()
        again.message.contains('docker-credential-broken')
        asked.get() == 1
    }

    def "a bug in the source is thrown to the caller and not remembered"() {
        given:
        AtomicInteger asked = new AtomicInteger()
        MemoizedCredentials memoized = new MemoizedCredentials({ String registry, String repository ->
            if (asked.incrementAndGet() == 1) {
                throw new IllegalStateException('bug')
            }
            BOB
        } as CredentialSource)

        when:
        memoized.lookup('ghcr.io', 'acme/app')

        then:
        thrown(IllegalStateException)

        when:
        Credential second = memoized.lookup('ghcr.io', 'acme/app')

        then:
        second == BOB
        asked.get() == 2
    }
}

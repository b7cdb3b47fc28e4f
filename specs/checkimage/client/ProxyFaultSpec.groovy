package checkimage.client

import checkimage.result.Cause
import checkimage.result.CheckOutcome
import checkimage.result.CheckResult
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.atomic.AtomicInteger

/**
 * Proxies that misbehave, played by hand-written servers: a 407 to a plain-HTTP request and a proxy that
 * resets every connection. Neither may ever look like missing or auth rejected.
 */
class ProxyFaultSpec extends Specification {

    @AutoCleanup
    FaultServer proxy = new FaultServer()

    ImageChecker checker(String proxyUrl, String registry, boolean plain) {
        ProxyRules rules = ProxyRules.fromEnvironment(plain ? [HTTP_PROXY: proxyUrl] : [HTTPS_PROXY: proxyUrl], [:])
        ImageCheckerBuilder builder = ImageChecker.builder().proxies(rules).timeout(Duration.ofSeconds(5))
                .retry(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(50)))
        if (plain) {
            builder.plainHttp(registry)
        }
        builder.build()
    }

    def "a 407 to a plain-HTTP request is unknown with cause proxy, naming the proxy and the registry"() {
        given:
        proxy.on('GET /v2/') { exchange, int n ->
            FaultServer.respond(exchange, 407, ['Proxy-Authenticate': 'Basic realm="corp"'], 'proxy auth required')
        }

        when:
        CheckResult result = checker("http://${proxy.host}", 'registry.test:5000', true).withCloseable {
            it.check('registry.test:5000/team/app:1')
        }

        then:
        result.kind() == CheckOutcome.Kind.UNKNOWN
        (result.outcome() as CheckOutcome.Unknown).cause() == Cause.PROXY
        result.outcome().reason().contains("proxy http://${proxy.host} answered 407")
        result.outcome().reason().contains('registry.test:5000')
        result.proxy() == "http://${proxy.host}".toString()
    }

    def "a proxy credential refused with a 407 is never shown"() {
        given:
        proxy.on('GET /v2/') { exchange, int n -> FaultServer.respond(exchange, 407, ['Proxy-Authenticate': 'Basic realm="corp"']) }

        when:
        CheckResult result = checker("http://dave:hunter2-proxy@${proxy.host}", 'registry.test:5000', true).withCloseable {
            it.check('registry.test:5000/team/app:1')
        }

        then:
        (result.outcome() as CheckOutcome.Unknown).cause() == Cause.PROXY
        result.outcome().reason().contains('it rejected the proxy credentials')
        !result.toString().contains('hunter2')
        !result.proxy().contains('hunter2')
    }

    def "a proxy that resets every connection is unknown with cause proxy, after retries"() {
        given:
        AtomicInteger accepted = new AtomicInteger()
        ServerSocket resetting = new ServerSocket(0, 50, InetAddress.getByName('127.0.0.1'))
        Thread.start {
            while (!resetting.closed) {
                try {
                    Socket socket = resetting.accept()
                    accepted.incrementAndGet()
                    socket.setSoLinger(true, 0)
                    socket.inputStream.read(new byte[64])
                    socket.close()
                } catch (IOException ignored) {
                    // closed at the end of the feature
                }
            }
        }

        when:
        CheckResult result = checker("http://127.0.0.1:${resetting.localPort}", 'registry.test', false).withCloseable {
            it.check('registry.test/team/app:1')
        }

        then:
        result.kind() == CheckOutcome.Kind.UNKNOWN
        (result.outcome() as CheckOutcome.Unknown).cause() == Cause.PROXY
        result.outcome().reason().contains("through proxy http://127.0.0.1:${resetting.localPort}")
        accepted.get() >= 2

        cleanup:
        resetting?.close()
    }
}

package checkimage.client

import checkimage.result.Cause
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** The per-host pace: a token bucket of one request on the checker's clock; a fake clock and sleeper, no sleeps. */
class RequestPacerSpec extends Specification {

    MutableClock clock = new MutableClock(Instant.parse('2026-12-02T10:00:00Z'))
    List<Duration> slept = []
    RequestSender.Sleeper sleeper = { Duration d -> slept << d; clock.advance(d) } as RequestSender.Sleeper
    Deadline later = Deadline.after(Duration.ofMinutes(1))

    RequestPacer pacer(Map<String, Double> rates) {
        new RequestPacer(new RequestPace(rates), clock, sleeper)
    }

    def "requests to a paced host are spread one interval apart"() {
        given:
        RequestPacer pacer = pacer(['r.example': 4d])

        when:
        4.times { pacer.acquire('r.example', later) }

        then:
        slept == [Duration.ofMillis(250)] * 3
    }

    def "an idle host may be asked at once again, and other hosts are not paced"() {
        given:
        RequestPacer pacer = pacer(['r.example': 2d])

        when:
        pacer.acquire('r.example', later)
        clock.advance(Duration.ofSeconds(5))
        pacer.acquire('R.EXAMPLE', later)
        10.times { pacer.acquire('other.example', later) }

        then:
        slept.empty
    }

    def "docker.io's pace applies to Docker Hub's API host"() {
        given:
        RequestPacer pacer = pacer(['docker.io': 1d])

        when:
        2.times { pacer.acquire('registry-1.docker.io', later) }

        then:
        slept == [Duration.ofSeconds(1)]
    }

    def "a wait past the image's deadline is a timeout, not a hang"() {
        given:
        RequestPacer pacer = pacer(['r.example': 0.01d])
        pacer.acquire('r.example', later)

        when:
        pacer.acquire('r.example', Deadline.after(Duration.ofSeconds(5)))

        then:
        TransportException e = thrown()
        e.kind() == Cause.TIMEOUT
        e.message.contains('r.example')
        slept.empty
    }
}

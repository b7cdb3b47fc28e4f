package checkimage.cli

import picocli.CommandLine
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Duration

/** --timeout reads the shared duration grammar and reports a bad value as a picocli conversion error. */
class TimeoutOptionSpec extends Specification {

    DurationConverter converter = new DurationConverter()

    @Unroll("--timeout #input -> #expected")
    def "--timeout takes every form of the duration grammar"(String input, Duration expected) {
        expect:
        converter.convert(input) == expected

        where:
        input   || expected
        '500ms' || Duration.ofMillis(500)
        '10s'   || Duration.ofSeconds(10)
        '1.5m'  || Duration.ofSeconds(90)
        '2h'    || Duration.ofHours(2)
        '30'    || Duration.ofSeconds(30)
    }

    @Unroll("--timeout #input -> #message")
    def "a bad --timeout is a conversion error that names the input and the accepted forms"(String input, String message) {
        when:
        converter.convert(input)

        then:
        CommandLine.TypeConversionException e = thrown()
        e.message == message

        where:
        input  || message
        'soon' || "'soon' is not a duration; use a number and a unit: 500ms, 10s, 1.5m, 2h, or plain seconds like 30"
        '0s'   || "'0s' is not a positive duration; use a number and a unit: 500ms, 10s, 1.5m, 2h, or plain seconds like 30"
        '2d'   || "'2d' is not a duration; use a number and a unit: 500ms, 10s, 1.5m, 2h, or plain seconds like 30"
        '25h'  || "'25h' is longer than the 24h limit"
    }
}

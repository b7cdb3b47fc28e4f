package checkimage.cli

import checkimage.client.Deadline
import picocli.CommandLine
import spock.lang.PendingFeature
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Duration

/** --timeout: 500ms, 10s, 2m or plain seconds, always positive. */
class DurationParserSpec extends Specification {

    DurationParser parser = new DurationParser()

    @Unroll("#input -> #expected")
    def "a duration is milliseconds, seconds, minutes or plain seconds"(String input, Duration expected) {
        expect:
        parser.convert(input) == expected

        where:
        input      || expected
        '500ms'    || Duration.ofMillis(500)
        '1ms'      || Duration.ofMillis(1)
        '10s'      || Duration.ofSeconds(10)
        '2m'       || Duration.ofMinutes(2)
        '90m'      || Duration.ofMinutes(90)
        '30'       || Duration.ofSeconds(30)
        '1.5s'     || Duration.ofMillis(1500)
        '0.5'      || Duration.ofMillis(500)
        '0.001'    || Duration.ofMillis(1)
        '0.0015s'  || Duration.ofMillis(2)
        ' 10s '    || Duration.ofSeconds(10)
        '10S'      || Duration.ofSeconds(10)
        '250MS'    || Duration.ofMillis(250)
        '3M'       || Duration.ofMinutes(3)
        '+5s'      || Duration.ofSeconds(5)
        '3600'     || Duration.ofHours(1)
    }

    @Unroll("#input -> #message")
    def "anything else is rejected with a message naming the input"(String input, String message) {
        when:
        parser.convert(input)

        then:
        CommandLine.TypeConversionException e = thrown()
        e.message == "'$input' $message"

        where:
        input         || message
        ''            || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        '   '         || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        'abc'         || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        's'           || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        'ms'          || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        'm'           || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        '10h'         || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        '10sec'       || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        '10 minutes'  || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        '1m30s'       || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        '10.5ms'      || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        '1,5s'        || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        'PT10S'       || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        '0'           || 'is not a positive duration'
        '0s'          || 'is not a positive duration'
        '0ms'         || 'is not a positive duration'
        '0m'          || 'is not a positive duration'
        '-5s'         || 'is not a positive duration'
        '-1'          || 'is not a positive duration'
        '-100ms'      || 'is not a positive duration'
        '0.0001s'     || 'is not a positive duration'
        'NaN'         || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
        'Infinity'    || 'is not a duration; use e.g. 500ms, 10s, 2m or 30'
    }

    @Unroll("#input -> rejected")
    def "a unit it does not know is rejected rather than read as seconds"(String input) {
        when:
        parser.convert(input)

        then:
        thrown(CommandLine.TypeConversionException)

        where:
        input << ['10d', '2D', '5f', '1.5F']
    }

    @Unroll("#input -> rejected")
    def "a timeout too long to be a deadline is rejected"(String input) {
        when:
        Deadline.after(parser.convert(input))

        then:
        thrown(CommandLine.TypeConversionException)

        where:
        input << ['1e300', '1e300s', '10000000000s', '307445734561825861m']
    }
}

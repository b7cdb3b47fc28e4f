package checkimage.units

import spock.lang.Specification
import spock.lang.Unroll

import java.time.Duration

/**
 * The one duration grammar of --timeout and the DSL's limits { timeout }: a number (fraction allowed except with
 * ms) and a unit ms, s, m or h, plain seconds without one, positive, at most 24 h.
 */
class DurationParserSpec extends Specification {

    static final String FORMS = 'use a number and a unit: 500ms, 10s, 1.5m, 2h, or plain seconds like 30'

    DurationParser parser = new DurationParser()

    @Unroll("#input -> #expected")
    def "a duration is milliseconds, seconds, minutes, hours or plain seconds"(String input, Duration expected) {
        expect:
        parser.parse(input) == expected

        where:
        input      || expected
        '500ms'    || Duration.ofMillis(500)
        '1ms'      || Duration.ofMillis(1)
        '10s'      || Duration.ofSeconds(10)
        '2m'       || Duration.ofMinutes(2)
        '90m'      || Duration.ofMinutes(90)
        '1h'       || Duration.ofHours(1)
        '24h'      || Duration.ofHours(24)
        '1.5h'     || Duration.ofMinutes(90)
        '30'       || Duration.ofSeconds(30)
        '1.5s'     || Duration.ofMillis(1500)
        '1.5m'     || Duration.ofSeconds(90)
        '0.5'      || Duration.ofMillis(500)
        '0.001'    || Duration.ofMillis(1)
        '0.0015s'  || Duration.ofMillis(2)
        ' 10s '    || Duration.ofSeconds(10)
        '10S'      || Duration.ofSeconds(10)
        '250MS'    || Duration.ofMillis(250)
        '3M'       || Duration.ofMinutes(3)
        '2H'       || Duration.ofHours(2)
        '+5s'      || Duration.ofSeconds(5)
        '3600'     || Duration.ofHours(1)
        '86400'    || Duration.ofDays(1)
    }

    @Unroll("#input -> #message")
    def "anything else is rejected with one message naming the input and the accepted forms"(String input, String message) {
        when:
        parser.parse(input)

        then:
        InvalidQuantityException e = thrown()
        e.message == "'$input' $message"
        e.input() == input

        where:
        input         || message
        ''            || "is not a duration; $FORMS"
        '   '         || "is not a duration; $FORMS"
        'abc'         || "is not a duration; $FORMS"
        's'           || "is not a duration; $FORMS"
        'ms'          || "is not a duration; $FORMS"
        'm'           || "is not a duration; $FORMS"
        '10sec'       || "is not a duration; $FORMS"
        '10 s'        || "is not a duration; $FORMS"
        '10 minutes'  || "is not a duration; $FORMS"
        '1m30s'       || "is not a duration; $FORMS"
        '10.5ms'      || "is not a duration; $FORMS"
        '1,5s'        || "is not a duration; $FORMS"
        '.5s'         || "is not a duration; $FORMS"
        '5.s'         || "is not a duration; $FORMS"
        'PT10S'       || "is not a duration; $FORMS"
        'NaN'         || "is not a duration; $FORMS"
        'Infinity'    || "is not a duration; $FORMS"
        '1e3'         || "is not a duration; $FORMS"
        '0'           || "is not a positive duration; $FORMS"
        '0s'          || "is not a positive duration; $FORMS"
        '0ms'         || "is not a positive duration; $FORMS"
        '0m'          || "is not a positive duration; $FORMS"
        '0h'          || "is not a positive duration; $FORMS"
        '-5s'         || "is not a positive duration; $FORMS"
        '-1'          || "is not a positive duration; $FORMS"
        '-100ms'      || "is not a positive duration; $FORMS"
        '0.0001s'     || "is not a positive duration; $FORMS"
        '25h'         || 'is longer than the 24h limit'
        '86401'       || 'is longer than the 24h limit'
        '1441m'       || 'is longer than the 24h limit'
        '999999999999h' || 'is longer than the 24h limit'
    }

    def "a missing text is rejected like an empty one"() {
        when:
        parser.parse(null)

        then:
        InvalidQuantityException e = thrown()
        e.message == "'' is not a duration; $FORMS"
    }

    @Unroll("#input -> rejected, not read as seconds")
    def "a unit it does not know is rejected rather than read as seconds"(String input) {
        when:
        parser.parse(input)

        then:
        InvalidQuantityException e = thrown()
        e.message.startsWith("'$input' is not a duration")

        where:
        input << ['10d', '2D', '5f', '1.5F', '1w', '10us', '10ns']
    }
}

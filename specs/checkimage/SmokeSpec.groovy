package checkimage

import spock.lang.Specification

class SmokeSpec extends Specification {
    def "the build runs specs"() {
        expect:
        1 + 1 == 2
    }
}

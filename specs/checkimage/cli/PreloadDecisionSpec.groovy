package checkimage.cli

import spock.lang.Specification
import spock.lang.Unroll

/** Which invocations preload TLS and HttpClient classes on a second thread (Main, TransportPreloader). */
class PreloadDecisionSpec extends Specification {

    @Unroll("#args -> #expected")
    def "only an invocation that may make a request preloads the classes of one"(List<String> args, boolean expected) {
        expect:
        Main.mayConnect(args as String[]) == expected

        where:
        args                              | expected
        ['nginx:1.27']                    | true
        ['--file', 'images.txt', '-q']    | true
        ['--job', 'job.yaml']             | true
        []                                | true
        ['--offline', 'nginx']            | false
        ['nginx', '--offline']            | false
        ['--help']                        | false
        ['-h']                            | false
        ['--version']                     | false
        ['-V']                            | false
    }
}

package checkimage.cli

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

import checkimage.cli.BootstrapRunner.Run
import static java.nio.charset.StandardCharsets.UTF_8

/**
 * Runs {@code scripts/jbang} as a separate process, the way operators do, on a tiny script written into a
 * temporary directory, with a temporary home and no {@code jbang} on the PATH ({@link BootstrapRunner}).
 * The launch cache has its own spec, {@link LaunchCacheSpec}.
 *
 * <p>The first run resolves JBang with Maven (from the local repository once it is there) and JBang compiles
 * the probe script once, hence the generous time bound.
 */
class JbangBootstrapSpec extends Specification {

    static final String PROBE = '''\
        //JAVA 17+
        import java.io.IOException;

        /** exit N: exits with N; args A...: prints each argument in brackets; stdin: copies stdin. */
        public class Probe {
            public static void main(String... args) throws IOException {
                switch (args[0]) {
                    case "exit" -> System.exit(Integer.parseInt(args[1]));
                    case "args" -> {
                        for (int i = 1; i < args.length; i++) {
                            System.out.println("[" + args[i] + "]");
                        }
                    }
                    case "stdin" -> System.in.transferTo(System.out);
                    default -> throw new IllegalArgumentException(args[0]);
                }
            }
        }
        '''.stripIndent()

    @Shared
    @TempDir
    Path workDir

    @Shared
    Path bootstrap = BootstrapRunner.BOOTSTRAP

    @Shared
    BootstrapRunner runner

    @Shared
    Path probe

    def setupSpec() {
        runner = new BootstrapRunner(Files.createDirectories(workDir.resolve('home')), workDir)
        probe = workDir.resolve('Probe.java')
        Files.writeString(probe, PROBE)
    }

    @Unroll("a script ending with System.exit(#code) makes the bootstrap exit with #code")
    def "the exit code of the script is the exit code of the bootstrap"(int code) {
        when:
        Run run = jbang(['exit', code as String])

        then:
        run.exitCode == code

        where:
        code << [0, 3, 42]
    }

    def "arguments reach the script unchanged, spaces, quotes and shell characters included"() {
        given: 'no empty argument: JBang 0.132.1 itself drops those from the command line it prints'
        List<String> arguments = ['two words', "it's", '"double"', '*', '$HOME', 'a;b|c&&d', '`id`',
                                  'back\\slash', 'line one\nline two', '--flag=x y']

        when:
        Run run = jbang(['args'] + arguments)

        then:
        run.exitCode == 0
        run.stdout == arguments.collect { "[$it]\n" }.join()
    }

    def "stdin reaches the script"() {
        when:
        Run run = jbang(['stdin'], [:], 'first line\nsecond line\n')

        then:
        run.exitCode == 0
        run.stdout == 'first line\nsecond line\n'
    }

    def "what JBang prints itself reaches stdout when there is nothing to run"() {
        when:
        Run run = execute([bootstrap.toString(), 'version'], [:], '')

        then:
        run.exitCode == 0
        run.stdout.matches(/\d+\.\d+\.\d+\n/)
    }

    def "a JBang error keeps JBang's exit code and message"() {
        when:
        Run run = execute([bootstrap.toString(), 'Missing.java'], [:], '')

        then:
        run.exitCode == 2
        run.stderr.contains('Missing.java')
    }

    def "the bootstrap works from another directory and through a relative symlink"() {
        given:
        Path bin = Files.createDirectories(workDir.resolve('link bin'))
        Path link = bin.resolve('jb')
        Files.deleteIfExists(link)
        Files.createSymbolicLink(link, bin.relativize(bootstrap))

        when:
        Run run = execute([link.toString(), probe.toString(), 'exit', '5'], [:], '')

        then:
        run.exitCode == 5
    }

    def "a real jbang on the PATH runs instead of the bootstrap, with every argument"() {
        given:
        Path fakeBin = Files.createDirectories(workDir.resolve('fake bin'))
        BootstrapRunner.executable(fakeBin.resolve('jbang'), '''\
            #!/bin/sh
            for argument in "$@"; do printf '[%s]\\n' "$argument"; done
            exit 7
            '''.stripIndent())

        when:
        Run run = jbang(['args', 'a b'], [PATH: "$fakeBin:${BootstrapRunner.pathWithoutJbang()}".toString()])

        then:
        run.exitCode == 7
        run.stdout == "[$probe]\n[args]\n[a b]\n"
    }

    def "a link to the bootstrap on the PATH is not mistaken for a real jbang"() {
        given:
        Path selfBin = Files.createDirectories(workDir.resolve('self bin'))
        Path link = selfBin.resolve('jbang')
        Files.deleteIfExists(link)
        Files.createSymbolicLink(link, bootstrap)

        when:
        Run run = execute(['/bin/sh', '-c', 'exec jbang "$@"', 'sh', probe.toString(), 'exit', '6'],
                [PATH: "$selfBin:${BootstrapRunner.pathWithoutJbang()}".toString()], '')

        then:
        run.exitCode == 6
    }

    private Run jbang(List<String> arguments, Map<String, String> environment = [:], String stdin = '') {
        runner.run([probe.toString()] + arguments, environment, stdin)
    }

    private Run execute(List<String> command, Map<String, String> environment, String stdin) {
        Process process = runner.startCommand(command, environment)
        process.outputStream.withStream { it.write(stdin.getBytes(UTF_8)) }
        runner.finish(process)
    }
}

package checkimage.cli

import checkimage.cli.BootstrapRunner.Run
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime

import static java.util.concurrent.TimeUnit.SECONDS

/**
 * The launch cache of {@code scripts/jbang FILE.java}: the command JBang printed, kept under a fingerprint of the
 * sources and exec'd directly while they are unchanged, and the class-data cache of a {@code //CDS} script (a
 * static archive before JDK 25, JDK 25's AOT cache from then on) trained by its first launches. Each feature
 * uses a script in a directory of its own; all run with a temporary home ({@link BootstrapRunner}).
 */
class LaunchCacheSpec extends Specification {

    static final String EDIT_PROBE = '''\
        //JAVA 17+
        //SOURCES greet/Greeting.java

        public class CLASS {
            public static void main(String... args) {
                System.out.println(greet.Greeting.TEXT);
            }
        }
        '''.stripIndent()

    static final String CDS_PROBE = '''\
        //JAVA 17+
        //CDS
        //JAVA_OPTIONS -Xshare:auto -Xlog:cds*=off

        /**
         * tls: also loads JSSE (some 700 classes more) and a nested class of its own.
         * wait FILE: creates FILE, then reads stdin to its end (a launch that is surely running).
         */
        public class CLASS {
            public static void main(String... args) throws Exception {
                if (args.length > 0 && args[0].equals("tls")) {
                    javax.net.ssl.SSLContext.getInstance("TLS");
                    System.out.println("tls " + Extra.class.getSimpleName());
                }
                if (args.length > 1 && args[0].equals("wait")) {
                    java.nio.file.Files.createFile(java.nio.file.Path.of(args[1]));
                    System.in.readAllBytes();
                }
                System.out.println("cds probe");
            }

            static final class Extra {
            }
        }
        '''.stripIndent()

    @Shared
    @TempDir
    Path workDir

    @Shared
    BootstrapRunner runner

    def setupSpec() {
        runner = new BootstrapRunner(Files.createDirectories(workDir.resolve('home')), workDir)
    }

    def "editing a source file makes the next run use the new code, even when its size and time stay the same"() {
        given: 'a script whose text comes from one of its //SOURCES'
        Path script = editProbe('EditSeen')
        Path greeting = script.resolveSibling('greet/Greeting.java')

        expect:
        runner.run([script.toString()]).stdout == 'hello-v1\n'
        runner.run([script.toString()]).stdout == 'hello-v1\n'

        when: 'the source is edited in place, keeping its size and its modification time'
        FileTime before = Files.getLastModifiedTime(greeting)
        Files.writeString(greeting, Files.readString(greeting).replace('hello-v1', 'hello-v2'))
        Files.setLastModifiedTime(greeting, before)

        then:
        runner.run([script.toString()]).stdout == 'hello-v2\n'
    }

    def "a damaged launch-cache entry is built again, and nothing in it is run"() {
        given: 'a script with a cache entry'
        Path script = editProbe('Damaged')
        assert runner.run([script.toString()]).stdout == 'hello-v1\n'
        Path entry = entryFile(script)
        Path marker = workDir.resolve('damaged-entry-ran')

        when: 'the entry is overwritten with a command of someone else\'s'
        Files.writeString(entry, "0 0\n/bin/sh -c 'touch ${marker}' \$(touch ${marker})\n")
        Run run = runner.run([script.toString()])

        then: 'the script runs and its entry is whole again'
        run.exitCode == 0
        run.stdout == 'hello-v1\n'
        !Files.exists(marker)
        runner.entry(script).contains('-classpath ')

        when: 'the entry is cut short, as a full disk leaves it'
        String whole = Files.readString(entry)
        Files.writeString(entry, whole.substring(0, whole.length() - 12))

        then:
        runner.run([script.toString()]).stdout == 'hello-v1\n'
        Files.readString(entry) == whole
    }

    def "a find without GNU -printf, as on macOS and the BSDs, still fingerprints the sources"() {
        given: 'a find that rejects -printf, on the PATH'
        Path bin = shim('bsd-find', 'find', """\
            #!/bin/sh
            for argument in "\$@"; do
              if [ "\$argument" = -printf ]; then echo "find: -printf: unknown primary or operator" >&2; exit 1; fi
            done
            exec ${realFind()} "\$@"
            """)
        Path script = editProbe('BsdFind')
        Map<String, String> env = [PATH: "${bin}:${BootstrapRunner.pathWithoutJbang()}".toString()]

        when:
        Run first = runner.run([script.toString()], env)
        int entries = runner.entries().size()
        Run warm = runner.run([script.toString()], env)
        edit(script)
        Run edited = runner.run([script.toString()], env)

        then: 'the cache is used, and an edit is seen'
        [first, warm]*.stdout == ['hello-v1\n', 'hello-v1\n']
        runner.entry(script)
        runner.entries().size() == entries + 1
        edited.stdout == 'hello-v2\n'
        ![first, warm, edited].any { it.stderr.contains('find:') }
    }

    @Unroll("when #why, no launch-cache entry is read or written and every run goes through JBang")
    def "the launch cache fails closed when the fingerprint cannot be computed"(String why, String tool, String body) {
        given:
        Path bin = shim("broken-${tool}-${why.hashCode()}", tool, "#!/bin/sh\n${body}\n")
        Path script = editProbe("Closed${Math.abs(why.hashCode())}")
        Map<String, String> env = [PATH: "${bin}:${BootstrapRunner.pathWithoutJbang()}".toString()]
        Set<Path> before = runner.entries() as Set

        when:
        Run first = runner.run([script.toString()], env)
        edit(script)
        Run edited = runner.run([script.toString()], env)

        then:
        [first, edited]*.exitCode == [0, 0]
        first.stdout == 'hello-v1\n'
        edited.stdout == 'hello-v2\n'
        runner.entries() as Set == before

        where:
        why                                 | tool    | body
        'find fails'                        | 'find'  | 'echo "find: unknown option" >&2; exit 1'
        'find prints nothing'               | 'find'  | 'exit 0'
        'find finds only part of the files' | 'find'  | 'echo "1 1 /nowhere/Other.java"'
        'cksum fails'                       | 'cksum' | 'exit 1'
    }

    def "a //CDS script gets a class-data cache trained by its first launches, which warm runs map"() {
        given: 'a //CDS script in a directory of its own'
        Path script = cdsProbe('CdsTrained')

        when: 'the first launch runs without JSSE, the second with it'
        Run first = runner.run([script.toString()])
        Run second = runner.run([script.toString(), 'tls'])
        Path cache = BootstrapRunner.cacheOf(runner.entry(script))

        then: 'the cache exists, and a training launch prints nothing of its own'
        [first, second]*.exitCode == [0, 0]
        second.stdout == 'tls Extra\ncds probe\n'
        second.stderr == ''
        Files.exists(cache)

        when: 'a later run logs where its classes come from'
        runner.run([script.toString()])
        Run warm = runner.run([script.toString(), 'tls'], [JAVA_TOOL_OPTIONS: '-Xlog:class+load=info'])

        then: 'the script\'s classes and the JSSE ones come from the cache'
        warm.exitCode == 0
        warm.stdout.contains('tls Extra')
        warm.stdout.contains('CdsTrained source: shared objects file')
        warm.stdout.contains('CdsTrained$Extra source: shared objects file')
        warm.stdout.contains('sun.security.ssl.SSLContextImpl source: shared objects file')
    }

    def "on JDK 25 or newer the class-data cache is JDK 25's AOT cache, before it a static archive"() {
        given:
        Path script = cdsProbe('CdsKind')

        when:
        Run run = runner.run([script.toString()])
        String command = runner.entry(script)

        then:
        run.exitCode == 0
        if (BootstrapRunner.javaFeature(command) >= 25) {
            assert command =~ /-XX:AOTCache=\S+\.aot /
            assert !command.contains('-Xshare') && !command.contains('SharedArchiveFile')
        } else {
            assert command =~ /-XX:SharedArchiveFile=\S+\.jsa /
            assert !command.contains('AOTCache')
        }
    }

    def "a class-data cache older than the script's jar is built again"() {
        given: 'a trained //CDS script'
        Path script = cdsProbe('CdsStale')
        4.times { assert runner.run([script.toString()]).exitCode == 0 }
        String cached = runner.entry(script)
        Path cache = BootstrapRunner.cacheOf(cached)
        Path jar = Path.of((cached =~ /-classpath (\S+?\.jar)/)[0][1] as String)

        when: 'the jar is rewritten after the cache (as jbang export does)'
        Files.setLastModifiedTime(cache, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000))
        long stale = Files.getLastModifiedTime(cache).toMillis()
        Run rebuilt = runner.run([script.toString()])

        then: 'the stale cache is replaced by a fresh one'
        rebuilt.exitCode == 0
        rebuilt.stdout.contains('cds probe')
        Files.exists(cache)
        Files.getLastModifiedTime(cache).toMillis() > stale
    }

    def "concurrent training launches each count once"() {
        given: 'a //CDS script after its first launch'
        Path script = cdsProbe('CdsConcurrent')
        assert runner.run([script.toString()]).exitCode == 0
        Path launched = Path.of("${BootstrapRunner.cacheOf(runner.entry(script))}.launched")
        assert count(launched) == 1

        when: 'three more launches run at the same time, all of them past the bootstrap\'s checks'
        List<Path> ready = (1..3).collect { workDir.resolve("concurrent-ready-$it") }
        List<Process> processes = ready.collect { runner.start([script.toString(), 'wait', it.toString()]) }
        waitFor(ready)
        processes.each { it.outputStream.close() }
        List<Run> runs = processes.collect { runner.finish(it) }

        then: 'each finished normally and left exactly one count'
        runs*.exitCode == [0, 0, 0]
        runs*.stdout == ['cds probe\n'] * 3
        count(launched) == 4

        when: 'the cache is trained: a later launch is no training launch'
        Run warm = runner.run([script.toString()])

        then:
        warm.stdout == 'cds probe\n'
        Files.exists(BootstrapRunner.cacheOf(runner.entry(script)))
        count(launched) == 4
    }

    def "a script without //CDS gets no class-data cache"() {
        given:
        Path script = editProbe('NoCds')

        when:
        Run run = runner.run([script.toString()])

        then:
        run.exitCode == 0
        BootstrapRunner.cacheOf(runner.entry(script)) == null
    }

    /** The edit probe as class {@code name} in a directory of its own, printing {@code hello-v1}. */
    private Path editProbe(String name) {
        Path dir = Files.createDirectories(workDir.resolve(name).resolve('greet'))
        Files.writeString(dir.resolve('Greeting.java'),
                'package greet;\n\npublic final class Greeting {\n    public static final String TEXT = "hello-v1";\n}\n')
        Path script = dir.resolveSibling("${name}.java")
        Files.writeString(script, EDIT_PROBE.replace('CLASS', name))
        script
    }

    private static void edit(Path editProbe) {
        Path greeting = editProbe.resolveSibling('greet/Greeting.java')
        Files.writeString(greeting, Files.readString(greeting).replace('hello-v1', 'hello-v2'))
    }

    /** The //CDS probe as class {@code name}, in a directory of its own. */
    private Path cdsProbe(String name) {
        Path dir = Files.createDirectories(workDir.resolve(name))
        Path script = dir.resolve("${name}.java")
        Files.writeString(script, CDS_PROBE.replace('CLASS', name))
        script
    }

    /** A directory holding only an executable {@code tool} with the given text, to put first on the PATH. */
    private Path shim(String dirName, String tool, String text) {
        Path bin = Files.createDirectories(workDir.resolve(dirName))
        BootstrapRunner.executable(bin.resolve(tool), text.stripIndent())
        bin
    }

    private Path entryFile(Path script) {
        runner.entries().find { Files.readAllLines(it)[1] == runner.entry(script) }
    }

    private static String realFind() {
        ['/usr/bin/find', '/bin/find'].find { Files.isExecutable(Path.of(it)) }
    }

    private static int count(Path dir) {
        Files.isDirectory(dir) ? Files.list(dir).withCloseable { it.count() as int } : 0
    }

    private static void waitFor(List<Path> files) {
        long deadline = System.nanoTime() + SECONDS.toNanos(BootstrapRunner.TIMEOUT_SECONDS)
        while (!files.every { Files.exists(it) }) {
            assert System.nanoTime() < deadline: "the launches did not start: ${files.findAll { !Files.exists(it) }}"
            Thread.sleep(50)
        }
    }
}

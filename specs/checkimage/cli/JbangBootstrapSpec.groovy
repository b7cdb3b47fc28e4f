package checkimage.cli

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.nio.file.attribute.PosixFilePermissions

import static java.nio.charset.StandardCharsets.UTF_8
import static java.util.concurrent.TimeUnit.SECONDS

/**
 * Runs {@code scripts/jbang} as a separate process, the way operators do, on a tiny script
 * written into a temporary directory.
 *
 * <p>The first run on a machine resolves JBang from Maven Central and JBang compiles the probe
 * script once, hence the generous time bound. On a machine with a real {@code jbang} on the
 * PATH the bootstrap hands over to it, so the features then describe that jbang.
 */
class JbangBootstrapSpec extends Specification {

    static final long TIMEOUT_SECONDS = 180

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
    Path bootstrap = Path.of('scripts/jbang').toAbsolutePath()

    @Shared
    Path probe

    def setupSpec() {
        assert Files.isExecutable(bootstrap): "run the specs from the repository root: $bootstrap"
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
        executable(fakeBin.resolve('jbang'), '''\
            #!/bin/sh
            for argument in "$@"; do printf '[%s]\\n' "$argument"; done
            exit 7
            '''.stripIndent())

        when:
        Run run = jbang(['args', 'a b'], [PATH: "$fakeBin:${System.getenv('PATH')}".toString()])

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
                [PATH: "$selfBin:${System.getenv('PATH')}".toString()], '')

        then:
        run.exitCode == 6
    }

    static final String CDS_PROBE = '''\
        //JAVA 17+
        //CDS
        //JAVA_OPTIONS -Xshare:auto -Xlog:cds*=off

        /** tls: also loads JSSE (some 700 classes more) and a nested class of its own. */
        public class CLASS {
            public static void main(String... args) throws Exception {
                if (args.length > 0 && args[0].equals("tls")) {
                    javax.net.ssl.SSLContext.getInstance("TLS");
                    System.out.println("tls " + Extra.class.getSimpleName());
                }
                System.out.println("cds probe");
            }

            static final class Extra {
            }
        }
        '''.stripIndent()

    def "a //CDS script gets a static class-data archive trained by its first launches, which warm runs map"() {
        given: 'a //CDS script in a directory of its own'
        Path script = cdsProbe('CdsTrained')

        when: 'the first launch runs without JSSE, the second with it'
        Run first = runProbe(script, [])
        Run second = runProbe(script, ['tls'])
        Path archive = archiveOf(launchCacheEntry(script))

        then: 'the archive exists and has the classes of both launches'
        [first, second].every { it.exitCode == 0 && it.stdout.contains('cds probe') }
        Files.exists(archive)

        when: 'a later run logs where its classes come from'
        runProbe(script, [])
        Run warm = runProbe(script, ['tls'], [JAVA_TOOL_OPTIONS: '-Xlog:class+load=info'])

        then: 'the script\'s classes and the JSSE ones come from the archive'
        warm.exitCode == 0
        warm.stdout.contains('tls Extra')
        warm.stdout.contains('CdsTrained source: shared objects file')
        warm.stdout.contains('CdsTrained$Extra source: shared objects file')
        warm.stdout.contains('sun.security.ssl.SSLContextImpl source: shared objects file')
    }

    def "a class-data archive older than the script's jar is written again"() {
        given: 'a trained //CDS script'
        Path script = cdsProbe('CdsStale')
        4.times { assert runProbe(script, []).exitCode == 0 }
        String cached = launchCacheEntry(script)
        Path archive = archiveOf(cached)
        Path jar = Path.of((cached =~ /-classpath (\S+?\.jar)/)[0][1] as String)

        when: 'the jar is rewritten after the archive (as jbang export does)'
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000))
        long stale = Files.getLastModifiedTime(archive).toMillis()
        Run rebuilt = runProbe(script, [])

        then: 'the stale archive is replaced by a fresh one'
        rebuilt.exitCode == 0
        rebuilt.stdout.contains('cds probe')
        Files.exists(archive)
        Files.getLastModifiedTime(archive).toMillis() > stale
    }

    def "a script without //CDS gets no class-data archive"() {
        when:
        Run run = jbang(['args', 'x'])

        then:
        run.exitCode == 0
        !launchCacheEntry(probe).contains('SharedArchiveFile')
    }

    /** The //CDS probe as class {@code name}, in a directory of its own (a class name per feature). */
    private Path cdsProbe(String name) {
        Path dir = Files.createDirectories(workDir.resolve(name))
        Path script = dir.resolve("${name}.java")
        Files.writeString(script, CDS_PROBE.replace('CLASS', name))
        script
    }

    private Run runProbe(Path script, List<String> arguments, Map<String, String> environment = [:]) {
        execute([bootstrap.toString(), script.toString()] + arguments, environment, '')
    }

    private static Path archiveOf(String cachedCommand) {
        Path.of((cachedCommand =~ /-XX:SharedArchiveFile=(\S+)/)[0][1] as String)
    }

    /**
     * The launch-cache entry scripts/jbang keeps for {@code script}: the newest entry naming its jar (entries of
     * earlier runs of this spec, from other temporary directories, are older; archives and class lists have a dot).
     */
    private static String launchCacheEntry(Path script) {
        String cacheHome = System.getenv('XDG_CACHE_HOME') ?: "${System.getProperty('user.home')}/.cache"
        Path launch = Path.of(cacheHome, 'check-image', 'jbang-0.132.1', 'launch')
        List<Path> entries = Files.list(launch).withCloseable { files ->
            files.filter { !it.fileName.toString().contains('.') && Files.readString(it).contains("/${script.fileName}.") }
                    .toList()
        }
        assert entries: "no launch-cache entry for ${script} in ${launch}"
        Files.readString(entries.max { Files.getLastModifiedTime(it) })
    }

    private Run jbang(List<String> arguments, Map<String, String> environment = [:], String stdin = '') {
        execute([bootstrap.toString(), probe.toString()] + arguments, environment, stdin)
    }

    /** Runs the command in the work directory; stdin is closed after {@code stdin} is written. */
    private Run execute(List<String> command, Map<String, String> environment, String stdin) {
        Path stdout = Files.createTempFile(workDir, 'stdout', '.txt')
        Path stderr = Files.createTempFile(workDir, 'stderr', '.txt')
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
        builder.environment().putAll(environment)
        Process process = builder.start()
        process.outputStream.withStream { it.write(stdin.getBytes(UTF_8)) }
        if (!process.waitFor(TIMEOUT_SECONDS, SECONDS)) {
            process.descendants().forEach { it.destroyForcibly() }
            process.destroyForcibly()
            throw new AssertionError("$command did not finish within $TIMEOUT_SECONDS s\n"
                    + "stdout:\n${Files.readString(stdout)}\nstderr:\n${Files.readString(stderr)}")
        }
        new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr))
    }

    private static void executable(Path file, String text) {
        Files.writeString(file, text)
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rwxr-xr-x'))
    }

    /** What a finished process left behind; its toString shows both streams when a feature fails. */
    static record Run(int exitCode, String stdout, String stderr) {}
}

package checkimage.cli

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

import static java.nio.charset.StandardCharsets.UTF_8
import static java.util.concurrent.TimeUnit.SECONDS

/**
 * Runs {@code scripts/jbang} as a separate process, the way operators do, in a hermetic environment: HOME,
 * XDG_CACHE_HOME and JBANG_DIR inside a temporary directory (never the user's {@code ~/.cache} or
 * {@code ~/.jbang}), and a PATH without any {@code jbang} on it. Maven still resolves the bootstrap's JBang jar
 * from the build's own local repository.
 *
 * <p>The launched scripts run on the JDK named by the environment variable {@code CHECK_IMAGE_SPEC_JAVA_HOME}
 * when it is set (CI runs the launcher specs once on JDK 17 and once on JDK 25), else on the build's.
 */
class BootstrapRunner {

    static final long TIMEOUT_SECONDS = 180

    static final Path BOOTSTRAP = Path.of('scripts/jbang').toAbsolutePath()

    /** The JDK the specs launch scripts with, or null for the one the build runs on. */
    static final String JAVA_HOME = System.getenv('CHECK_IMAGE_SPEC_JAVA_HOME') ?: null

    /** Variables of the build's environment that would change what the bootstrap does. */
    static final List<String> CLEARED = ['JBANG_BOOTSTRAP_HOME', 'JBANG_DIR', 'JBANG_CACHE_DIR', 'JBANG_JAVA_OPTIONS',
                                         'CHECK_IMAGE_NO_LAUNCH_CACHE', 'JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS',
                                         'XDG_CACHE_HOME', 'MAVEN_ARGS']

    /** The temporary home; every cache the bootstrap and JBang keep lives under it. */
    final Path home

    /** Where the processes run and their output is kept. */
    final Path workDir

    BootstrapRunner(Path home, Path workDir) {
        assert Files.isExecutable(BOOTSTRAP): "run the specs from the repository root: $BOOTSTRAP"
        this.home = home
        this.workDir = workDir
    }

    /** The bootstrap's launch cache directory in the temporary home. */
    Path launchDir() {
        home.resolve('.cache/check-image').resolve("jbang-${jbangVersion()}").resolve('launch')
    }

    /** The launch-cache entry files (their names have no dot; caches, counters and locks have one). */
    List<Path> entries() {
        if (!Files.isDirectory(launchDir())) {
            return []
        }
        Files.list(launchDir()).withCloseable { files ->
            files.filter { !it.fileName.toString().contains('.') }.sorted().toList()
        }
    }

    /** The command of the newest entry naming {@code script}'s jar (an entry: checksum line, command line). */
    String entry(Path script) {
        List<Path> named = entries().findAll { Files.readString(it).contains("/${script.fileName}.") }
        assert named: "no launch-cache entry for ${script} in ${launchDir()}"
        Files.readAllLines(named.max { Files.getLastModifiedTime(it) })[1]
    }

    /** The class-data cache the command maps: a static archive (JDK 17-24) or an AOT cache (JDK 25+); or null. */
    static Path cacheOf(String command) {
        def found = command =~ /-XX:(?:SharedArchiveFile|AOTCache)=(\S+)/
        found ? Path.of(found[0][1] as String) : null
    }

    /** The feature release of the java the command runs, from its JDK's release file. */
    static int javaFeature(String command) {
        Path java = Path.of(command.split(' ')[0])
        String release = Files.readString(java.parent.parent.resolve('release'))
        (release =~ /JAVA_VERSION="(\d+)/)[0][1] as int
    }

    Run run(List<String> arguments, Map<String, String> environment = [:], String stdin = '') {
        Process process = start(arguments, environment)
        process.outputStream.withStream { it.write(stdin.getBytes(UTF_8)) }
        finish(process)
    }

    /** Starts {@code scripts/jbang ARGUMENTS...}; stdout and stderr go to files that {@link #finish} reads. */
    Process start(List<String> arguments, Map<String, String> environment = [:]) {
        startCommand([BOOTSTRAP.toString()] + arguments, environment)
    }

    Process startCommand(List<String> command, Map<String, String> environment = [:]) {
        Path stdout = Files.createTempFile(workDir, 'stdout', '.txt')
        Path stderr = Files.createTempFile(workDir, 'stderr', '.txt')
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
        Map<String, String> env = builder.environment()
        CLEARED.each { env.remove(it) }
        env.putAll(hermetic())
        env.putAll(environment)
        Process process = builder.start()
        outputs[process] = [stdout, stderr]
        process
    }

    /** Waits for a process of {@link #start} and returns what it left behind. */
    Run finish(Process process) {
        List<Path> files = outputs.remove(process)
        if (!process.waitFor(TIMEOUT_SECONDS, SECONDS)) {
            process.descendants().forEach { it.destroyForcibly() }
            process.destroyForcibly()
            throw new AssertionError("${process.info().commandLine().orElse('scripts/jbang')} did not finish within "
                    + "$TIMEOUT_SECONDS s\nstdout:\n${Files.readString(files[0])}\nstderr:\n${Files.readString(files[1])}")
        }
        new Run(process.exitValue(), Files.readString(files[0]), Files.readString(files[1]))
    }

    private final Map<Process, List<Path>> outputs = [:].asSynchronized()

    private Map<String, String> hermetic() {
        String repository = System.getProperty('maven.repo.local') ?: "${System.getProperty('user.home')}/.m2/repository"
        Map<String, String> env = [HOME          : home.toString(),
                                   XDG_CACHE_HOME: home.resolve('.cache').toString(),
                                   JBANG_DIR     : home.resolve('.jbang').toString(),
                                   MAVEN_ARGS    : "-Dmaven.repo.local=${repository}".toString(),
                                   PATH          : pathWithoutJbang()]
        if (JAVA_HOME) {
            env.JAVA_HOME = JAVA_HOME
            env.PATH = "${JAVA_HOME}/bin:${env.PATH}".toString()
        }
        env
    }

    /** The build's PATH minus every directory holding a {@code jbang}: the bootstrap itself must run. */
    static String pathWithoutJbang() {
        System.getenv('PATH').split(':').findAll { it && !Files.exists(Path.of(it, 'jbang')) }.join(':')
    }

    static String jbangVersion() {
        (Files.readString(BOOTSTRAP) =~ /(?m)^jbang_version=(\S+)$/)[0][1]
    }

    static void executable(Path file, String text) {
        Files.writeString(file, text)
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rwxr-xr-x'))
    }

    /** What a finished process left behind; its toString shows both streams when a feature fails. */
    static record Run(int exitCode, String stdout, String stderr) {}
}

package checkimage.bench

import checkimage.client.ImageCheckerBuilder
import checkimage.fixture.RegistryFixture
import checkimage.fixture.ScratchDirectory
import checkimage.json.Json
import groovy.transform.CompileStatic

import java.nio.file.Files
import java.nio.file.Path

/**
 * The benchmark driver behind {@code scripts/bench} (issue 6): starts the real registry with token auth and
 * TLS, seeds {@code bench/repo-NNNN:latest}, warms every contender up once, then times whole processes in
 * rounds, every contender once per round (interleaved, the order rotating from round to round), and prints
 * medians, the issue's ratios, scaling and resource probes. Run from the repository root, after
 * {@code mvn test-compile} and the jar export (the wrapper does both).
 */
@CompileStatic
final class Bench {

    static final String JAR = 'target/bench/check-image.jar'

    /** scripts/jbang's training_launches: warm README runs come after these. */
    static final int README_TRAINING_LAUNCHES = 3

    /**
     * The JDK HttpServer under the fixture's token server leaves Nagle's algorithm on unless told otherwise:
     * every answer on a kept-alive connection then waits out the client's delayed ACK (40 ms on Linux), and
     * check-image's 40 sequential token requests for 2000 images took 2.2 s instead of 0.6 s. Real token
     * servers (Go's net/http) set TCP_NODELAY, so the benchmark's does too.
     */
    static final String NODELAY = 'sun.net.httpserver.nodelay'

    private final BenchOptions options
    private final Path root

    Bench(BenchOptions options, Path root) {
        this.options = options
        this.root = root
    }

    static void main(String[] args) {
        BenchOptions options
        try {
            options = BenchOptions.parse(args)
        } catch (IllegalArgumentException e) {
            System.err.println("bench: ${e.message}\n${BenchOptions.USAGE}")
            System.exit(2)
            return
        }
        if (options.help) {
            println BenchOptions.USAGE
            System.exit(0)
        }
        System.setProperty(NODELAY, 'true')
        int code = 0
        try {
            new Bench(options, Path.of('').toAbsolutePath()).run()
        } catch (BenchFailure failure) {
            System.err.println("bench: could not run: ${failure.message}")
            code = 1
        }
        System.exit(code)
    }

    void run() {
        String loadAtStart = loadAverage()
        if (!Files.isRegularFile(root.resolve(JAR))) {
            throw new BenchFailure("${JAR} is missing: run scripts/bench, which exports it")
        }
        RegistryFixture registry = RegistryFixture.start(RegistryFixture.Mode.TOKEN)
        Path scratch = ScratchDirectory.create('check-image-bench-')
        try {
            int largest = Math.max(options.allSizes.max(), ScanTree.DISTINCT)
            progress("registry at ${registry.host}; seeding ${largest} repositories")
            Map<String, String> seeded = registry.seeder.seedMany(largest)
            Workload workload = new Workload(scratch, registry, RegistryFixture.ALICE, seeded.keySet())
            Contenders contenders = new Contenders(root, root.resolve(JAR), workload, options.floorBatch)
            CommandRunner runner = new CommandRunner(root, scratch)
            if (!Files.exists(contenders.classDataArchive)) {
                progress('writing the AppCDS archive of the exported jar')
                Case training = contenders.classListTraining(options.images)
                runner.run(training.command, training.stdin)
                runner.run(contenders.classDataDump())
            }
            List<Case> cases = plan(contenders)
            if (options.serve) {
                serve(cases)
                return
            }
            warmUp(cases, runner)
            measure(cases, runner)
            ResourceProbe probe = new ResourceProbe(runner, contenders, scratch)
            List<ResourceProbe.Result> probes = options.allSizes.collect { int size ->
                progress("probing plain java with ${size} images (--output json, /usr/bin/time)")
                probe.probe(size, workload.passwordFile)
            }
            progress("probing --scan online over ${ScanTree.FILES} files (${ScanTree.PLACES} images, ${ScanTree.DISTINCT} distinct)")
            ResourceProbe.Result scan = probe.probeScan(workload.passwordFile)
            Report report = new Report(machine(loadAtStart), settings(contenders), cases, probes, options.images,
                    ImageCheckerBuilder.DEFAULT_TOKEN_BATCH, scan)
            print(options.json ? Json.writePretty(report.toMap()) + '\n' : TableRenderer.render(report))
        } finally {
            ScratchDirectory.delete(scratch)
            registry.close()
        }
    }

    /** Prints every case's command (stdin redirect included) and blocks until standard input closes. */
    private static void serve(List<Case> cases) {
        cases.each { Case c ->
            String input = c.stdin == null ? '' : " <'${c.stdin}'"
            println "# ${c}\n${c.command.collect { String word -> "'${word}'" }.join(' ')}${input}"
        }
        System.out.flush()
        progress('serving; close standard input (Ctrl-D) to stop')
        while (System.in.read() >= 0) {
            // keep serving
        }
    }

    /** The main comparison at N, the 1-image cases, then plain java and the curl floor at each other size. */
    private List<Case> plan(Contenders contenders) {
        int n = options.images
        List<Case> cases = []
        [Contender.README, Contender.PLAIN_JAVA, Contender.SKOPEO_LOOP, Contender.SKOPEO_XARGS, Contender.CURL_FLOOR]
                .each { Contender contender -> cases << contenders.create(contender, n) }
        if (n > 1) {
            [Contender.README, Contender.PLAIN_JAVA, Contender.CURL_FLOOR, Contender.SKOPEO_LOOP]
                    .each { Contender contender -> cases << contenders.create(contender, 1) }
        }
        options.sizes.toUnique().findAll { int size -> size != n && size != 1 }.each { int size ->
            cases << contenders.create(Contender.PLAIN_JAVA, size) << contenders.create(Contender.CURL_FLOOR, size)
        }
        cases << contenders.create(Contender.SCAN_OFFLINE, ScanTree.PLACES)
        cases
    }

    /**
     * Untimed runs first (JBang's cache, the page cache, the token server's JIT): each case once, skopeo at N
     * skipped, and the README path {@link #README_TRAINING_LAUNCHES} times, so its launch cache has finished
     * training the class-data archive (scripts/jbang trains during the first launches of a build).
     */
    private void warmUp(List<Case> cases, CommandRunner runner) {
        cases.findAll { Case c -> !(c.contender in [Contender.SKOPEO_LOOP, Contender.SKOPEO_XARGS] && c.images > 1) }
                .each { Case c ->
                    int runs = c.contender == Contender.README ? README_TRAINING_LAUNCHES : 1
                    runs.times {
                        progress("warm-up: ${c}")
                        runner.run(c.command, c.stdin)
                    }
                }
    }

    private void measure(List<Case> cases, CommandRunner runner) {
        for (int round = 0; round < options.rounds; round++) {
            int shift = round % cases.size()
            (cases.drop(shift) + cases.take(shift)).each { Case c ->
                double seconds = runner.run(c.command, c.stdin).seconds
                c.seconds << seconds
                progress("round ${round + 1}/${options.rounds}: ${c}: ${Numbers.seconds(seconds)} s")
            }
        }
    }

    private Map<String, Object> settings(Contenders contenders) {
        String floor = options.floorBatch > 0 ? "${options.floorBatch} scopes per token request"
                : "one token request for all N scopes up to N = ${CurlFloor.ONE_TOKEN_MAX}, " +
                "${CurlFloor.BATCH} scopes per token request above"
        [images          : options.images, rounds: options.rounds, sizes: options.sizes, quick: options.quick,
         tokenBatch      : ImageCheckerBuilder.DEFAULT_TOKEN_BATCH, javaOptions: contenders.javaOptions,
         xargsParallelism: Contenders.XARGS_PARALLELISM, tokenServerNoDelay: Boolean.getBoolean(NODELAY),
         curlFloor       : floor] as Map<String, Object>
    }

    private static Map<String, Object> machine(String loadAtStart) {
        String memory = Files.readAllLines(Path.of('/proc/meminfo')).find { String line -> line.startsWith('MemTotal:') }
        [nproc      : Runtime.runtime.availableProcessors(),
         memoryMb   : memory == null ? null : (memory.split(/\s+/)[1] as long).intdiv(1024),
         jdk        : "${System.getProperty('java.vm.name')} ${System.getProperty('java.runtime.version')}".toString(),
         loadAtStart: loadAtStart, loadAtEnd: loadAverage()] as Map<String, Object>
    }

    /** The 1, 5 and 15 minute load averages, as uptime prints them. */
    private static String loadAverage() {
        Files.readString(Path.of('/proc/loadavg')).split(' ').take(3).join(' ')
    }

    private static void progress(String message) {
        System.err.println("bench: ${message}")
    }
}

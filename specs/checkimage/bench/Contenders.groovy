package checkimage.bench

import groovy.transform.CompileStatic

import java.nio.file.Files
import java.nio.file.Path

/**
 * Builds each contender's command for N images. check-image runs twice over: through the README's
 * {@code scripts/jbang check-image.java} (JBang's launcher JVM, then the script's JVM) and as
 * {@code java <//JAVA_OPTIONS> -jar} on the exported jar, both with {@code --password-stdin} and {@code -q}.
 * skopeo runs once per image, in a bash loop or under {@code xargs -P 8}, with the same credentials and CA.
 */
@CompileStatic
final class Contenders {

    static final int XARGS_PARALLELISM = 8

    private final Path root
    private final Path jar
    private final Workload workload
    private final int floorBatch
    private final List<String> javaOptions

    Contenders(Path root, Path jar, Workload workload, int floorBatch) {
        this.root = root
        this.jar = jar
        this.workload = workload
        this.floorBatch = floorBatch
        this.javaOptions = javaOptions(root.resolve('check-image.java'))
    }

    /** The case of {@code contender} checking the first {@code images} references. */
    Case create(Contender contender, int images) {
        switch (contender) {
            case Contender.README:
                List<String> readme = [root.resolve('scripts/jbang').toString(), 'check-image.java']
                return new Case(contender, images, readme + checkImageArguments(images, ['-q']), workload.passwordFile)
            case Contender.PLAIN_JAVA:
                return new Case(contender, images, plainJava(images, ['-q']), workload.passwordFile)
            case Contender.SKOPEO_LOOP:
                return new Case(contender, images, skopeoScript(images, 'loop', """\
mapfile -t refs <'${workload.listFile(images)}'
for ref in "\${refs[@]}"; do
  ${skopeo('"docker://$ref"')} >/dev/null
done
"""), null)
            case Contender.SKOPEO_XARGS:
                return new Case(contender, images, skopeoScript(images, 'xargs', """\
xargs -P ${XARGS_PARALLELISM} -I{} ${skopeo('docker://{}')} <'${workload.listFile(images)}' >/dev/null
"""), null)
            case Contender.CURL_FLOOR:
                return new Case(contender, images, new CurlFloor(workload, images, floorBatch).write(), null)
            case Contender.SCAN_OFFLINE:
                return new Case(contender, ScanTree.PLACES, scanJava(['--offline', '-q']), null)
        }
        throw new IllegalArgumentException(contender.toString())
    }

    /**
     * {@code java <//JAVA_OPTIONS> -jar check-image.jar} with the benchmark's arguments and {@code extra}, mapping
     * a static AppCDS archive next to the jar, as scripts/jbang's launch cache gives the README path: see
     * {@link #classListTraining} and {@link #classDataDump}.
     */
    List<String> plainJava(int images, List<String> extra) {
        [javaBinary()] + javaOptions + ["-XX:SharedArchiveFile=${classDataArchive}".toString(), '-jar', jar.toString()] +
                checkImageArguments(images, extra)
    }

    /**
     * {@code java -jar check-image.jar --scan TREE} on the {@link ScanTree} (2000 files, 5000 places, 500 distinct
     * references), with {@code extra}; online runs read the password from stdin.
     */
    List<String> scanJava(List<String> extra) {
        Path tree = ScanTree.write(workload.dir, workload.references(ScanTree.DISTINCT))
        List<String> credentials = '--offline' in extra ? [] : ['--ca-file', workload.caFile.toString(), '--username',
                                                               workload.user.name(), '--password-stdin']
        [javaBinary()] + javaOptions + ["-XX:SharedArchiveFile=${classDataArchive}".toString(), '-jar', jar.toString()] +
                credentials + ['--scan', tree.toString()] + extra
    }

    /** The AppCDS archive of the exported jar (scripts/bench deletes it whenever it re-exports the jar). */
    Path getClassDataArchive() {
        jar.resolveSibling('check-image.jsa')
    }

    /** The class list the archive is dumped from. */
    Path getClassList() {
        jar.resolveSibling('check-image.classlist')
    }

    /** An untimed run of the jar on {@code images} images that writes {@link #getClassList()}. */
    Case classListTraining(int images) {
        List<String> command = [javaBinary()] + javaOptions + ["-XX:DumpLoadedClassList=${classList}".toString(),
                                                               '-jar', jar.toString()] + checkImageArguments(images, ['-q'])
        new Case(Contender.PLAIN_JAVA, images, command, workload.passwordFile)
    }

    /** {@code java -Xshare:dump}: writes {@link #getClassDataArchive()} from {@link #getClassList()}. */
    List<String> classDataDump() {
        [javaBinary(), '-Xshare:dump', "-XX:SharedClassListFile=${classList}".toString(),
         "-XX:SharedArchiveFile=${classDataArchive}".toString(), '-cp', jar.toString()]
    }

    /** The JVM options the script declares on its {@code //JAVA_OPTIONS} line(s). */
    List<String> getJavaOptions() {
        javaOptions
    }

    private List<String> checkImageArguments(int images, List<String> extra) {
        ['--ca-file', workload.caFile.toString(), '--username', workload.user.name(), '--password-stdin',
         '--file', workload.listFile(images).toString()] + extra
    }

    private String skopeo(String image) {
        String credentials = "${workload.user.name()}:${workload.user.password()}"
        "skopeo inspect --raw --cert-dir '${workload.caDir}' --creds '${credentials}' ${image}"
    }

    private List<String> skopeoScript(int images, String kind, String body) {
        Path script = workload.dir.resolve("skopeo-${kind}-${images}.sh")
        Files.writeString(script, "#!/usr/bin/env bash\nset -euo pipefail\n" + body)
        ['bash', script.toString()]
    }

    private static String javaBinary() {
        ProcessHandle.current().info().command().orElse('java')
    }

    private static List<String> javaOptions(Path script) {
        Files.readAllLines(script)
                .findAll { String line -> line.startsWith('//JAVA_OPTIONS ') }
                .collectMany { String line -> line.substring('//JAVA_OPTIONS '.length()).trim().split(/\s+/).toList() }
    }
}

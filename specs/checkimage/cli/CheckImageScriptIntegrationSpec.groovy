package checkimage.cli

import checkimage.fixture.RegistryFixture
import checkimage.json.Json
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The README's first command as a separate process: {@code scripts/jbang check-image.java …} against the real
 * registry, exit codes and JSON included. The first run compiles the script, hence the generous bound.
 */
class CheckImageScriptIntegrationSpec extends Specification {

    static final long TIMEOUT_SECONDS = 240

    @Shared
    RegistryFixture registry

    @Shared
    Map<String, String> digests

    def setupSpec() {
        registry = RegistryFixture.start(RegistryFixture.Mode.TOKEN)
        digests = registry.seedStandardImages()
    }

    def cleanupSpec() {
        registry?.close()
    }

    Map run(List<String> args, String stdin = '', Map<String, String> env = [:]) {
        List<String> command = [Path.of('scripts/jbang').toAbsolutePath().toString(), 'check-image.java'] + args
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
        builder.environment().putAll(env)
        Process process = builder.start()
        process.outputStream.withCloseable { it.write(stdin.bytes) }
        StringBuilder out = new StringBuilder()
        StringBuilder err = new StringBuilder()
        Thread readers = Thread.start { process.inputStream.eachLine { out.append(it).append('\n') } }
        Thread errors = Thread.start { process.errorStream.eachLine { err.append(it).append('\n') } }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach { it.destroyForcibly() }
            process.destroyForcibly()
            throw new AssertionError("scripts/jbang did not finish in ${TIMEOUT_SECONDS} s:\n${out}\n${err}")
        }
        readers.join()
        errors.join()
        [exitCode: process.exitValue(), out: out.toString(), err: err.toString()]
    }

    def "the README command checks images against a real registry and exits 1 when one is missing"() {
        when:
        Map result = run(['--ca-file', registry.caFile.toString(), '-o', 'json', '--file', '-'],
                "${registry.host}/public/hello:oci\n${registry.host}/public/hello:gone\n")
        Map doc = Json.parse(result.out as String) as Map

        then:
        result.exitCode == 1
        doc.results*.status == ['accessible', 'missing']
        doc.results[0].digest == digests['public/hello:oci']
    }

    def "an accessible image exits 0 and a usage error exits 2 without a stack trace"() {
        expect:
        run(['--ca-file', registry.caFile.toString(), '-q', "${registry.host}/library/hello:index".toString()]).exitCode == 0

        when:
        Map usage = run(['--job', '/nonexistent/job.yaml'])

        then:
        usage.exitCode == 2
        usage.err.contains('/nonexistent/job.yaml: cannot read file')
        !usage.err.contains('\tat ')
    }

    /** Class-load logs of every JVM a run starts (the JBang launcher's too), one file per process. */
    List<String> loadedClasses(Path dir, List<String> args) {
        Map result = run(args, '', [JAVA_TOOL_OPTIONS: "-Xlog:class+load=info:file=${dir}/classes-%p.log".toString()])
        assert result.exitCode == 0: result
        Files.list(dir).withCloseable { files -> files.toList() }.collectMany { Path log -> Files.readAllLines(log) }
    }

    def "a warm run starts no JBang JVM and, without a policy, loads no Groovy"() {
        given:
        Path warm = Files.createTempDirectory('check-image-classes')
        Path withPolicy = Files.createTempDirectory('check-image-classes')
        Path policy = Files.createTempFile('policy', '.groovy')
        Files.writeString(policy, "allow '${registry.host}/**'\n")
        List<String> args = ['--ca-file', registry.caFile.toString(), '-q', "${registry.host}/public/hello:oci".toString()]
        run(args)

        when:
        List<String> plain = loadedClasses(warm, args)
        List<String> policed = loadedClasses(withPolicy, ['--policy', policy.toString()] + args)

        then:
        plain.any { it.contains('checkimage.client.ImageChecker ') }
        !plain.any { it.contains('dev.jbang.') }
        !plain.any { it.contains(' groovy.') || it.contains('org.codehaus.groovy.') }
        policed.any { it.contains(' groovy.lang.GroovyObject ') }

        cleanup:
        [warm, withPolicy].each { dir -> dir.toFile().deleteDir() }
        Files.deleteIfExists(policy)
    }

    def "jbang -i check-image.java opens JShell with the library on the class path"() {
        given:
        String session = """\
            import checkimage.client.*;
            import checkimage.reference.*;
            ImageReference.parse("nginx")
            var checker = ImageChecker.builder().caFile(java.nio.file.Path.of("${registry.caFile}")).build();
            checker.check("${registry.host}/public/hello:oci").kind()
            checker.close();
            /exit
            """.stripIndent()

        when:
        List<String> command = [Path.of('scripts/jbang').toAbsolutePath().toString(), '-i', 'check-image.java']
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start()
        process.outputStream.withCloseable { it.write(session.bytes) }
        String output = process.inputStream.text
        process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)

        then:
        output.contains('docker.io/library/nginx:latest')
        output.contains('ACCESSIBLE')
        !output.contains('does not exist')
    }
}

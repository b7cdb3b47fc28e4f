package checkimage.nodeconfig

import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The TOML library loads only when a registries.conf that matters exists: a run in a fresh JVM with class
 * loading logged shows org.tomlj classes only then.
 */
class TomlLoadingSpec extends Specification {

    @TempDir
    Path dir

    @Unroll("#what: TOML classes loaded #loaded")
    def "TOML classes load only when a registries.conf with registry entries is read"(String what, String conf, boolean loaded) {
        given:
        Path file = Files.writeString(dir.resolve('registries.conf'), conf)
        // a single-file source launcher: the command's entry point is Main.run, not a main method
        Path launcher = Files.writeString(dir.resolve('Launch.java'),
                'public class Launch { public static void main(String[] a) { checkimage.cli.Main.run(a); } }')
        List<String> command = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(),
                                '-Xlog:class+load=info', '-cp', System.getProperty('java.class.path'),
                                launcher.toString(), '--timeout', '2s', '127.0.0.1:9/none:1']
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        builder.environment().put('HOME', dir.toString())
        builder.environment().put('XDG_CONFIG_HOME', dir.resolve('xdg').toString())
        builder.environment().put('CONTAINERS_REGISTRIES_CONF', file.toString())

        when:
        Process process = builder.start()
        String output = process.inputStream.text
        process.waitFor(60, TimeUnit.SECONDS)

        then:
        output.contains('checkimage.cli.CheckRun ')
        output.contains('127.0.0.1:9/none:1')
        output.contains('org.tomlj.') == loaded

        where:
        what                 | conf                                              | loaded
        'aliases only'       | '[aliases]\n"x" = "quay.io/x"\n'                  | false
        'registry entries'   | '[[registry]]\nprefix = "a.example"\n'            | true
    }
}

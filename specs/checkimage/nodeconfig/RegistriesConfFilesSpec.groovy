package checkimage.nodeconfig

import checkimage.credentials.Environment
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * Which registries.conf files are read, as skopeo finds them: $CONTAINERS_REGISTRIES_CONF, else the user's file
 * instead of the system's, then the drop-ins of both directories in name order, files without registry entries
 * left out.
 */
class RegistriesConfFilesSpec extends Specification {

    static final String ENTRY = '[[registry]]\nprefix = "a.example"\n'

    @TempDir
    Path dir

    Path home
    Path system

    def setup() {
        home = Files.createDirectories(dir.resolve('home'))
        system = Files.createDirectories(dir.resolve('etc/containers'))
    }

    Path write(Path file, String text = ENTRY) {
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
    }

    List<Path> locate(Map<String, String> env = [:]) {
        RegistriesConfFiles.locate(new Environment(env, home), system)
    }

    def "the system file and its drop-ins are read when the user has none"() {
        given:
        Path main = write(system.resolve('registries.conf'))
        Path b = write(system.resolve('registries.conf.d/20-b.conf'))
        Path a = write(system.resolve('registries.conf.d/10-a.conf'))
        write(system.resolve('registries.conf.d/README'))

        expect:
        locate() == [main, a, b]
    }

    def "the user's file replaces the system's, and a user drop-in replaces the system one of the same name"() {
        given:
        write(system.resolve('registries.conf'))
        Path user = write(home.resolve('.config/containers/registries.conf'))
        write(system.resolve('registries.conf.d/10-a.conf'))
        Path userDropIn = write(home.resolve('.config/containers/registries.conf.d/10-a.conf'))

        expect:
        locate() == [user, userDropIn]
    }

    def "CONTAINERS_REGISTRIES_CONF names the main file and XDG_CONFIG_HOME moves the user directory"() {
        given:
        write(system.resolve('registries.conf'))
        Path named = write(dir.resolve('elsewhere.conf'))
        Path xdgDropIn = write(dir.resolve('xdg/containers/registries.conf.d/1.conf'))

        expect:
        locate([CONTAINERS_REGISTRIES_CONF: named.toString(), XDG_CONFIG_HOME: dir.resolve('xdg').toString()]) == [named, xdgDropIn]
    }

    def "files that say nothing about registries, such as a shortnames.conf of aliases, are left out; none at all is fine"() {
        given:
        write(system.resolve('registries.conf'), '# unqualified-search-registries = ["x"]\n')
        write(system.resolve('registries.conf.d/000-shortnames.conf'), '[aliases]\n"fedora" = "registry.fedoraproject.org/fedora"\n')

        expect:
        locate() == []
    }
}

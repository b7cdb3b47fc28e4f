package checkimage

import spock.lang.Specification
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

/**
 * Each package under lib/ imports only what is below it (STYLE.md, "Layering"); third-party libraries stay in
 * the one package that owns them. Read from the import lines, as go-containerregistry tests its own imports.
 */
class LayeringSpec extends Specification {

    static final Path LIB = Paths.get('lib/checkimage')

    static final Map<String, Set<String>> ALLOWED = [
            reference  : [] as Set,
            units      : [] as Set,
            json       : [] as Set,
            auth       : ['reference', 'json'] as Set,
            credentials: ['reference', 'json'] as Set,
            result     : ['reference', 'json'] as Set,
            registries : ['reference'] as Set,
            client     : ['reference', 'json', 'auth', 'credentials', 'result', 'policy', 'registries'] as Set,
            policy     : ['reference', 'credentials'] as Set,
            dsl        : ['reference', 'credentials', 'policy', 'units'] as Set,
            input      : ['reference', 'credentials'] as Set,
            nodeconfig : ['reference', 'json', 'credentials', 'registries'] as Set,
            report     : ['reference', 'json', 'result', 'policy'] as Set,
            pin        : ['reference', 'input'] as Set,
            cli        : ['reference', 'json', 'auth', 'credentials', 'result', 'registries', 'client', 'policy', 'dsl', 'input',
                          'nodeconfig', 'report', 'units', 'pin'] as Set,
    ]

    static final Map<String, String> THIRD_PARTY_OWNER = [
            'groovy.'         : 'dsl',
            'org.codehaus.groovy.': 'dsl',
            'org.yaml.'       : 'input',
            'org.apache.hc.'  : 'client',
            'picocli.'        : 'cli',
            'com.fasterxml.jackson.': 'json',
            'org.tomlj.'      : 'nodeconfig',
    ]

    @Unroll("package #pkg imports only #allowed")
    def "a package imports only the packages below it"() {
        given:
        List<String> offending = importsOf(pkg).findAll { String imported ->
            imported.startsWith('checkimage.') && !imported.startsWith("checkimage.${pkg}.") &&
                    !(imported.split('\\.')[1] in allowed)
        }

        expect:
        offending.empty

        where:
        pkg << ALLOWED.keySet().findAll { Files.isDirectory(LIB.resolve(it)) }.toList()
        allowed = ALLOWED[pkg]
    }

    @Unroll("#prefix is imported only in package #owner")
    def "a third-party library is imported only by the package that owns it"() {
        given:
        List<String> users = ALLOWED.keySet().findAll { String pkg ->
            pkg != owner && Files.isDirectory(LIB.resolve(pkg)) && importsOf(pkg).any { it.startsWith(prefix) }
        }.toList()

        expect:
        users.empty

        where:
        prefix << THIRD_PARTY_OWNER.keySet().toList()
        owner = THIRD_PARTY_OWNER[prefix]
    }

    def "every package under lib/checkimage is known to the layering table"() {
        given:
        List<String> packages = Files.list(LIB).withCloseable { it.findAll { Files.isDirectory(it) }.collect { it.fileName.toString() } }

        expect:
        ALLOWED.keySet().containsAll(packages)
    }

    private static List<String> importsOf(String pkg) {
        List<String> imports = []
        Files.walk(LIB.resolve(pkg)).withCloseable { stream ->
            stream.filter { it.toString().endsWith('.java') }.forEach { Path file ->
                Files.readAllLines(file).each { String line ->
                    def m = line =~ /^import\s+(?:static\s+)?([\w.]+)/
                    if (m.find()) {
                        imports << m.group(1)
                    }
                    def fq = line =~ /\b(checkimage\.[a-z]+)\.[A-Z]/
                    while (fq.find()) {
                        imports << fq.group(1) + '.X'
                    }
                }
            }
        }
        imports
    }
}

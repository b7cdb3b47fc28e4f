package checkimage.input

import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

class InputYamlLimitsSpec extends Specification {

    @TempDir
    Path dir

    JobConfigReader reader = new JobConfigReader()

    private static String laughs(int levels) {
        StringBuilder yaml = new StringBuilder('l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n')
        (1..<levels).each { int i ->
            yaml << "l${i}: &l${i} [" << (['*l' + (i - 1)] * 9).join(', ') << ']\n'
        }
        yaml.toString()
    }

    def "a billion laughs is refused by the alias limit"() {
        when:
        reader.parse(laughs(9), 'bomb.yaml')

        then:
        InputException e = thrown()
        e.message == 'bomb.yaml: YAML refused: Number of aliases for non-scalar nodes exceeds the specified max=50'
    }

    def "aliases within the limit are shared, not copied"() {
        given:
        String yaml = 'base: &base {type: dockerimage, uri: alpine}\n' +
                'prerequisites:\n  - {name: img, type: dockerimage, uri: alpine}\n' +
                'extra: [*base, *base]\n' +
                'taskRoles:\n  main: {dockerImage: img}\n'

        expect:
        reader.parse(yaml, 'job.yaml').images()*.uri == ['alpine']
    }

    def "deep nesting is refused"() {
        when:
        reader.parse('a: ' + '[' * 60 + ']' * 60, 'deep.yaml')

        then:
        InputException e = thrown()
        e.message == 'deep.yaml: YAML refused: Nesting Depth exceeded max 50'
    }

    def "a file over 4 MiB is refused before it is parsed"() {
        given:
        Path big = dir.resolve('big.yaml')
        Files.writeString(big, '# ' + 'x' * (4 * 1024 * 1024) + '\n')

        when:
        reader.read(big)

        then:
        InputException e = thrown()
        e.message == "${big}: larger than the 4 MiB limit for YAML input"
    }

    def "a YAML file that is not UTF-8 is an error naming it"() {
        given:
        Path file = dir.resolve('latin1.yaml')
        Files.write(file, [0x61, 0x3A, 0x20, 0xE9, 0x0A] as byte[])

        when:
        reader.read(file)

        then:
        InputException e = thrown()
        e.message == "${file}: cannot read file: not valid UTF-8 text"
    }

    def "text over 4 MiB is refused too"() {
        when:
        reader.parse('# ' + 'x' * (4 * 1024 * 1024), 'big.yaml')

        then:
        InputException e = thrown()
        e.message == 'big.yaml: larger than the 4 MiB limit for YAML input'
    }

    @Unroll("#what is refused: #message")
    def "hostile or unsupported YAML constructs are refused with their key path"(String what, String yaml, String message) {
        when:
        reader.parse(yaml, 'job.yaml')

        then:
        InputException e = thrown()
        e.message == "job.yaml: ${message}"

        where:
        what               | yaml                                     || message
        'a recursive alias'| 'a: &x [1, *x]\n'                        || 'a[1]: an alias refers to a node that contains it (recursive alias)'
        'a recursive key'  | '&x [*x]: 1\n'                           || 'expected text keys, got a list as a key'
        'a merge key'      | 'b: &b {x: 1}\nc: {<<: *b}\n'            || "c: merge keys ('<<') are not supported; write the keys out"
        'a map as a key'   | '? {a: 1}\n: 2\n'                        || 'expected text keys, got a map as a key'
        'a global tag'     | 'a: !!java.io.File /etc/passwd\n'        || 'malformed YAML at line 1, column 4: Global tag is not allowed: tag:yaml.org,2002:java.io.File'
        'a duplicate key'  | 'a: 1\nb: {c: 1, c: 2}\n'                || "b.c: duplicate key 'c'"
        'an undefined alias' | 'a: *nope\n'                            || 'malformed YAML at line 1, column 4: found undefined alias nope'
    }

    def "a control character is refused with its position"() {
        when:
        reader.parse('a: b\u0007c\n', 'job.yaml')

        then:
        InputException e = thrown()
        e.message == 'job.yaml: malformed YAML: special (non-printable) characters are not allowed, found one at character 5'
    }

    def "no SnakeYAML type appears in the public API"() {
        expect:
        [JobConfigReader, JobConfig, JobImage, JobAuth, Secrets, SecretRenderer, ReferenceListReader,
         ListedReference, InputException].every { Class type ->
            type.methods.every { m ->
                !m.returnType.name.startsWith('org.yaml') && m.parameterTypes.every { !it.name.startsWith('org.yaml') }
            }
        }
    }
}

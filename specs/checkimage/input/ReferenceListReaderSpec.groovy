package checkimage.input

import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

class ReferenceListReaderSpec extends Specification {

    @TempDir
    Path dir

    ReferenceListReader reader = new ReferenceListReader()

    def "each non-blank, non-comment line is one reference with its line number"() {
        given:
        String list = '''\
            # base images
            alpine:3.20

              registry.example.com/team/app:1.2   # the app
            \t
            localhost:5000/tools@sha256:0123
            '''.stripIndent()

        when:
        List<ListedReference> entries = reader.read(new StringReader(list), 'images.txt')

        then:
        entries == [
                new ListedReference('alpine:3.20', 'images.txt', 2),
                new ListedReference('registry.example.com/team/app:1.2', 'images.txt', 4),
                new ListedReference('localhost:5000/tools@sha256:0123', 'images.txt', 6),
        ]
        entries[1].where() == 'images.txt:4'
    }

    @Unroll("#line -> #expected")
    def "a line is trimmed and loses a trailing comment"(String line, List<String> expected) {
        expect:
        reader.read(new StringReader(line), '-')*.text() == expected

        where:
        line                           || expected
        'ubuntu'                       || ['ubuntu']
        '   ubuntu:22.04   '           || ['ubuntu:22.04']
        'ubuntu # latest LTS'          || ['ubuntu']
        'ubuntu\t# tab before comment' || ['ubuntu']
        'ubuntu#not-a-comment'         || ['ubuntu#not-a-comment']
        '# a comment'                  || []
        '   # an indented comment'     || []
        '#'                            || []
        ''                             || []
        '   '                          || []
        '\uFEFFalpine'                 || ['alpine']
    }

    def "a file is read as UTF-8 and entries carry its name"() {
        given:
        Path file = dir.resolve('images.txt')
        Files.writeString(file, 'alpine\r\n\r\nbusybox:1.36\r\n')

        when:
        List<ListedReference> entries = reader.read(file)

        then:
        entries*.text == ['alpine', 'busybox:1.36']
        entries*.line == [1, 3]
        entries*.source == [file.toString(), file.toString()]
    }

    def "standard input is read through a Reader named '-'"() {
        when:
        List<ListedReference> entries = reader.read(new StringReader('alpine\n'), '-')

        then:
        entries == [new ListedReference('alpine', '-', 1)]
    }

    def "a missing file is an error naming the file and the reason"() {
        given:
        Path missing = dir.resolve('nope.txt')

        when:
        reader.read(missing)

        then:
        InputException e = thrown()
        e.message == "${missing}: cannot read file: no such file"
        e.source() == missing.toString()
        e.keyPath() == ''
    }

    def "a directory is an error naming it and the operating system's reason"() {
        when:
        reader.read(dir)

        then:
        InputException e = thrown()
        e.message.startsWith("${dir}: cannot read file: ")
        e.message.toLowerCase().contains('directory')
    }

    def "a file that is not UTF-8 is an error naming it"() {
        given:
        Path file = dir.resolve('latin1.txt')
        Files.write(file, [0x61, 0xE9, 0x0A] as byte[])

        when:
        reader.read(file)

        then:
        InputException e = thrown()
        e.message == "${file}: cannot read file: not valid UTF-8 text"
    }

    def "a reader that fails is an error naming the source"() {
        given:
        Reader broken = new Reader() {
            int read(char[] buffer, int offset, int length) { throw new IOException('stream closed') }
            void close() {}
        }

        when:
        reader.read(broken, '-')

        then:
        InputException e = thrown()
        e.message == '-: cannot read file: stream closed'
    }

    def "the listed reference is a value with a 1-based line"() {
        when:
        new ListedReference('alpine', 'a.txt', 0)

        then:
        thrown(IllegalArgumentException)
    }
}

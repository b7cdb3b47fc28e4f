package checkimage.pin

import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/** Digest insertion in file text, the unified diff of a dry run, and the atomic, changed-since-read-aware write. */
class FilePinnerSpec extends Specification {

    static final String D = 'sha256:' + 'a' * 64
    static final String OLD = 'sha256:' + 'b' * 64

    @TempDir
    Path dir

    @Unroll("#line pinned at column #column -> #expected")
    def "only the digest is inserted, whatever surrounds the reference"(String line, int column, String written, String expected) {
        expect:
        FilePinner.apply(line, [new Pin(1, column, written, D, false)]).text() == expected

        where:
        line                                   | column | written              | expected
        'image: nginx:1.27\r\n'                | 8      | 'nginx:1.27'         | "image: nginx:1.27@$D\r\n"
        'image: "nginx:1.27"  # c'             | 8      | 'nginx:1.27'         | "image: \"nginx:1.27@$D\"  # c"
        "image: 'nginx:1.27'"                  | 8      | 'nginx:1.27'         | "image: 'nginx:1.27@$D'"
        'FROM nginx:1.27 AS build'             | 6      | 'nginx:1.27'         | "FROM nginx:1.27@$D AS build"
        '- {name: a, image: nginx:1.27}'       | 20     | 'nginx:1.27'         | "- {name: a, image: nginx:1.27@$D}"
        "h:5000/a/b:1  # x"                    | 1      | 'h:5000/a/b:1'       | "h:5000/a/b:1@$D  # x"
        "nginx:1.27@$D"                        | 1      | "nginx:1.27@$D"      | "nginx:1.27@$D"
    }

    def "a stale pinned digest is reported and kept, or moved with update"() {
        given:
        String text = "image: nginx:1.27@$OLD\n"

        when:
        FilePinner.Result kept = FilePinner.apply(text, [new Pin(1, 8, "nginx:1.27@$OLD", D, false)])
        FilePinner.Result moved = FilePinner.apply(text, [new Pin(1, 8, "nginx:1.27@$OLD", D, true)])

        then:
        kept.text() == text
        kept.changed() == 0
        kept.notes() == ["1:8: $OLD no longer matches nginx:1.27 (now $D); left as is (--update moves it)".toString()]
        moved.text() == "image: nginx:1.27@$D\n"
        moved.changed() == 1
    }

    def "a place whose text is not the reference expected is left alone and reported"() {
        when:
        FilePinner.Result result = FilePinner.apply('image: redis:7\n', [new Pin(1, 8, 'nginx:1.27', D, false)])

        then:
        result.text() == 'image: redis:7\n'
        result.notes() == ["1:8: cannot pin: the text there is not 'nginx:1.27' (changed?)"]
    }

    def "the dry-run diff has three lines of context and keeps files without a final newline"() {
        given:
        String before = (1..10).collect { "line $it" }.join('\n') + '\nimage: a:1'
        String after = before.replace('image: a:1', "image: a:1@$D")

        expect:
        UnifiedDiff.of('f.yaml', before, after) == """\
            --- a/f.yaml
            +++ b/f.yaml
            @@ -8,4 +8,4 @@
             line 8
             line 9
             line 10
            -image: a:1
            \\ No newline at end of file
            +image: a:1@$D
            \\ No newline at end of file
            """.stripIndent()
        UnifiedDiff.of('f.yaml', before, before) == ''
    }

    def "a file changed since it was read is not written"() {
        given:
        Path file = Files.writeString(dir.resolve('a.yaml'), 'image: a:1\n')
        PinnedFile read = PinnedFile.snapshot(file)
        Files.writeString(file, 'image: b:2\n')

        expect:
        !read.replace("image: a:1@$D\n")
        Files.readString(file) == 'image: b:2\n'
        Files.list(dir).withCloseable { it.count() } == 1
    }
}

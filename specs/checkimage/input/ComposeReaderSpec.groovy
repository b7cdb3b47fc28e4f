package checkimage.input

import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

class ComposeReaderSpec extends Specification {

    @TempDir
    Path dir

    private static PlacedImages read(String yaml, Map<String, String> environment = [:]) {
        new ComposeReader(environment).read(yaml, 'compose.yaml')
    }

    private static String image(String value) {
        "services:\n  web:\n    image: ${value}\n"
    }

    private Path write(String name, String text) {
        Path file = dir.resolve(name)
        Files.writeString(file, text)
        file
    }

    @Unroll("#value with #environment -> #expected")
    def "image values are interpolated as compose does"() {
        when:
        ImagePlace place = read(image(value), environment).places()[0]

        then:
        place.text() == expected
        place.variable() == Optional.ofNullable(variable)
        place.invalid().isEmpty()

        where:
        value                               | environment                | expected                  | variable
        'nginx:1.27'                        | [:]                        | 'nginx:1.27'              | null
        'nginx:${TAG}'                      | [TAG: '1.27']              | 'nginx:1.27'              | 'TAG'
        'nginx:$TAG'                        | [TAG: '1.27']              | 'nginx:1.27'              | 'TAG'
        'nginx:$TAG-alpine'                 | [TAG: '1.27']              | 'nginx:1.27-alpine'       | 'TAG'
        'nginx:${TAG:-latest}'              | [:]                        | 'nginx:latest'            | 'TAG'
        'nginx:${TAG:-latest}'              | [TAG: '']                  | 'nginx:latest'            | 'TAG'
        'nginx:${TAG:-latest}'              | [TAG: '1']                 | 'nginx:1'                 | 'TAG'
        'nginx:${TAG-latest}'               | [:]                        | 'nginx:latest'            | 'TAG'
        'nginx${TAG-:latest}'               | [TAG: '']                  | 'nginx'                   | 'TAG'
        'nginx:${TAG:?need a tag}'          | [TAG: '2']                 | 'nginx:2'                 | 'TAG'
        'nginx:${TAG?need a tag}'           | [TAG: '2']                 | 'nginx:2'                 | 'TAG'
        'nginx${TAG:+:pinned}'              | [TAG: 'x']                 | 'nginx:pinned'            | 'TAG'
        'nginx${TAG:+:pinned}'              | [TAG: '']                  | 'nginx'                   | 'TAG'
        'nginx${TAG+:set}'                  | [TAG: '']                  | 'nginx:set'               | 'TAG'
        '${REG:-${MIRROR:-docker.io}}/app'  | [:]                        | 'docker.io/app'           | 'REG'
        '${REG:-${MIRROR:-docker.io}}/app'  | [MIRROR: 'm.local']        | 'm.local/app'             | 'REG'
        '${REG}/app:${TAG}'                 | [REG: 'r.io', TAG: '1']    | 'r.io/app:1'              | 'REG'
        '"app:$$notavar"'                   | [:]                        | 'app:$notavar'            | null
        'App:${tag}'                        | [tag: 'lower']             | 'App:lower'               | 'tag'
        "'\${A}\${B}'"                      | [A: 'x', B: 'y']           | 'xy'                      | 'A'
    }

    def "an unset variable becomes empty with a warning naming file, line and variable"() {
        when:
        PlacedImages found = read("services:\n  web:\n    image: nginx:\${TAG}\n  db:\n    image: \"\${DB}:1\"\n")

        then:
        found.places()*.text() == ['nginx:', ':1']
        found.notes()*.toString() == [
                'compose.yaml:3: the "TAG" variable is not set; defaulting to a blank string (service web)',
                'compose.yaml:5: the "DB" variable is not set; defaulting to a blank string (service db)']
        found.notes()*.level() == [InputNote.Level.WARNING, InputNote.Level.WARNING]
    }

    def "a default or an alternative never warns about the variable it tests"() {
        expect:
        read(image('a:${X:-1}${Y-2}${Z:+3}${W+4}')).notes().isEmpty()
    }

    @Unroll("#value with #environment fails: #message")
    def "a required variable without value, or an invalid template, is an input error with compose's message"() {
        when:
        read(image(value), environment)

        then:
        InputException e = thrown()
        e.message == 'compose.yaml: services.web.image: line 3: ' + message

        where:
        value                     | environment | message
        'app:${TAG:?set a tag}'   | [:]         | 'required variable TAG is missing a value: set a tag'
        'app:${TAG:?set a tag}'   | [TAG: '']   | 'required variable TAG is missing a value: set a tag'
        'app:${TAG?set a tag}'    | [:]         | 'required variable TAG is missing a value: set a tag'
        'app:${TAG:?}'            | [:]         | 'required variable TAG is missing a value'
        'app:${TAG:-${B:?no B}}'  | [TAG: '1']  | 'required variable B is missing a value: no B'
        'app:${TAG'               | [:]         | 'invalid interpolation format "app:${TAG"; you may need to escape any $ with another $'
        'app:$1'                  | [:]         | 'invalid interpolation format "app:$1"; you may need to escape any $ with another $'
        'app:${TAG:x}'            | [:]         | 'invalid interpolation format "app:${TAG:x}"; you may need to escape any $ with another $'
        'app:${}'                 | [:]         | 'invalid interpolation format "app:${}"; you may need to escape any $ with another $'
        'app$'                    | [:]         | 'invalid interpolation format "app$"; you may need to escape any $ with another $'
    }

    def 'an empty variable with ${VAR-d} is kept empty while ${VAR:-d} is replaced'() {
        expect:
        read(image('"a${V-keep}:1"'), [V: '']).places()[0].text() == 'a:1'
        read(image('"a${V:-b}:1"'), [V: '']).places()[0].text() == 'ab:1'
    }

    @Unroll("image #value -> invalid: #reason")
    def "an image that is not a string or is empty is an invalid place at its line and column"() {
        when:
        ImagePlace place = read(image(value)).places()[0]

        then:
        place.invalid() == Optional.of(reason)
        place.location() == new SourceLocation('compose.yaml', 3, column)
        place.context() == 'service web'

        where:
        value          | column | reason
        ''             | 11     | 'image is empty'
        '~'            | 12     | 'image is empty'
        '""'           | 12     | 'image is empty'
        '!!str'        | 12     | 'image is empty'
        '5'            | 12     | 'image is not a string (a number); quote it'
        '1.27'         | 12     | 'image is not a string (a number); quote it'
        'true'         | 12     | 'image is not a string (a boolean); quote it'
        '[a, b]'       | 12     | 'image is a list, expected a string'
        '{name: a}'    | 12     | 'image is a map, expected a string'
        '${UNSET}'     | 12     | 'image is empty after interpolation'
        '&a ""'        | 15     | 'image is empty'
    }

    def "an image emptied by interpolation keeps the value as written and its variable"() {
        when:
        ImagePlace place = read(image('${UNSET}')).places()[0]

        then:
        place.text() == '${UNSET}'
        place.variable() == Optional.of('UNSET')
    }

    def "the column is that of the value's first character, the opening quote for a quoted value"() {
        when:
        List<ImagePlace> places = read('''\
            services:
              a:   {image: alpine}
              b:
                image:    "busybox"
              c:
                image: >-
                  folded/image
            '''.stripIndent()).places()

        then:
        places*.location()*.toString() == ['compose.yaml:2:16', 'compose.yaml:4:15', 'compose.yaml:6:12']
        places*.text() == ['alpine', 'busybox', 'folded/image']
    }

    def "a service with build: is built locally and not checked, even when it names an image"() {
        when:
        PlacedImages found = read('''\
            services:
              web:
                build: .
                image: shop/web:1
              api:
                build: {context: api}
              db:
                image: postgres
            '''.stripIndent())

        then:
        found.places()*.text() == ['shop/web:1', 'postgres']
        found.places()*.notChecked() == [Optional.of('built locally (build:)'), Optional.empty()]
        found.notes()*.toString() == ['compose.yaml:5: service api is built locally (build:) and names no image: nothing to check']
        found.notes()*.level() == [InputNote.Level.VERBOSE]
    }

    def "anchors, aliases and merges of x- extension fields are followed"() {
        when:
        List<ImagePlace> places = read('''\
            x-base: &base
              image: base/app:1
              restart: always
            x-img: &img "aliased/app:2"
            x-more: &more {image: listed/app:3, init: true}
            services:
              merged:   {<<: *base}
              override: {<<: *base, image: own/app:4}
              aliased:
                image: *img
              list:
                <<: [*more, *base]
            '''.stripIndent()).places()

        then:
        places.collect { "${it.context()} ${it.text()} ${it.location()}" } == [
                'service merged base/app:1 compose.yaml:2:10',
                'service aliased aliased/app:2 compose.yaml:4:13',
                'service list listed/app:3 compose.yaml:5:23',
                'service override own/app:4 compose.yaml:8:32']
    }

    def "an anchored or tagged value is located at its first character"() {
        expect:
        read('services:\n  web:\n    image: !override &img\n      nginx\n').places()[0].location().toString() == 'compose.yaml:4:7'
    }

    def "a merge that refers to its own map is refused"() {
        when:
        read('services:\n  web: &web\n    <<: *web\n')

        then:
        thrown(InputException)
    }

    def "YAML tags that would construct objects are refused"() {
        when:
        read('services:\n  web:\n    image: !!javax.script.ScriptEngineManager [x]\n')

        then:
        InputException e = thrown()
        e.message == 'compose.yaml: malformed YAML at line 3, column 12: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager'
    }

    @Unroll("#yaml -> #message")
    def "malformed compose files are input errors with file and line"() {
        when:
        read(yaml)

        then:
        InputException e = thrown()
        e.message == message

        where:
        yaml                                   | message
        'services: [web]\n'                    | 'compose.yaml: services: line 1: expected a map of services'
        'services:\n  web: nginx\n'            | 'compose.yaml: services.web: line 2: expected a map (the service\'s settings)'
        '- a\n'                                | 'compose.yaml: line 1: expected a map of compose keys (services, volumes, …)'
        'services:\n  web: {image: a, image: b}\n' | 'compose.yaml: services.web.image: line 2: duplicate key \'image\''
        'services:\n  web:\n   image: [\n'     | 'compose.yaml: malformed YAML at line 4, column 1: expected the node content, but found \'<stream end>\' (while parsing a flow node)'
    }

    def "an alias bomb is refused by the alias limit"() {
        given:
        StringBuilder yaml = new StringBuilder('x-l0: &l0 [a, a, a, a, a, a, a, a, a]\n')
        (1..<9).each { int i -> yaml << "x-l${i}: &l${i} [" << (['*l' + (i - 1)] * 9).join(', ') << ']\n' }

        when:
        read(yaml.toString())

        then:
        InputException e = thrown()
        e.message == 'compose.yaml: YAML refused: Number of aliases for non-scalar nodes exceeds the specified max=50'
    }

    def "a file without services, or empty, gives nothing"() {
        expect:
        read(yaml).places().isEmpty()

        where:
        yaml << ['', 'volumes: {data: {}}\n', 'services:\n', '# nothing\n']
    }

    def "override files replace images service by service, and !reset removes them"() {
        given:
        Path main = write('compose.yaml', '''\
            services:
              web: {image: web:1}
              db: {image: db:1}
              cache: {image: cache:1}
              tool: {image: tool:1}
            '''.stripIndent())
        Path override = write('compose.override.yaml', '''\
            services:
              db: {image: db:2}
              cache: {image: !reset null}
              tool: {build: ./tool}
              extra: {image: extra:1}
              web: !reset {}
            '''.stripIndent())

        when:
        PlacedImages found = new ComposeReader([:]).read([main, override])

        then:
        found.places().collect { "${it.location().file().split('/').last()}:${it.location().line()} ${it.text()}" } == [
                'compose.yaml:5 tool:1', 'compose.override.yaml:2 db:2', 'compose.override.yaml:5 extra:1']
        found.places()[0].notChecked() == Optional.of('built locally (build:)')
        found.notes()*.message().any { it.endsWith('service cache names no image') }
    }

    def "several YAML documents in one file override one another like files"() {
        expect:
        read('services: {a: {image: a:1}}\n---\nservices: {a: {image: a:2}}\n').places()*.text() == ['a:2']
    }

    def "the .env file next to the first compose file supplies variables, and the environment wins"() {
        given:
        Path main = write('compose.yaml', 'services:\n  web: {image: "${IMAGE}:${TAG}"}\n')
        write('.env', 'IMAGE=from-dotenv\nTAG=from-dotenv\n')

        expect:
        new ComposeReader([TAG: 'env']).read([main]).places()[0].text() == 'from-dotenv:env'
    }

    def "only the first compose file's directory holds the .env that is read"() {
        given:
        Files.createDirectories(dir.resolve('sub'))
        Path main = write('compose.yaml', 'services:\n  web: {image: "app:${TAG:-none}"}\n')
        Path other = write('sub/compose.yaml', 'services:\n  api: {image: "api:${TAG:-none}"}\n')
        write('sub/.env', 'TAG=sub\n')

        expect:
        new ComposeReader([:]).read([main, other]).places()*.text() == ['app:none', 'api:none']
        new ComposeReader([:]).read([other, main]).places()*.text() == ['api:sub', 'app:sub']
    }

    @Unroll(".env line #line -> TAG=#expected")
    def ".env syntax is read as compose reads it"() {
        given:
        Path main = write('compose.yaml', 'services:\n  web: {image: "app:${TAG}"}\n')
        write('.env', line)

        expect:
        new ComposeReader([HOME_TAG: 'home']).read([main]).places()[0].text() == 'app:' + expected

        where:
        line                                 | expected
        'TAG=1.0\n'                          | '1.0'
        'TAG = 1.0  \n'                      | '1.0'
        'export TAG=1.0\n'                   | '1.0'
        'TAG: 1.0\n'                         | '1.0'
        '# TAG=no\nTAG=1.0\n'                | '1.0'
        '  # indented comment\nTAG=1.0\n'    | '1.0'
        'TAG=1.0 # comment\n'                | '1.0'
        'TAG=1.0#not-a-comment\n'            | '1.0#not-a-comment'
        'TAG="1.0"\n'                        | '1.0'
        'TAG="1.0" # comment\n'              | '1.0'
        "TAG='1.0'\n"                        | '1.0'
        "TAG='\${HOME_TAG}'\n"               | '${HOME_TAG}'
        'TAG="${HOME_TAG}"\n'                | 'home'
        'TAG=${HOME_TAG}-x\n'                | 'home-x'
        'A=base\nTAG=${A}-2\n'               | 'base-2'
        'TAG="a\\$b"\n'                      | 'a$b'
        'TAG=1.0\r\n'                        | '1.0'
        'TAG=1\nTAG=2\n'                     | '2'
        'HOME_TAG\nTAG=${HOME_TAG}\n'        | 'home'
    }

    def "a broken .env file is an input error naming the file and line, never the value"() {
        given:
        Path main = write('compose.yaml', 'services:\n  web: {image: app}\n')
        write('.env', 'OK=1\nPASSWORD="s3cret\n')

        when:
        new ComposeReader([:]).read([main])

        then:
        InputException e = thrown()
        e.message == "${dir.resolve('.env')}: line 2: the quoted value of PASSWORD is not terminated"
        !e.message.contains('s3cret')
    }

    def "a missing compose file is an input error naming it"() {
        when:
        new ComposeReader([:]).read([dir.resolve('nope.yaml')])

        then:
        InputException e = thrown()
        e.message == "${dir.resolve('nope.yaml')}: cannot read file: no such file"
    }

    def "a real-world project: build:, interpolation from .env, x- merges and an override file"() {
        given:
        Path project = Path.of('specs/resources/compose/app')

        when:
        PlacedImages found = new ComposeReader([:]).read([
                project.resolve('docker-compose.yml'), project.resolve('docker-compose.override.yml')])

        then:
        found.places().collect { "${it.location()} ${it.context()} ${it.text()} ${it.variable().orElse('-')} ${it.notChecked().orElse('checked')}" } == [
                'specs/resources/compose/app/docker-compose.yml:6:10 service worker ghcr.io/shop/worker:1.4.2 REGISTRY checked',
                'specs/resources/compose/app/docker-compose.yml:14:12 service web shop/web:1.4.2 TAG built locally (build:)',
                'specs/resources/compose/app/docker-compose.yml:22:12 service mailer mailhog/mailhog:v1.0.1 - checked',
                'specs/resources/compose/app/docker-compose.override.yml:3:12 service db postgres:16.4 - checked',
                'specs/resources/compose/app/docker-compose.override.yml:7:12 service metrics prom/prometheus - checked']
        found.notes()*.toString() == [
                'specs/resources/compose/app/docker-compose.yml:26: the "REDIS_TAG" variable is not set; defaulting to a blank string (service cache)',
                'specs/resources/compose/app/docker-compose.yml:25: service cache names no image',
                'specs/resources/compose/app/docker-compose.yml:27: service builder is built locally (build:) and names no image: nothing to check']
    }

    def "extends is not followed, and a verbose note says so"() {
        expect:
        read('services:\n  web: {extends: {service: base}}\n  base: {image: a}\n').notes()*.message() ==
                ['compose.yaml:2: service web names no image (extends: is not followed)']
    }
}

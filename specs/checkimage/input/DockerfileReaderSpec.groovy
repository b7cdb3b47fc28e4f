package checkimage.input

import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

class DockerfileReaderSpec extends Specification {

    @TempDir
    Path dir

    private static PlacedImages read(String dockerfile, Map<String, String> buildArgs = [:]) {
        new DockerfileReader().read(dockerfile, 'Dockerfile', buildArgs)
    }

    private static List<String> images(String dockerfile, Map<String, String> buildArgs = [:]) {
        read(dockerfile, buildArgs).places()*.text()
    }

    private static List<String> described(PlacedImages found) {
        found.places().collect { "${it.location()} ${it.context()} ${it.text()}${it.variable().map { ' $' + it }.orElse('')}".toString() }
    }

    @Unroll("FROM #word with #buildArgs -> #expected")
    def "FROM words are expanded with the ARGs declared before the first FROM"() {
        given:
        String dockerfile = 'ARG A=alpine\nARG T=3.20\nARG EMPTY=\nARG UNSET\n' + "FROM ${word}\n"

        when:
        ImagePlace place = read(dockerfile, buildArgs).places()[0]

        then:
        place.text() == expected
        place.variable() == Optional.ofNullable(variable)

        where:
        word                        | buildArgs              | expected               | variable
        'alpine:3.20'               | [:]                    | 'alpine:3.20'          | null
        '$A'                        | [:]                    | 'alpine'               | 'A'
        '${A}:${T}'                 | [:]                    | 'alpine:3.20'          | 'A'
        '$A:$T'                     | [:]                    | 'alpine:3.20'          | 'A'
        'alpine:${UNSET:-3}'        | [:]                    | 'alpine:3'             | 'UNSET'
        'alpine:${EMPTY:-3}'        | [:]                    | 'alpine:3'             | 'EMPTY'
        'alpine${EMPTY-:3}'         | [:]                    | 'alpine'               | 'EMPTY'
        'alpine${UNSET-:3}'         | [:]                    | 'alpine:3'             | 'UNSET'
        'alpine${T:+:$T}'           | [:]                    | 'alpine:3.20'          | 'T'
        'alpine${EMPTY:+:x}'        | [:]                    | 'alpine'               | 'EMPTY'
        'alpine${EMPTY+:set}'       | [:]                    | 'alpine:set'           | 'EMPTY'
        'alpine${UNSET+:set}'       | [:]                    | 'alpine'               | 'UNSET'
        'alpine:${T:?need_T}'       | [:]                    | 'alpine:3.20'          | 'T'
        '${A}:${T}'                 | [T: 'edge']            | 'alpine:edge'          | 'A'
        '${A}:${UNSET}'             | [UNSET: '3.19']        | 'alpine:3.19'          | 'A'
        '"$A:$T"'                   | [:]                    | 'alpine:3.20'          | 'A'
        "'\$A'"                     | [:]                    | '$A'                   | null
        'alpine\\:3'                | [:]                    | 'alpine:3'             | null
        'price$'                    | [:]                    | 'price$'               | null
        '${A:-${T}}x'               | [A: '']                | '3.20x'                | 'A'
    }

    @Unroll("ARG chain #args -> #expected")
    def "ARG defaults may use earlier ARGs, and build args replace defaults"() {
        expect:
        images(args + '\nFROM $IMAGE\n', buildArgs) == [expected]

        where:
        args                                                          | buildArgs                       | expected
        'ARG IMAGE=busybox'                                           | [:]                             | 'busybox'
        'ARG R=ghcr.io\nARG N=$R/acme\nARG IMAGE=${N}/app:1'          | [:]                             | 'ghcr.io/acme/app:1'
        'ARG R=ghcr.io\nARG N=$R/acme\nARG IMAGE=${N}/app:1'          | [R: 'quay.io']                  | 'quay.io/acme/app:1'
        'ARG R=ghcr.io\nARG N=$R/acme\nARG IMAGE=${N}/app:1'          | [IMAGE: 'x:2']                  | 'x:2'
        'ARG V=1 IMAGE="app:${V}"'                                    | [:]                             | 'app:1'
        'ARG IMAGE'                                                   | [IMAGE: 'given:1']              | 'given:1'
        'ARG IMAGE=a:1\nARG IMAGE=b:$IMAGE'                           | [:]                             | 'b:a:1'
    }

    @Unroll("#from with #buildArgs -> #expected")
    def "BuildKit's platform ARGs take the first literal --platform, else linux/amd64"() {
        expect:
        images(from, buildArgs)[-1] == expected

        where:
        from                                                                           | buildArgs                          | expected
        'FROM app:$TARGETOS-$TARGETARCH'                                               | [:]                                | 'app:linux-amd64'
        'FROM app:${BUILDOS}-${BUILDARCH}${BUILDVARIANT:+-}$BUILDVARIANT'              | [:]                                | 'app:linux-amd64'
        'FROM app:${TARGETPLATFORM}'                                                   | [:]                                | 'app:linux/amd64'
        'FROM --platform=linux/arm64/v8 base\nFROM app:$TARGETARCH-$TARGETVARIANT'      | [:]                                | 'app:arm64-v8'
        'FROM --platform=$BUILDPLATFORM base\nFROM app:$TARGETARCH'                     | [:]                                | 'app:amd64'
        'FROM app:$TARGETARCH'                                                         | [TARGETPLATFORM: 'linux/arm/v7']   | 'app:arm'
        'FROM app:$TARGETARCH'                                                         | [TARGETARCH: 'riscv64']            | 'app:riscv64'
        'ARG TARGETARCH=s390x\nFROM app:$TARGETARCH'                                   | [:]                                | 'app:s390x'
    }

    def "a FROM naming an earlier stage, in any case, or scratch, pulls nothing"() {
        expect:
        images('''\
            FROM golang:1.23 AS Builder
            FROM builder AS test
            FROM BUILDER
            FROM scratch
            FROM later
            FROM alpine AS later
            '''.stripIndent()) == ['golang:1.23', 'later', 'alpine']
    }

    @Unroll("#instruction -> #expected")
    def "COPY --from and RUN --mount from= name images unless they name a stage or a stage index"() {
        given:
        String dockerfile = "FROM golang AS build\nARG TOOL=xx:1\nFROM alpine AS final\nARG TOOL=tool:2\n${instruction}\n"

        expect:
        images(dockerfile).drop(2) == expected

        where:
        instruction                                                  | expected
        'COPY --from=build /a /b'                                    | []
        'COPY --from=BUILD /a /b'                                    | []
        'COPY --from=0 /a /b'                                        | []
        'COPY --from=1 /a /b'                                        | []
        'COPY --from=2 /a /b'                                        | ['2']
        'COPY --from=nginx:1.27 /a /b'                               | ['nginx:1.27']
        'COPY --chown=1:1 --from=nginx /a /b'                        | ['nginx']
        'COPY --from=$TOOL /a /b'                                    | ['tool:2']
        'copy --from="quoted:1" /a /b'                               | ['quoted:1']
        'COPY /a --from=notaflag'                                    | []
        'ADD --from=x /a /b'                                         | []
        'RUN --mount=type=bind,from=busybox,target=/b true'          | ['busybox']
        'RUN --mount=type=cache,target=/c --mount=from=build,target=/x true' | []
        'RUN --mount=type=bind,FROM=img:1,target=/b true'            | ['img:1']
        'RUN --mount=type=secret,id=x true'                          | []
    }

    def "the # syntax= directive's frontend is an image"() {
        expect:
        described(read('# syntax = docker/dockerfile:1.7\nFROM alpine\n')) == [
                'Dockerfile:1:12 syntax docker/dockerfile:1.7', 'Dockerfile:2:6 stage 0 alpine']
    }

    @Unroll("directives #top -> #expected")
    def "parser directives are read only at the top"() {
        expect:
        images(top + 'FROM alpine\n') == expected

        where:
        top                                                  | expected
        '#syntax=a/b:1\n'                                    | ['a/b:1', 'alpine']
        '# SYNTAX = a/b:1\n'                                 | ['a/b:1', 'alpine']
        '# escape=`\n# syntax=a/b:1\n'                       | ['a/b:1', 'alpine']
        '# check=skip=all\n# syntax=a/b:1\n'                 | ['a/b:1', 'alpine']
        '# a comment\n# syntax=a/b:1\n'                      | ['alpine']
        '\n# syntax=a/b:1\n'                                 | ['alpine']
        '# unknown=x\n# syntax=a/b:1\n'                      | ['alpine']
        'FROM first\n# syntax=a/b:1\n'                       | ['first', 'alpine']
    }

    @Unroll("continuation #dockerfile -> #expected")
    def "line continuations join lines, skipping comments and blank lines, with the escape character in force"() {
        expect:
        described(read(dockerfile)) == expected

        where:
        dockerfile                                                     | expected
        'FROM \\\n  alpine:3 \\\n  AS base\n'                          | ['Dockerfile:2:3 stage base alpine:3']
        'FROM \\  \n# a comment\n\n  alpine:3\n'                       | ['Dockerfile:4:3 stage 0 alpine:3']
        '# escape=`\nFROM `\n alpine:3\n'                              | ['Dockerfile:3:2 stage 0 alpine:3']
        '# escape=`\nFROM c:\\windows\\base\n'                         | ['Dockerfile:2:6 stage 0 c:\\windows\\base']
        'RUN echo \\\nFROM nothere\nFROM alpine\n'                     | ['Dockerfile:3:6 stage 0 alpine']
        '  from   alpine:3   as   Base\n'                              | ['Dockerfile:1:10 stage Base alpine:3']
        'FROM\talpine\r\n'                                             | ['Dockerfile:1:6 stage 0 alpine']
    }

    @Unroll("heredoc #run")
    def "heredoc bodies are not instructions"() {
        expect:
        images("FROM a\n${run}\nFROM b\n") == ['a', 'b']

        where:
        run << [
                'RUN <<EOF\nFROM x\nEOF',
                'RUN <<-EOF\n\tFROM x\n\tEOF',
                'RUN <<"EOF"\nFROM x\nEOF',
                "RUN <<'EOF' bash\nFROM x\nEOF",
                'COPY <<one <<two /dst/\nFROM x\none\nFROM y\ntwo',
                'RUN python3 - <<PY \\\n  && true\nFROM x\nPY',
                'ADD <<EOF /f\n  EOF is not the end\nFROM x\nEOF',
        ]
    }

    def "a heredoc on an instruction that does not take one is not a heredoc"() {
        expect:
        images('FROM a\nLABEL x=<<EOF\nFROM b\n') == ['a', 'b']
    }

    def "places carry the column of the image word and the stage as context"() {
        when:
        PlacedImages found = read('ARG BASE=debian:12\nFROM --platform=linux/amd64   ${BASE} AS builder\nFROM "alpine:3"\n')

        then:
        described(found) == ['Dockerfile:2:31 stage builder debian:12 $BASE', 'Dockerfile:3:6 stage 1 alpine:3']
    }

    @Unroll("#dockerfile fails: #message")
    def "malformed Dockerfiles are input errors with file and line"() {
        when:
        read(dockerfile)

        then:
        InputException e = thrown()
        e.message == 'Dockerfile: ' + message

        where:
        dockerfile                                   | message
        'FROM alpine\nFROM\n'                        | 'line 2: FROM requires either one or three arguments'
        'FROM --platform=linux/amd64\n'              | 'line 1: FROM requires either one or three arguments'
        'FROM a b\n'                                 | 'line 1: FROM requires either one or three arguments'
        'FROM a AS\n'                                | 'line 1: FROM requires either one or three arguments'
        'FROM a AS b c\n'                            | 'line 1: FROM requires either one or three arguments'
        'ARG X\nFROM alpine:${X:?set_X}\n'           | 'line 2: X: set_X'
        'FROM alpine:${X:?}\n'                       | 'line 1: X: is not allowed to be unset or empty'
        'FROM alpine:${X\n'                          | 'line 1: syntax error: missing \'}\''
        'FROM alpine:${X#pre}\n'                     | 'line 1: unsupported modifier (#) in substitution of X (only :-, -, :+, +, :?, ? are read)'
        'FROM alpine:${}\n'                          | 'line 1: bad substitution'
        'FROM \'alpine\n'                            | 'line 1: unexpected end of statement while looking for matching single-quote'
        '# escape=x\nFROM a\n'                       | 'line 1: invalid escape token \'x\' does not match ` or \\'
        '# syntax=a\n# syntax=b\nFROM a\n'           | 'line 2: only one syntax parser directive can be used'
        'FROM a\nRUN <<EOF\necho\n'                  | 'line 2: the heredoc <<EOF is not terminated'
    }

    def "an undeclared variable in FROM expands to nothing with a warning; an empty image is an invalid place"() {
        when:
        PlacedImages found = read('FROM ${NOPE}\nFROM app:${NOPE}\n')

        then:
        found.places()*.text() == ['${NOPE}', 'app:']
        found.places()*.invalid() == [Optional.of('FROM names an empty image after ARG substitution'), Optional.empty()]
        found.notes()*.toString() == [
                'Dockerfile:1: FROM uses NOPE, which no ARG before the first FROM declares; it expands to nothing (stage 0)',
                'Dockerfile:2: FROM uses NOPE, which no ARG before the first FROM declares; it expands to nothing (stage 1)']
    }

    def "a build arg that no ARG declares is noted under -v, and does not reach FROM"() {
        when:
        PlacedImages found = read('FROM app:${TAG:-latest}\n', [TAG: '1'])

        then:
        found.places()*.text() == ['app:latest']
        found.notes().find { it.level() == InputNote.Level.VERBOSE }.message() ==
                'Dockerfile: build arg TAG is not declared by any ARG; it is not used'
    }

    def "a real-world multi-stage Dockerfile with ARG-parameterised FROMs"() {
        when:
        PlacedImages found = new DockerfileReader().read(Path.of('specs/resources/dockerfile/Dockerfile'), [GO_VERSION: '1.22'])

        then:
        described(found) == [
                'specs/resources/dockerfile/Dockerfile:1:10 syntax docker/dockerfile:1.7',
                'specs/resources/dockerfile/Dockerfile:8:32 stage Build docker.io/library/golang:1.22-bookworm $BASE_IMAGE',
                'specs/resources/dockerfile/Dockerfile:11:13 COPY --from tonistiigi/xx:1.5.0',
                'specs/resources/dockerfile/Dockerfile:13:28 RUN --mount busybox:1.36',
                'specs/resources/dockerfile/Dockerfile:22:6 stage release gcr.io/distroless/static-debian12:nonroot $DISTROLESS']
        found.notes().isEmpty()
    }

    def "a Dockerfile that cannot be read is an input error naming it"() {
        when:
        new DockerfileReader().read(dir.resolve('Dockerfile'), [:])

        then:
        InputException e = thrown()
        e.message == "${dir.resolve('Dockerfile')}: cannot read file: no such file"
    }

    def "a file read from disk keeps a byte order mark out of the first line"() {
        given:
        Path file = dir.resolve('Dockerfile')
        Files.writeString(file, '\uFEFF# syntax=a/b:1\nFROM alpine\n')

        expect:
        new DockerfileReader().read(file, [:]).places()*.text() == ['a/b:1', 'alpine']
    }
}

package checkimage.cli

import checkimage.json.Json
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import javax.xml.XMLConstants
import javax.xml.transform.stream.StreamSource
import javax.xml.validation.SchemaFactory
import java.nio.file.Files
import java.nio.file.Path

/**
 * The report flags without a registry: {@code --output junit|sarif|github}, {@code --report FORMAT=PATH}
 * (repeatable, next to the stdout report), {@code --report-root}, the GitHub step summary taken from the CLI's
 * environment, and the usage errors of {@code --report}. The formats themselves are in CiReportsSpec.
 */
class ReportFlagsSpec extends Specification {

    @TempDir
    Path dir

    Path list() {
        Files.writeString(dir.resolve('images.txt'), '# base images\nubuntu:22.04\nfoo/Bar\n')
    }

    static void validJunit(String xml) {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new File('specs/resources/schemas/JUnit.xsd'))
                .newValidator().validate(new StreamSource(new StringReader(xml)))
    }

    def "--output junit prints a valid JUnit document with a testsuite for the list file"() {
        when:
        CliRunner.Run run = CliRunner.run(['--offline', '--output', 'junit', '--file', list().toString(), 'nginx'])

        then:
        run.exitCode == 1
        validJunit(run.out)
        run.out.contains("<testsuite name=\"${dir.resolve('images.txt')}\"")
        run.out.contains('<testsuite name="argument"')
        run.out.contains('<failure message="invalid image reference &apos;foo/Bar&apos;'.replace('&apos;', "'"))
        run.out.count('<skipped ') == 2
    }

    def "--report writes every asked format next to the stdout report, in one run"() {
        given:
        Path junit = dir.resolve('out/junit.xml')
        Path sarif = dir.resolve('out/check.sarif')
        Path json = dir.resolve('check.json')

        when:
        CliRunner.Run run = CliRunner.run(['--offline', '--file', list().toString(), '--report', "junit=$junit",
                                           '--report', "SARIF=$sarif", '--report', "json=$json"]*.toString())

        then: 'the table on stdout, the three files written whole, no temporary file left'
        run.exitCode == 1
        run.out.startsWith('REFERENCE')
        validJunit(Files.readString(junit))
        (Json.parse(Files.readString(sarif)) as Map).runs[0].results*.ruleId == ['invalid-reference']
        (Json.parse(Files.readString(json)) as Map).exitCode == 1
        Files.list(dir.resolve('out')).withCloseable { it.toList()*.fileName*.toString().sort() } == ['check.sarif', 'junit.xml']
    }

    def "--quiet prints nothing but still writes the --report files"() {
        given:
        Path junit = dir.resolve('junit.xml')

        when:
        CliRunner.Run run = CliRunner.run(['--offline', '-q', '--report', "junit=$junit".toString(), 'nginx'])

        then:
        run.exitCode == 0
        run.out.isEmpty()
        Files.readString(junit).contains('<testcase name="nginx:latest"')
    }

    def "--output github prints annotations and appends a summary to \$GITHUB_STEP_SUMMARY"() {
        given:
        Path summary = Files.writeString(dir.resolve('summary.md'), '## earlier step\n')

        when:
        CliRunner.Run run = CliRunner.run(['--offline', '--output', 'github', '--file', list().toString()],
                [GITHUB_STEP_SUMMARY: summary.toString()])

        then:
        run.exitCode == 1
        run.out.readLines().any { it.startsWith("::error file=${dir.resolve('images.txt')},line=3,col=1,title=check-image%3A invalid reference::foo/Bar") }
        Files.readString(summary).startsWith('## earlier step\n### check-image\n\n2 images: 1 invalid reference, 1 not checked\n')
        Files.readString(summary).contains("| foo/Bar | invalid reference | ${dir.resolve('images.txt')}:3 |")
    }

    def "without a GitHub report no step summary is written"() {
        given:
        Path summary = dir.resolve('summary.md')

        when:
        CliRunner.run(['--offline', '--output', 'junit', 'nginx'], [GITHUB_STEP_SUMMARY: summary.toString()])

        then:
        !Files.exists(summary)
    }

    def "--report-root names SARIF files relative to it"() {
        given:
        list()

        when:
        CliRunner.Run run = CliRunner.run(['--offline', '-o', 'sarif', '--report-root', dir.parent.toString(),
                                           '--file', dir.resolve('images.txt').toString()])
        Map result = (Json.parse(run.out) as Map).runs[0].results[0] as Map

        then:
        result.locations[0].physicalLocation.artifactLocation == [uri: "${dir.fileName}/images.txt".toString(), uriBaseId: 'SRCROOT']
        result.locations[0].physicalLocation.region == [startLine: 3, startColumn: 1]
    }

    @Unroll("--report #value is refused: #message")
    def "a malformed --report is a usage error before anything is checked"(String value, String message) {
        when:
        CliRunner.Run run = CliRunner.run(['--report', value, 'nginx'])

        then:
        run.exitCode == 2
        run.err.trim() == "check-image: --report '$value': $message".toString()
        run.out.isEmpty()

        where:
        value           | message
        'junit.xml'     | 'expected FORMAT=PATH, e.g. junit=check-image.xml'
        'junit='        | 'expected FORMAT=PATH, e.g. junit=check-image.xml'
        'xml=out.xml'   | "unknown format 'xml'; expected one of: text, json, junit, sarif, github"
        '=out.xml'      | "unknown format ''; expected one of: text, json, junit, sarif, github"
    }

    def "a report that cannot be written is named, the others are written, and the run exits 2"() {
        given:
        Path blocked = Files.createDirectories(dir.resolve('taken.xml/child'))
        Path json = dir.resolve('ok.json')

        when:
        CliRunner.Run run = CliRunner.run(['--offline', '--report', "junit=${dir.resolve('taken.xml')}",
                                           '--report', "json=$json", 'nginx']*.toString())

        then:
        run.exitCode == 2
        run.err.contains("check-image: cannot write the report ${dir.resolve('taken.xml')}: ")
        !run.err.contains('\tat ')
        Files.exists(json)
    }
}

package checkimage.report

import checkimage.json.Json
import checkimage.policy.Rule
import checkimage.policy.Verdict
import checkimage.reference.Digest
import checkimage.reference.ImageReference
import checkimage.result.Cause
import checkimage.result.CheckOutcome
import checkimage.result.CheckResult
import checkimage.result.RuleFinding
import checkimage.result.RegistryError
import com.fasterxml.jackson.databind.ObjectMapper
import com.networknt.schema.JsonSchemaFactory
import com.networknt.schema.SpecVersion
import org.w3c.dom.Document
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import javax.xml.XMLConstants
import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.XPathFactory
import javax.xml.transform.stream.StreamSource
import javax.xml.validation.SchemaFactory
import java.nio.file.Path
import java.time.Duration
import java.time.Instant

/**
 * The reports CI systems read — JUnit XML, SARIF 2.1.0, GitHub workflow commands and step summary — validated
 * against the published schemas (copies in specs/resources/schemas), with their mapping of outcomes, their
 * locations, their escaping of hostile strings and their silence about secrets.
 */
class CiReportsSpec extends Specification {

    static final Path SCHEMAS = Path.of('specs/resources/schemas')
    static final Digest RESOLVED = Digest.parse('sha256:' + 'a' * 64)
    static final String JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl'
    static final Instant FINISHED = Instant.parse('2026-12-02T17:30:05.123Z')
    static final Rule DENY = Rule.of(Rule.Kind.DENY, 'docker.io/library/alpine:3.1*', 'policy.groovy, line 7')

    static ReportEntry placed(String input, CheckOutcome outcome, String file, int line, int column, String context,
            Optional<Verdict> verdict = Optional.empty()) {
        new ReportEntry(new CheckResult(input, outcome, '', Duration.ofMillis(25)), "$file:$line $context", verdict,
                Optional.of(new SourcePlace(file, line, column, context, Optional.empty())))
    }

    static ReportEntry argument(String input, CheckOutcome outcome) {
        new ReportEntry(new CheckResult(input, outcome, 'anonymous', Duration.ofMillis(1500)), 'argument')
    }

    static ImageReference ref(String text) {
        ImageReference.parse(text)
    }

    @Shared
    List<ReportEntry> entries = [
            placed('nginx:1.27', new CheckOutcome.Accessible(ref('nginx:1.27'), RESOLVED, '', -1, []), 'k8s/web.yaml', 12, 16,
                    'Deployment shop/web, container web'),
            placed('nginx:9.9', new CheckOutcome.Missing(ref('nginx:9.9'), "manifest unknown: library/nginx has no tag '9.9'",
                    [new RegistryError('MANIFEST_UNKNOWN', 'manifest unknown')]), 'k8s/web.yaml', 30, 18, 'Deployment shop/web, initContainer migrate'),
            placed('ghcr.io/acme/app:1', new CheckOutcome.AuthRejected(ref('ghcr.io/acme/app:1'), CheckOutcome.Rejection.BAD_CREDENTIALS,
                    'ghcr.io rejected the credentials', []), 'docker-compose.yml', 4, 12, 'service app'),
            placed('quay.io/org/tool:1', new CheckOutcome.Unknown(ref('quay.io/org/tool:1'), Cause.TIMEOUT, 'timed out after 30 s',
                    null, []), 'docker-compose.yml', 9, 12, 'service tool'),
            placed('alpine:3.19', new CheckOutcome.NotChecked(ref('alpine:3.19')), 'docker-compose.yml', 14, 12, 'service db',
                    Optional.of(new Verdict(ref('alpine:3.19'), Verdict.Kind.DENIED, Optional.of(DENY),
                            "denied by deny 'docker.io/library/alpine:3.1*' (policy.groovy, line 7)"))),
            placed('busybox', new CheckOutcome.NotChecked(ref('busybox')), 'Dockerfile', 3, 6, 'stage build'),
            argument('Not A Ref', new CheckOutcome.InvalidReference('Not A Ref', 'invalid reference: uppercase')),
    ]

    static ReportData data(List<ReportEntry> entries, boolean failOnUnknown = false, Path root = Path.of('')) {
        new ReportData(entries, [pings: 1], failOnUnknown ? 3 : 1, failOnUnknown, FINISHED, new ReportPaths(Path.of(''), root))
    }

    static void validJunit(String xml) {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(SCHEMAS.resolve('JUnit.xsd').toFile())
                .newValidator().validate(new StreamSource(new StringReader(xml)))
    }

    static Set<String> sarifErrors(String sarif) {
        def factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
        def schema = factory.getSchema(SCHEMAS.resolve('sarif-schema-2.1.0.json').toUri())
        schema.validate(new ObjectMapper().readTree(sarif))*.message as Set
    }

    def "the JUnit report is valid against JUnit.xsd, with one testsuite per file and one testcase per place"() {
        when:
        String xml = JunitReport.render(data(entries))
        Closure<List<String>> each = { String attribute -> (1..4).collect { x(xml, "/testsuites/testsuite[$it]/@$attribute") } }

        then:
        validJunit(xml)
        x(xml, 'count(/testsuites/testsuite)') == '4'
        each('name') == ['k8s/web.yaml', 'docker-compose.yml', 'Dockerfile', 'argument']
        each('id') == ['0', '1', '2', '3']
        each('tests') == ['2', '3', '1', '1']
        each('failures') == ['1', '2', '0', '1']
        each('errors') == ['0', '0', '0', '0']
        each('skipped') == ['0', '0', '1', '0']
        x(xml, '/testsuites/testsuite[1]/@timestamp') == '2026-12-02T17:30:05'
        x(xml, '/testsuites/testsuite[1]/testcase[1]/@name') == '12:16 nginx:1.27 (Deployment shop/web, container web)'
        x(xml, '/testsuites/testsuite[1]/testcase[2]/@name') == '30:18 nginx:9.9 (Deployment shop/web, initContainer migrate)'
        x(xml, '/testsuites/testsuite[1]/testcase[2]/failure/@type') == 'missing'
        x(xml, '/testsuites/testsuite[1]/testcase[2]/failure/@message') == "manifest unknown: library/nginx has no tag '9.9'"
        x(xml, 'count(/testsuites/testsuite[1]/testcase[1]/*)') == '0'
        (1..3).collect { x(xml, "name(/testsuites/testsuite[2]/testcase[$it]/*)") } == ['failure', '', 'failure']
        x(xml, '/testsuites/testsuite[2]/testcase[3]/failure/@type') == 'denied_by_policy'
        x(xml, 'count(/testsuites/testsuite[3]/testcase[1]/skipped)') == '1'
        x(xml, '/testsuites/testsuite[4]/testcase[1]/@name') == 'Not A Ref'
        x(xml, '/testsuites/testsuite[4]/testcase[1]/@time') == '1.500'
    }

    def "an unknown result is a JUnit error only when it fails the run"() {
        when:
        String passing = JunitReport.render(data(entries, false))
        String failing = JunitReport.render(data(entries, true))

        then:
        validJunit(failing)
        x(passing, '/testsuites/testsuite[2]/@errors') == '0'
        x(passing, 'count(/testsuites/testsuite[2]/testcase[2]/*)') == '0'
        x(failing, '/testsuites/testsuite[2]/@errors') == '1'
        x(failing, '/testsuites/testsuite[2]/testcase[2]/error/@type') == 'unknown'
        x(failing, '/testsuites/testsuite[2]/testcase[2]/error/@message') == 'timed out after 30 s'
    }

    def "the SARIF log is valid against the SARIF 2.1.0 schema, with a rule per outcome kind and per policy rule"() {
        when:
        String sarif = SarifReport.render(data(entries))
        Map run = Json.object(Json.parse(sarif)).runs[0] as Map

        then:
        sarifErrors(sarif).isEmpty()
        run.tool.driver.rules*.id == ['missing', 'auth-rejected', 'invalid-reference', 'unknown', 'denied-by-policy',
                                      'policy/deny-docker.io-library-alpine-3.1']
        run.tool.driver.rules.every { it.shortDescription.text && it.help.text }
        run.tool.driver.rules[5].shortDescription.text == "Policy rule: deny 'docker.io/library/alpine:3.1*'"
        run.results*.ruleId == ['missing', 'auth-rejected', 'unknown', 'policy/deny-docker.io-library-alpine-3.1', 'invalid-reference']
        run.results*.ruleIndex == [0, 1, 3, 5, 2]
        run.results*.level == ['error', 'error', 'warning', 'error', 'error']
        run.results[0].message.text == "nginx:9.9: manifest unknown: library/nginx has no tag '9.9'"
        run.results[0].locations[0].physicalLocation == [artifactLocation: [uri: 'k8s/web.yaml', uriBaseId: 'SRCROOT'],
                                                         region: [startLine: 30, startColumn: 18]]
        run.results[4].locations == null
        run.originalUriBaseIds.SRCROOT.uri == Path.of('').toAbsolutePath().toUri().toString()
    }

    def "SARIF and GitHub paths are relative to --report-root; a file outside it is absolute"() {
        given:
        Path cwd = Path.of('').toAbsolutePath()
        List<ReportEntry> two = [entries[1], placed('nginx:9.9', entries[1].result().outcome(), '/elsewhere/my app.yaml', 2, 3, '')]

        when:
        Map run = Json.object(Json.parse(SarifReport.render(data(two, false, cwd.parent)))).runs[0] as Map
        String github = GithubReport.commands(data(two, false, cwd.parent))

        then:
        run.results[0].locations[0].physicalLocation.artifactLocation == [uri: "${cwd.fileName}/k8s/web.yaml".toString(), uriBaseId: 'SRCROOT']
        run.results[1].locations[0].physicalLocation.artifactLocation == [uri: 'file:///elsewhere/my%20app.yaml']
        github.readLines()[0].startsWith("::error file=${cwd.fileName}/k8s/web.yaml,line=30,col=18,")
        github.readLines()[1].startsWith('::error file=/elsewhere/my app.yaml,line=2,col=3,')
    }

    def "GitHub workflow commands annotate the lines of findings: errors for failures, warnings for unknown"() {
        expect:
        GithubReport.commands(data(entries)).readLines() == [
                "::error file=k8s/web.yaml,line=30,col=18,title=check-image%3A missing::nginx:9.9: manifest unknown: library/nginx has no tag '9.9'",
                '::error file=docker-compose.yml,line=4,col=12,title=check-image%3A auth rejected::ghcr.io/acme/app:1: ghcr.io rejected the credentials',
                '::warning file=docker-compose.yml,line=9,col=12,title=check-image%3A unknown::quay.io/org/tool:1: timed out after 30 s',
                "::error file=docker-compose.yml,line=14,col=12,title=check-image%3A denied by policy::alpine:3.19: denied by deny 'docker.io/library/alpine:3.1*' (policy.groovy, line 7)",
                '::error title=check-image%3A invalid reference::Not A Ref: invalid reference: uppercase',
        ]
        GithubReport.commands(data(entries, true)).readLines()[2].startsWith('::error file=docker-compose.yml,line=9,')
    }

    def "a policy warning is a GitHub warning at the image's line, also on an accessible image"() {
        given:
        CheckOutcome found = new CheckOutcome.Accessible(ref('nginx:1.27'), RESOLVED, '', -1, [])
        RuleFinding finding = new RuleFinding(RuleFinding.Level.WARN, "requireLabel 'org.opencontainers.image.licenses'",
                'policy.groovy, line 4', "label 'org.opencontainers.image.licenses' is missing (data is missing)")
        ReportEntry warned = new ReportEntry(new CheckResult('nginx:1.27', found, '', Duration.ofMillis(25), 'docker.io', [finding]),
                'k8s/web.yaml:12 x', Optional.empty(), Optional.of(new SourcePlace('k8s/web.yaml', 12, 16, 'x', Optional.empty())))

        expect:
        GithubReport.commands(data([warned])).readLines() == [
                "::warning file=k8s/web.yaml,line=12,col=16,title=check-image%3A policy warning::nginx:1.27: label 'org.opencontainers.image.licenses' is missing (data is missing)"]
    }

    def "the GitHub report quotes the table so nothing in it is taken for a command"() {
        given:
        ReportEntry hostile = argument('::error::pwned', new CheckOutcome.InvalidReference('::error::pwned', 'bad'))

        when:
        List<String> lines = new ReportRenderer(false, false).render(ReportFormat.GITHUB, data([hostile])).readLines()
        String token = lines[0] - '::stop-commands::'

        then:
        lines[0] ==~ /::stop-commands::[0-9a-f-]{36}/
        lines.contains("::$token::".toString())
        lines.indexOf("::$token::".toString()) < lines.indexOf('::error title=check-image%3A invalid reference::::error::pwned: bad')
        lines.subList(lines.indexOf("::$token::".toString()), lines.size()).findAll { it.startsWith('::') } ==
                ["::$token::".toString(), '::error title=check-image%3A invalid reference::::error::pwned: bad']
    }

    def "the step summary is a Markdown table of what is not accessible"() {
        expect:
        GithubReport.summary(data(entries)).readLines() == [
                '### check-image', '',
                '7 images: 1 accessible, 1 missing, 1 auth rejected, 1 invalid reference, 1 unknown, 1 denied by policy, 1 not checked', '',
                '| image | result | where | reason |', '|---|---|---|---|',
                "| nginx:9.9 | missing | k8s/web.yaml:30 | manifest unknown: library/nginx has no tag '9.9' |",
                '| ghcr.io/acme/app:1 | auth rejected | docker-compose.yml:4 | ghcr.io rejected the credentials |',
                '| quay.io/org/tool:1 | unknown | docker-compose.yml:9 | timed out after 30 s |',
                "| alpine:3.19 | denied by policy | docker-compose.yml:14 | denied by deny 'docker.io/library/alpine:3.1*' (policy.groovy, line 7) |",
                '| Not A Ref | invalid reference | argument | invalid reference: uppercase |', '']
    }

    @Unroll("a hostile #what survives every format intact and inert")
    def "reports escape what they embed"(String what, String file, String context, String reason) {
        given:
        ReportEntry entry = placed('nginx:9.9', new CheckOutcome.Missing(ref('nginx:9.9'), reason, []), file, 7, 9, context)
        ReportData report = data([entry])

        when:
        String xml = JunitReport.render(report)
        String sarif = SarifReport.render(report)
        Map result = Json.object(Json.parse(sarif)).runs[0].results[0] as Map
        List<String> commands = GithubReport.commands(report).readLines()
        String summary = GithubReport.summary(report)

        then: 'XML: valid, and the values read back (characters XML cannot carry become U+FFFD)'
        validJunit(xml)
        x(xml, '//failure/@message') == xmlSafe(reason)
        x(xml, '//testcase/@name') == xmlSafe("7:9 nginx:9.9 ($context)")
        x(xml, '//testsuite/@name') == xmlSafe(file)

        and: 'SARIF: valid, and the values read back'
        sarifErrors(sarif).isEmpty()
        result.message.text == "nginx:9.9: $reason".toString()
        result.properties.context == context

        and: 'GitHub: one command line, whose file and message unescape to the values'
        commands.size() == 1
        unescape(commands[0].find(/file=([^,]*),/) { all, f -> f }) == file
        unescape(commands[0].substring(commands[0].indexOf('::', 2) + 2)) == "nginx:9.9: $reason".toString()

        and: 'Markdown: one table row per finding, no raw HTML'
        summary.readLines().count { it.startsWith('| nginx') } == 1
        !summary.contains('<')

        where:
        what              | file                       | context                       | reason
        'XML markup'      | 'a&b<c>.yaml'              | 'service "x" <y/> & \'z\''    | ']]></failure><x a="1">&amp;'
        'command syntax'  | 'k8s/a,b:c%25.yaml'        | 'line1\r\n::error::injected'  | '100% done\n::error file=x::owned,title=t'
        'JSON syntax'     | 'x\\"y.yaml'               | '{"a": "b\\\\"}'              | '"},{"ruleId":"evil'
        'control chars'   | 'tab\there.yaml'           | 'bell\u0007 nul\u0000'        | 'esc\u001b[31m red\u0001'
        'unicode'         | 'répertoire/📦.yaml'        | 'Ωmega \u2028 sep'            | 'emoji 🐳 \uFFFF end'
        'markdown'        | 'pipes|here.yaml'          | '`code` | cell'               | '<script>alert(1)</script> | **b**'
    }

    @Unroll("no #format report shows a secret a registry echoed")
    def "no report of any format shows a secret a registry echoed"(ReportFormat format) {
        given:
        String secret = 'S3CR3T-TOKEN-77aa'
        ReportEntry leaky = placed('ghcr.io/acme/app:1', new CheckOutcome.AuthRejected(ref('ghcr.io/acme/app:1'),
                CheckOutcome.Rejection.BAD_CREDENTIALS, "rejected; Authorization: Bearer $JWT token=$secret password=$secret",
                [new RegistryError('UNAUTHORIZED', "{\"token\": \"$secret\"}")]), 'k8s/a.yaml', 1, 1, "container x token=$secret")
        ReportData report = data([leaky])

        when:
        String text = new ReportRenderer(false, true).render(format, report) + GithubReport.summary(report)

        then:
        text.contains('ghcr.io/acme/app:1')
        !text.contains(secret)
        !text.contains(JWT)

        where:
        format << ReportFormat.values().toList()
    }

    private static String x(String xml, String expression) {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes('UTF-8')))
        XPathFactory.newInstance().newXPath().evaluate(expression, document)
    }

    private static String xmlSafe(String text) {
        text.collect { String c -> (c as char) < (' ' as char) && !(c in ['\t', '\n', '\r']) || c == '\uFFFF' ? '\uFFFD' : c }.join()
    }

    private static String unescape(String text) {
        text.replace('%0A', '\n').replace('%0D', '\r').replace('%3A', ':').replace('%2C', ',').replace('%25', '%')
    }
}

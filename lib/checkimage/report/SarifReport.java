package checkimage.report;

import checkimage.json.Json;
import checkimage.reference.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (OASIS), the format code scanning services read: one run of the tool {@code check-image} whose
 * rules are the outcome kinds and the policy rules that decided ({@link SarifRules}); one result per finding
 * (missing, auth rejected, invalid, denied, unknown) with its physical location (file relative to the report
 * root, line and column of the image value). Accessible and unchecked images are not findings. Every string is
 * redacted; JSON escaping is {@link Json}'s.
 */
public final class SarifReport {

    static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String ROOT = "SRCROOT";

    private SarifReport() {}

    /** The whole log. */
    public static String render(ReportData data) {
        SarifRules rules = new SarifRules();
        List<Object> results = new ArrayList<>();
        for (ReportEntry entry : data.entries()) {
            ReportData.Severity severity = data.severity(entry);
            if (severity == ReportData.Severity.PASSED || severity == ReportData.Severity.SKIPPED) {
                continue;
            }
            results.add(result(entry, rules, severity, data.paths()));
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "check-image");
        driver.put("semanticVersion", "0.1.0");
        driver.put("rules", rules.all().stream().map(SarifReport::rule).toList());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("originalUriBaseIds", Map.of(ROOT, Map.of("uri", data.paths().rootUri())));
        run.put("invocations", List.of(invocation(data.exitCode())));
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return Json.writePretty(log);
    }

    private static Map<String, Object> rule(SarifRules.Descriptor rule) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", rule.id());
        map.put("name", rule.name());
        map.put("shortDescription", Map.of("text", rule.shortDescription()));
        map.put("help", Map.of("text", rule.help()));
        map.put("defaultConfiguration", Map.of("level", rule.level()));
        return map;
    }

    private static Map<String, Object> invocation(int exitCode) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("executionSuccessful", exitCode != 2);
        map.put("exitCode", exitCode);
        return map;
    }

    private static Map<String, Object> result(
            ReportEntry entry, SarifRules rules, ReportData.Severity severity, ReportPaths paths) {
        int index = rules.indexOf(entry);
        ImageReference reference = JsonReport.referenceOf(entry.result().outcome());
        String image = reference != null ? reference.familiar() : entry.result().input();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ruleId", rules.get(index).id());
        map.put("ruleIndex", index);
        map.put("level", severity == ReportData.Severity.WARNING ? "warning" : "error");
        map.put("message", Map.of("text", Redactor.redact(image + ": " + entry.reason())));
        entry.place()
                .filter(p -> !p.file().equals("-"))
                .ifPresent(place -> map.put("locations", List.of(location(place, paths))));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", entry.status().word());
        properties.put("input", Redactor.redact(entry.result().input()));
        entry.place()
                .map(SourcePlace::context)
                .filter(c -> !c.isEmpty())
                .ifPresent(c -> properties.put("context", Redactor.redact(c)));
        map.put("properties", properties);
        return map;
    }

    private static Map<String, Object> location(SourcePlace place, ReportPaths paths) {
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("uri", Redactor.redact(paths.uri(place.file())));
        if (paths.underRoot(place.file())) {
            artifact.put("uriBaseId", ROOT);
        }
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", place.line());
        region.put("startColumn", place.column());
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact);
        physical.put("region", region);
        return Map.of("physicalLocation", physical);
    }
}

package checkimage.report;

import checkimage.json.Json;
import checkimage.policy.PolicyRule;
import checkimage.policy.Verdict;
import checkimage.policy.Warning;
import checkimage.reference.ImageReference;
import checkimage.result.CheckOutcome;
import checkimage.result.CheckResult;
import checkimage.result.RegistryError;
import checkimage.result.RegistryUsage;
import checkimage.result.RuleFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --output json} document, schema version 1 (documented in the README). Keys are stable; a key whose
 * value is unknown is present with {@code null}. Every string goes through {@link Redactor}.
 */
public final class JsonReport {

    public static final int SCHEMA_VERSION = 1;

    private JsonReport() {}

    /** The whole document: results in input order, a summary, request counts and the exit code. */
    public static String render(List<ReportEntry> entries, Map<String, Integer> requests, int exitCode) {
        return render(entries, requests, List.of(), exitCode);
    }

    /** The whole document with {@code registries}: per host, requests sent and the rate limit it reported. */
    public static String render(
            List<ReportEntry> entries, Map<String, Integer> requests, List<RegistryUsage> registries, int exitCode) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        List<Object> results = new ArrayList<>();
        for (ReportEntry entry : entries) {
            results.add(entry(entry));
        }
        root.put("results", results);
        root.put("summary", Summary.of(entries).asMap());
        root.put("requests", requests);
        root.put("registries", registries.stream().map(JsonReport::usage).toList());
        root.put("exitCode", exitCode);
        return Json.writePretty(root);
    }

    static Map<String, Object> entry(ReportEntry entry) {
        CheckResult result = entry.result();
        CheckOutcome outcome = result.outcome();
        ImageReference reference = referenceOf(outcome);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("input", Redactor.redact(result.input()));
        map.put("origin", Redactor.redact(entry.origin()));
        map.put("reference", reference == null ? null : reference.toString());
        map.put("familiar", reference == null ? null : reference.familiar());
        map.put("registry", reference == null ? null : reference.domain());
        map.put("repository", reference == null ? null : reference.path());
        map.put("tag", reference == null ? null : reference.tag());
        map.put("status", entry.status().word());
        map.put("digest", digestOf(outcome, reference));
        map.put(
                "mediaType",
                outcome instanceof CheckOutcome.Accessible a && !a.mediaType().isEmpty() ? a.mediaType() : null);
        map.put("size", outcome instanceof CheckOutcome.Accessible a && a.size() >= 0 ? a.size() : null);
        map.put("platforms", outcome instanceof CheckOutcome.Accessible a ? a.platforms() : List.of());
        map.put("reason", Redactor.redact(entry.reason()));
        map.put(
                "cause",
                outcome instanceof CheckOutcome.Unknown u ? lower(u.cause().name()) : null);
        map.put(
                "rejection",
                outcome instanceof CheckOutcome.AuthRejected r
                        ? lower(r.rejection().name())
                        : null);
        map.put(
                "retryAfterSeconds",
                outcome instanceof CheckOutcome.Unknown u && u.retryAfter() != null
                        ? u.retryAfter().toSeconds()
                        : null);
        map.put("errors", errorsOf(outcome));
        map.put("credentialSource", result.credentialSource().isEmpty() ? null : result.credentialSource());
        map.put("elapsedMs", result.elapsed().toMillis());
        map.put("endpoint", result.endpoint().isEmpty() ? null : result.endpoint());
        map.put("endpointRepository", result.endpointRepository().isEmpty() ? null : result.endpointRepository());
        map.put("proxy", result.proxy().isEmpty() ? null : Redactor.redact(result.proxy()));
        map.put(
                "policy",
                result.denial().isPresent()
                                && entry.verdict().map(Verdict::allowed).orElse(true)
                        ? imageDenial(result.denial().get())
                        : entry.verdict().map(JsonReport::verdict).orElse(null));
        map.put("file", entry.place().map(p -> Redactor.redact(p.file())).orElse(null));
        map.put("line", entry.place().map(SourcePlace::line).orElse(null));
        map.put("column", entry.place().map(SourcePlace::column).orElse(null));
        map.put(
                "context",
                entry.place()
                        .map(SourcePlace::context)
                        .filter(c -> !c.isEmpty())
                        .map(Redactor::redact)
                        .orElse(null));
        map.put("warnings", warnings(entry));
        map.put(
                "unevaluated",
                entry.unevaluated().stream()
                        .map(rule -> rule(rule.describe(), rule.origin(), null))
                        .toList());
        return map;
    }

    private static Map<String, Object> imageDenial(RuleFinding denial) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verdict", Verdict.Kind.IMAGE_DENIED.name().toLowerCase(Locale.ROOT));
        map.put("rule", denial.rule());
        map.put("origin", denial.origin());
        map.put("message", Redactor.redact(denial.message()));
        return map;
    }

    private static List<Object> warnings(ReportEntry entry) {
        List<Object> list = new ArrayList<>();
        for (Warning warning : entry.warnings()) {
            list.add(rule(warning.rule(), warning.origin(), Redactor.redact(warning.message())));
        }
        return list;
    }

    private static Map<String, Object> rule(String rule, String origin, String message) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rule", rule);
        map.put("origin", origin);
        if (message != null) {
            map.put("message", message);
        }
        return map;
    }

    private static Map<String, Object> usage(RegistryUsage usage) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("host", usage.host());
        map.put("requests", usage.requests());
        map.put("limit", usage.limit().isPresent() ? usage.limit().getAsLong() : null);
        map.put("remaining", usage.remaining().isPresent() ? usage.remaining().getAsLong() : null);
        map.put(
                "windowSeconds",
                usage.windowSeconds().isPresent() ? usage.windowSeconds().getAsLong() : null);
        map.put("source", usage.source().isEmpty() ? null : Redactor.redact(usage.source()));
        return map;
    }

    private static Map<String, Object> verdict(Verdict verdict) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verdict", verdict.kind().name().toLowerCase(Locale.ROOT));
        map.put("rule", verdict.rule().map(PolicyRule::describe).orElse(null));
        map.put("origin", verdict.rule().map(PolicyRule::origin).orElse(null));
        map.put("message", verdict.message());
        return map;
    }

    static ImageReference referenceOf(CheckOutcome outcome) {
        if (outcome instanceof CheckOutcome.Accessible a) {
            return a.reference();
        } else if (outcome instanceof CheckOutcome.Missing m) {
            return m.reference();
        } else if (outcome instanceof CheckOutcome.AuthRejected r) {
            return r.reference();
        } else if (outcome instanceof CheckOutcome.Unknown u) {
            return u.reference();
        } else if (outcome instanceof CheckOutcome.NotChecked n) {
            return n.reference();
        }
        return null;
    }

    private static String digestOf(CheckOutcome outcome, ImageReference reference) {
        if (outcome instanceof CheckOutcome.Accessible a) {
            return a.digest().toString();
        }
        return reference != null && reference.digest() != null
                ? reference.digest().toString()
                : null;
    }

    private static List<Object> errorsOf(CheckOutcome outcome) {
        List<RegistryError> errors = List.of();
        if (outcome instanceof CheckOutcome.Missing m) {
            errors = m.errors();
        } else if (outcome instanceof CheckOutcome.AuthRejected r) {
            errors = r.errors();
        } else if (outcome instanceof CheckOutcome.Unknown u) {
            errors = u.errors();
        }
        List<Object> list = new ArrayList<>();
        for (RegistryError error : errors) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("code", error.code());
            map.put("message", Redactor.redact(error.message()));
            list.add(map);
        }
        return list;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

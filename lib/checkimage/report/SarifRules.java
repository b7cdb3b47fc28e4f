package checkimage.report;

import checkimage.policy.PolicyRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SARIF rules of one report: one per outcome kind that is a finding (always present, in a fixed order) and
 * one per policy rule that decided a result, in the order first met. A policy rule's id is a readable slug of the
 * rule as written ({@code policy/deny-docker.io-library-alpine-3.1}), made unique.
 */
final class SarifRules {

    /** A rule of the report and its index in {@code tool.driver.rules}. */
    record Descriptor(String id, String name, String shortDescription, String help, String level) {}

    private static final List<Descriptor> OUTCOMES = List.of(
            new Descriptor(
                    "missing",
                    "ImageMissing",
                    "The image does not exist in its registry",
                    "The registry answered that this tag or digest does not exist (or the repository does not). Push the "
                            + "image, or fix the reference.",
                    "error"),
            new Descriptor(
                    "auth-rejected",
                    "ImageAuthRejected",
                    "The registry refused the credentials or the access",
                    "The registry rejected the credentials used, or they do not grant pull access to this repository. "
                            + "Check the pull secret or the credentials configured for this registry.",
                    "error"),
            new Descriptor(
                    "invalid-reference",
                    "InvalidImageReference",
                    "The value is not a valid image reference",
                    "The value does not follow the distribution reference grammar (name[:tag][@digest]); nothing was "
                            + "requested. Fix the reference.",
                    "error"),
            new Descriptor(
                    "unknown",
                    "ImageAccessUnknown",
                    "Whether the image can be pulled is unknown",
                    "The registry could not be asked (DNS, TLS, timeout, rate limit, server error). The image may exist; "
                            + "run again, or check the network and the registry.",
                    "warning"),
            new Descriptor(
                    "denied-by-policy",
                    "ImageDeniedByPolicy",
                    "The policy does not allow the image",
                    "No rule of the policy allows this reference; it was not checked. Use an allowed image or change "
                            + "the policy.",
                    "error"));

    private final List<Descriptor> rules = new ArrayList<>(OUTCOMES);
    private final Map<PolicyRule, Integer> policyRules = new LinkedHashMap<>();
    private final Set<String> ids = new HashSet<>();

    SarifRules() {
        OUTCOMES.forEach(rule -> ids.add(rule.id()));
    }

    /** Every rule, outcome kinds first. */
    List<Descriptor> all() {
        return List.copyOf(rules);
    }

    /** The index of the rule a finding of this row is reported under. */
    int indexOf(ReportEntry entry) {
        if (entry.deniedByPolicy()) {
            Optional<PolicyRule> rule = entry.verdict().flatMap(v -> v.rule());
            return rule.map(this::policyRule).orElse(4);
        }
        return switch (entry.status()) {
            case MISSING -> 0;
            case AUTH_REJECTED -> 1;
            case INVALID_REFERENCE -> 2;
            case UNKNOWN -> 3;
            case DENIED_BY_POLICY -> 4;
            case ACCESSIBLE, NOT_CHECKED -> throw new IllegalArgumentException("not a finding: " + entry.status());
        };
    }

    Descriptor get(int index) {
        return rules.get(index);
    }

    private int policyRule(PolicyRule rule) {
        return policyRules.computeIfAbsent(rule, r -> {
            String described = Redactor.redact(r.describe());
            String id = unique("policy/" + slug(described));
            rules.add(new Descriptor(
                    id,
                    "PolicyRule",
                    "Policy rule: " + described,
                    "The policy rule " + described + " (" + Redactor.redact(r.origin())
                            + ") does not allow this reference; "
                            + "it was not checked. Use an allowed image or change the rule.",
                    "error"));
            return rules.size() - 1;
        });
    }

    private String unique(String id) {
        String candidate = id;
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.*]+", "-")
                .replace("*", "")
                .replaceAll("-{2,}", "-")
                .replaceAll("^[-.]+|[-.]+$", "");
        return slug.isEmpty() ? "rule" : slug.length() > 80 ? slug.substring(0, 80) : slug;
    }
}

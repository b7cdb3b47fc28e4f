package checkimage.cli;

import checkimage.client.ImageChecker;
import checkimage.client.ImageCheckerBuilder;
import checkimage.client.RequestStats;
import checkimage.credentials.CredentialChains;
import checkimage.credentials.CredentialHelpers;
import checkimage.credentials.CredentialSource;
import checkimage.credentials.Environment;
import checkimage.credentials.ExplicitCredentials;
import checkimage.credentials.PullSecret;
import checkimage.input.PullSecretReader;
import checkimage.policy.OnUnknown;
import checkimage.policy.Policy;
import checkimage.policy.Verdict;
import checkimage.reference.ImageReference;
import checkimage.reference.InvalidReferenceException;
import checkimage.report.JsonReport;
import checkimage.report.ReportEntry;
import checkimage.report.Status;
import checkimage.report.Summary;
import checkimage.report.TextReport;
import checkimage.result.CheckOutcome;
import checkimage.result.CheckResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One invocation: collect the inputs, parse them and apply the policy's registry-free rules (no request for a
 * reference the policy refuses), check the rest (or nothing, offline), report, choose the exit code.
 */
final class CheckRun {

    private final CheckImageCommand command;
    private final Terminal terminal;
    private ProgressListener progress;
    private Policy policy;
    private checkimage.registries.RegistryRoutes routes = checkimage.registries.RegistryRoutes.none();
    private final List<checkimage.result.RegistryUsage> usage = new ArrayList<>();

    CheckRun(CheckImageCommand command, Terminal terminal) {
        this.command = command;
        this.terminal = terminal;
    }

    int run() {
        validate();
        ExplicitCredentials explicit = new ExplicitCredentials();
        List<CheckItem> items = new InputCollector(command, terminal, explicit).collect();
        if (items.isEmpty()) {
            throw new UsageException("no image to check: give IMAGE arguments, --file PATH or --job JOB.yaml");
        }
        policy = command.policy == null ? null : PolicySupport.load(command.policy, terminal.env());
        if (!command.offline) {
            routes = RuntimeRegistries.load(command, environment(), terminal.err());
        }
        List<Judged> judged = judge(items);
        Map<String, Integer> requests = new LinkedHashMap<>();
        List<ReportEntry> entries = command.offline ? offline(judged) : online(judged, explicit, requests);
        int exit = exitCode(entries);
        print(entries, requests, exit);
        return exit;
    }

    private void validate() {
        if (command.concurrency < 1 || command.perRegistry < 1 || command.tokenBatch < 1) {
            throw new UsageException("--concurrency, --per-registry and --token-batch must be at least 1");
        }
        if (command.passwordStdin && command.username == null) {
            throw new UsageException("--password-stdin needs --username");
        }
        if (command.passwordStdin && command.files.contains("-")) {
            throw new UsageException("--password-stdin and --file - cannot both read stdin");
        }
        if (command.secrets != null && command.job == null) {
            throw new UsageException("--secrets is only used with --job");
        }
    }

    private List<Judged> judge(List<CheckItem> items) {
        List<Judged> judged = new ArrayList<>();
        for (CheckItem item : items) {
            try {
                ImageReference reference = ImageReference.parse(item.input());
                Optional<Verdict> judgedByPolicy = policy == null ? Optional.empty() : Optional.of(policy.evaluate(reference));
                Optional<Verdict> verdict = judgedByPolicy.filter(v -> !v.allowed()).isPresent() ? judgedByPolicy
                        : routes.route(reference).blockedBy().map(by -> new Verdict(reference, Verdict.Kind.BLOCKED,
                                Optional.empty(), "blocked by " + by)).or(() -> judgedByPolicy);
                judged.add(new Judged(item, reference, null, verdict));
            } catch (InvalidReferenceException e) {
                judged.add(new Judged(item, null, e.getMessage(), Optional.empty()));
            }
        }
        return judged;
    }

    private List<ReportEntry> offline(List<Judged> judged) {
        List<ReportEntry> entries = new ArrayList<>();
        for (Judged one : judged) {
            entries.add(uncheckedEntry(one));
        }
        return entries;
    }

    private static ReportEntry uncheckedEntry(Judged one) {
        CheckOutcome outcome = one.reference() == null
                ? new CheckOutcome.InvalidReference(one.item().input(), one.problem())
                : new CheckOutcome.NotChecked(one.reference());
        return new ReportEntry(new CheckResult(one.item().input(), outcome, "", Duration.ZERO), one.item().origin(), one.verdict());
    }

    private List<ReportEntry> online(List<Judged> judged, ExplicitCredentials explicit, Map<String, Integer> requests) {
        List<Judged> checkable = judged.stream().filter(Judged::checkable).toList();
        List<CheckResult> results = List.of();
        if (!checkable.isEmpty()) {
            try (ImageChecker checker = builder(explicit, checkable).build()) {
                results = checker.checkAll(checkable.stream().map(j -> j.item().input()).toList());
                if (progress != null) {
                    progress.finish();
                }
                count(checker.stats(), requests);
                usage.addAll(checker.registryUsage());
                warnAboutQuotas();
            }
        }
        Iterator<CheckResult> checked = results.iterator();
        List<ReportEntry> entries = new ArrayList<>();
        for (Judged one : judged) {
            entries.add(one.checkable() ? new ReportEntry(checked.next(), one.item().origin(), one.verdict()) : uncheckedEntry(one));
        }
        return entries;
    }

    private void warnAboutQuotas() {
        for (checkimage.result.RegistryUsage one : usage) {
            if (one.nearlyExhausted()) {
                terminal.err().println("check-image: warning: rate limit nearly used up at " + one.describeQuota());
            }
        }
    }

    private void count(RequestStats stats, Map<String, Integer> requests) {
        requests.put("pings", stats.pings());
        requests.put("tokenRequests", stats.tokenRequests());
        requests.put("manifestRequests", stats.manifestRequests());
        requests.put("blobRequests", stats.blobRequests());
        requests.put("retries", stats.retries());
        if (command.verbose) {
            terminal.err().println("check-image: " + stats);
        }
    }

    private ImageCheckerBuilder builder(ExplicitCredentials explicit, List<Judged> checkable) {
        ImageCheckerBuilder builder = ImageChecker.builder()
                .credentials(credentials(explicit))
                .timeout(command.timeout)
                .concurrency(command.concurrency)
                .perRegistry(command.perRegistry)
                .tokenBatch(command.tokenBatch);
        command.caFiles.forEach(builder::caFile);
        command.plainHttp.forEach(builder::plainHttp);
        for (String host : command.skipTlsVerify) {
            terminal.err().println("check-image: warning: TLS certificates of " + host + " are not verified (--skip-tls-verify)");
            builder.skipTlsVerify(host);
        }
        command.platforms.forEach(builder::platform);
        List<ImageReference> references = checkable.stream().map(Judged::reference).toList();
        routes = RuntimeRegistries.withPolicy(routes, policy, references);
        RuntimeRegistries.configureHosts(builder, routes, references, terminal.err());
        RuntimeRegistries.configureRates(builder, command.rates, policy, references);
        if (command.verbose) {
            RuntimeRegistries.explain(routes, references, terminal.err());
            RuntimeRegistries.explainPolicyTrust(policy, references, terminal.err());
        }
        if (policy != null) {
            PolicySupport.configureRegistries(builder, policy, checkable.stream().map(Judged::reference).toList(), terminal.err());
            PolicySupport.configureDefaults(builder, policy, !command.platforms.isEmpty(), command::flagGiven);
        }
        if (command.verbose) {
            builder.listener(new VerboseListener(terminal.err()));
        } else if (terminal.interactive() && !command.quiet) {
            progress = new ProgressListener(terminal.err());
            builder.listener(progress);
        }
        return builder;
    }

    /** The documented order: explicit, policy, --authfile or Docker config then auth.json, pull secrets, anonymous. */
    private Environment environment() {
        return Environment.of(terminal.env(), Path.of(System.getProperty("user.home")));
    }

    private CredentialSource credentials(ExplicitCredentials explicit) {
        Environment environment = environment();
        List<PullSecret> secrets = new ArrayList<>();
        PullSecretReader reader = new PullSecretReader();
        for (Path file : command.pullSecrets) {
            secrets.addAll(reader.read(file));
        }
        CredentialHelpers helpers = CredentialHelpers.onPath(environment);
        CredentialSource standard = CredentialChains.standard(explicit, Optional.ofNullable(command.authFile), secrets,
                environment, helpers);
        return policy == null ? standard : PolicySupport.credentials(policy, explicit, standard, environment, helpers);
    }

    private int exitCode(List<ReportEntry> entries) {
        Summary summary = Summary.of(entries);
        int definite = summary.count(Status.MISSING) + summary.count(Status.AUTH_REJECTED)
                + summary.count(Status.INVALID_REFERENCE) + summary.count(Status.DENIED_BY_POLICY);
        if (definite > 0) {
            return ExitCodes.INACCESSIBLE;
        }
        return failOnUnknown() && summary.count(Status.UNKNOWN) > 0 ? ExitCodes.UNKNOWN : ExitCodes.OK;
    }

    private boolean failOnUnknown() {
        return command.failOnUnknown || policy != null && policy.onUnknown() == OnUnknown.FAIL;
    }

    private void print(List<ReportEntry> entries, Map<String, Integer> requests, int exit) {
        if (command.quiet) {
            return;
        }
        if (command.output == CheckImageCommand.Output.json) {
            terminal.out().println(JsonReport.render(entries, requests, usage, exit));
            return;
        }
        terminal.out().print(TextReport.render(entries, terminal.colour() && !command.noColor, command.verbose));
        int unknown = Summary.of(entries).count(Status.UNKNOWN);
        if (unknown > 0 && !failOnUnknown()) {
            terminal.err().println("check-image: warning: " + unknown + " result(s) unknown; they pass without --fail-on-unknown");
        }
        terminal.out().flush();
    }
}

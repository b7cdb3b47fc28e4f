package checkimage.cli;

import checkimage.client.ImageChecker;
import checkimage.client.ImageCheckerBuilder;
import checkimage.client.RequestStats;
import checkimage.credentials.CredentialChain;
import checkimage.credentials.CredentialChains;
import checkimage.credentials.CredentialHelpers;
import checkimage.credentials.CredentialSource;
import checkimage.credentials.Environment;
import checkimage.credentials.ExplicitCredentials;
import checkimage.credentials.PullSecret;
import checkimage.credentials.PullSecretSource;
import checkimage.input.ImagePlace;
import checkimage.input.InputNote;
import checkimage.input.PullSecretReader;
import checkimage.policy.OnUnknown;
import checkimage.policy.Policy;
import checkimage.policy.Verdict;
import checkimage.reference.ImageReference;
import checkimage.reference.InvalidReferenceException;
import checkimage.report.Redactor;
import checkimage.report.ReportData;
import checkimage.report.ReportEntry;
import checkimage.report.ReportFormat;
import checkimage.report.SourcePlace;
import checkimage.report.Status;
import checkimage.report.Summary;
import checkimage.result.CheckOutcome;
import checkimage.result.CheckResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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
        ReportOutput reports = new ReportOutput(command, terminal);
        ExplicitCredentials explicit = new ExplicitCredentials();
        InputCollector collector = new InputCollector(command, terminal, explicit);
        List<CheckItem> items = collector.collect();
        PinRun pins = new PinRun(command, terminal);
        if (command.pin) {
            pins.snapshot(items);
        }
        printNotes(collector.notes());
        List<String> problems = collector.problems();
        if (items.isEmpty()) {
            if (!problems.isEmpty()) {
                printProblems(problems);
                return ExitCodes.USAGE;
            }
            throw new UsageException("no image to check: give IMAGE arguments, --file, --job, --manifest, --compose,"
                    + " --dockerfile or --scan (found no image in them)");
        }
        policy = command.policy == null ? null : PolicySupport.load(command.policy, terminal.env());
        if (!command.offline) {
            routes = RuntimeRegistries.load(command, environment(), terminal.err());
        }
        List<Judged> judged = judge(items);
        Map<String, Integer> requests = new LinkedHashMap<>();
        List<ReportEntry> entries = command.offline ? offline(judged) : online(judged, explicit, requests);
        int exit = problems.isEmpty() ? exitCode(entries) : ExitCodes.USAGE;
        boolean written = print(
                reports,
                new ReportData(entries, requests, exit, failOnUnknown(), Instant.now(), reports.paths(), usage));
        if (command.pin) {
            written &= pins.apply(judged, entries, tags -> checkMore(tags, explicit));
        }
        printProblems(problems);
        return written ? exit : ExitCodes.USAGE;
    }

    private void printNotes(List<InputNote> notes) {
        for (InputNote note : notes) {
            if (note.level() == InputNote.Level.WARNING) {
                terminal.err().println("check-image: warning: " + Redactor.redact(note.toString()));
            } else if (command.verbose) {
                terminal.err().println("check-image: " + Redactor.redact(note.toString()));
            }
        }
    }

    private void printProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            terminal.err()
                    .println("check-image: " + problems.size() + " file(s) could not be read; the rest were checked:");
            problems.forEach(problem -> terminal.err().println("check-image: " + Redactor.redact(problem)));
        }
    }

    private void validate() {
        if (command.concurrency < 1 || command.perRegistry < 1 || command.tokenBatch < 1) {
            throw new UsageException("--concurrency, --per-registry and --token-batch must be at least 1");
        }
        if (command.registry != null && command.username == null) {
            throw new UsageException("--registry names the registry of --username; give --username too");
        }
        if (command.passwordStdin && command.username == null) {
            throw new UsageException("--password-stdin needs --username");
        }
        long stdinReaders = command.files.stream().filter("-"::equals).count()
                + command.manifests.stream().filter("-"::equals).count()
                + (command.passwordStdin ? 1 : 0);
        if (stdinReaders > 1) {
            throw new UsageException(
                    command.passwordStdin
                            ? "--password-stdin and --file - (or --manifest -) cannot both read stdin"
                            : "only one of --file - and --manifest - can read stdin, once");
        }
        if (!command.buildArgs.isEmpty() && command.dockerfiles.isEmpty() && command.scans.isEmpty()) {
            throw new UsageException("--build-arg is only used with --dockerfile or --scan");
        }
        if ((command.dryRun || command.update) && !command.pin) {
            throw new UsageException("--dry-run and --update are only used with --pin");
        }
        if (command.pin && command.offline) {
            throw new UsageException("--pin needs the digests of a check; it cannot be used with --offline");
        }
        if (command.secrets != null && command.job == null) {
            throw new UsageException("--secrets is only used with --job");
        }
    }

    private List<Judged> judge(List<CheckItem> items) {
        List<Judged> judged = new ArrayList<>();
        for (CheckItem item : items) {
            Optional<ImagePlace> place = item.place();
            Optional<String> invalid = place.flatMap(ImagePlace::invalid);
            if (invalid.isPresent()) {
                judged.add(new Judged(
                        item,
                        null,
                        "invalid image value at " + place.get().location() + ": " + invalid.get(),
                        Optional.empty()));
                continue;
            }
            boolean built = place.flatMap(ImagePlace::notChecked).isPresent();
            try {
                ImageReference reference = ImageReference.parse(item.input());
                Optional<Verdict> judgedByPolicy =
                        policy == null || built ? Optional.empty() : Optional.of(policy.evaluate(reference));
                Optional<Verdict> verdict =
                        built || judgedByPolicy.filter(v -> !v.allowed()).isPresent()
                                ? judgedByPolicy
                                : routes.route(reference)
                                        .blockedBy()
                                        .map(by -> new Verdict(
                                                reference, Verdict.Kind.BLOCKED, Optional.empty(), "blocked by " + by))
                                        .or(() -> judgedByPolicy);
                judged.add(new Judged(item, reference, null, verdict));
            } catch (InvalidReferenceException e) {
                judged.add(new Judged(item, null, e.getMessage(), Optional.empty()));
            }
        }
        return judged;
    }

    /** Without requests, the image rules cannot be judged: each entry lists those that apply to it. */
    private List<ReportEntry> offline(List<Judged> judged) {
        List<ReportEntry> entries = new ArrayList<>();
        for (Judged one : judged) {
            ReportEntry entry = uncheckedEntry(one);
            entries.add(
                    policy == null || !one.checkable()
                            ? entry
                            : new ReportEntry(
                                    entry.result(),
                                    entry.origin(),
                                    entry.verdict(),
                                    entry.place(),
                                    policy.imageRulesFor(one.reference())));
        }
        return entries;
    }

    private static ReportEntry uncheckedEntry(Judged one) {
        CheckOutcome outcome = one.reference() == null
                ? new CheckOutcome.InvalidReference(one.item().input(), one.problem())
                : new CheckOutcome.NotChecked(one.reference());
        return entry(one, new CheckResult(one.item().input(), outcome, "", Duration.ZERO));
    }

    private static ReportEntry entry(Judged one, CheckResult result) {
        Optional<SourcePlace> place = one.item()
                .place()
                .map(p -> new SourcePlace(
                        p.location().file(), p.location().line(), p.location().column(), p.context(), p.notChecked()));
        return new ReportEntry(result, one.item().origin(), one.verdict(), place);
    }

    /**
     * Checks every checkable input, each distinct reference once per set of pod pull secrets: images of pods
     * with the same secrets (or none) share one checker; a reference used by pods with different secrets is
     * checked once per set, since the answer may differ.
     */
    private List<ReportEntry> online(List<Judged> judged, ExplicitCredentials explicit, Map<String, Integer> requests) {
        Map<List<PullSecret>, List<Judged>> groups = new LinkedHashMap<>();
        judged.stream()
                .filter(Judged::checkable)
                .forEach(one -> groups.computeIfAbsent(one.item().pullSecrets(), s -> new ArrayList<>())
                        .add(one));
        Map<Judged, CheckResult> results = new IdentityHashMap<>();
        if (!groups.isEmpty()) {
            CredentialSource standard = credentials(explicit);
            groups.forEach((secrets, members) -> {
                CredentialSource source = secrets.isEmpty()
                        ? standard
                        : new CredentialChain(List.of(PullSecretSource.ofManifest(secrets), standard));
                try (ImageChecker checker = builder(source, members).build()) {
                    List<CheckResult> checked = checker.checkAll(
                            members.stream().map(j -> j.item().input()).toList());
                    for (int i = 0; i < members.size(); i++) {
                        results.put(members.get(i), checked.get(i));
                    }
                    count(checker.stats(), requests);
                    usage.addAll(checker.registryUsage());
                }
            });
            warnAboutQuotas();
            if (progress != null) {
                progress.finish();
            }
        }
        List<ReportEntry> entries = new ArrayList<>();
        for (Judged one : judged) {
            entries.add(one.checkable() ? entry(one, results.get(one)) : uncheckedEntry(one));
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

    /** Checks more references with the run's settings and standard credentials (--pin's tags of pinned references). */
    private List<CheckResult> checkMore(List<String> references, ExplicitCredentials explicit) {
        try (ImageChecker checker = builder(credentials(explicit), List.of()).build()) {
            return checker.checkAll(references);
        }
    }

    private void count(RequestStats stats, Map<String, Integer> requests) {
        requests.merge("pings", stats.pings(), Integer::sum);
        requests.merge("tokenRequests", stats.tokenRequests(), Integer::sum);
        requests.merge("manifestRequests", stats.manifestRequests(), Integer::sum);
        requests.merge("blobRequests", stats.blobRequests(), Integer::sum);
        requests.merge("retries", stats.retries(), Integer::sum);
        if (command.verbose) {
            terminal.err().println("check-image: " + stats);
        }
    }

    private ImageCheckerBuilder builder(CredentialSource credentials, List<Judged> checkable) {
        ImageCheckerBuilder builder = ImageChecker.builder()
                .credentials(credentials)
                .timeout(command.timeout)
                .concurrency(command.concurrency)
                .perRegistry(command.perRegistry)
                .tokenBatch(command.tokenBatch);
        command.caFiles.forEach(builder::caFile);
        List<ImageReference> references =
                checkable.stream().map(Judged::reference).toList();
        // the policy's mirrors over the runtime's files, for this checker's references (the field stays the files')
        checkimage.registries.RegistryRoutes routed = RuntimeRegistries.withPolicy(routes, policy, references);
        NetworkSettings.configure(
                builder, command, terminal, policy, references, RuntimeRegistries.hostTls(routed, references));
        command.plainHttp.forEach(builder::plainHttp);
        for (String host : command.skipTlsVerify) {
            terminal.err()
                    .println("check-image: warning: TLS certificates of " + host
                            + " are not verified (--skip-tls-verify)");
            builder.skipTlsVerify(host);
        }
        command.platforms.forEach(builder::platform);
        RuntimeRegistries.configureHosts(builder, routed, references, terminal.err());
        RuntimeRegistries.configureRates(builder, command.rates, policy, references);
        if (command.verbose) {
            RuntimeRegistries.explain(routed, references, terminal.err());
            RuntimeRegistries.explainPolicyTrust(policy, references, terminal.err());
        }
        if (policy != null) {
            builder.policy(policy);
            PolicySupport.configureRegistries(
                    builder, policy, checkable.stream().map(Judged::reference).toList(), terminal.err());
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
        CredentialSource standard = CredentialChains.standard(
                explicit, Optional.ofNullable(command.authFile), secrets, environment, helpers);
        return policy == null ? standard : PolicySupport.credentials(policy, explicit, standard, environment, helpers);
    }

    private int exitCode(List<ReportEntry> entries) {
        Summary summary = Summary.of(entries);
        int definite = summary.count(Status.MISSING)
                + summary.count(Status.AUTH_REJECTED)
                + summary.count(Status.INVALID_REFERENCE)
                + summary.count(Status.DENIED_BY_POLICY);
        if (definite > 0
                || command.failOnWarning
                        && entries.stream().anyMatch(e -> !e.warnings().isEmpty())) {
            return ExitCodes.INACCESSIBLE;
        }
        return failOnUnknown() && summary.count(Status.UNKNOWN) > 0 ? ExitCodes.UNKNOWN : ExitCodes.OK;
    }

    private boolean failOnUnknown() {
        return command.failOnUnknown || policy != null && policy.onUnknown() == OnUnknown.FAIL;
    }

    /** The stdout report and the --report files; false when a file could not be written. */
    private boolean print(ReportOutput reports, ReportData data) {
        ReportFormat format = ReportFormat.valueOf(command.output.name().toUpperCase(java.util.Locale.ROOT));
        boolean written =
                reports.emit(data, format, terminal.colour() && !command.noColor, !(command.pin && command.dryRun));
        int unknown = Summary.of(data.entries()).count(Status.UNKNOWN);
        if (!command.quiet && format == ReportFormat.TEXT && unknown > 0 && !failOnUnknown()) {
            terminal.err()
                    .println("check-image: warning: " + unknown
                            + " result(s) unknown; they pass without --fail-on-unknown");
        }
        return written;
    }
}

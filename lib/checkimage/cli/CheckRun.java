package checkimage.cli;

import checkimage.client.ImageChecker;
import checkimage.client.ImageCheckerBuilder;
import checkimage.client.RequestStats;
import checkimage.credentials.CredentialChains;
import checkimage.credentials.CredentialHelpers;
import checkimage.credentials.CredentialSource;
import checkimage.credentials.Environment;
import checkimage.credentials.PullSecret;
import checkimage.input.PullSecretReader;
import checkimage.credentials.ExplicitCredentials;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One invocation: collect the inputs, check them (or only parse them, offline), report, choose the exit code. */
final class CheckRun {

    private final CheckImageCommand command;
    private final Terminal terminal;
    private ProgressListener progress;

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
        Map<String, Integer> requests = new LinkedHashMap<>();
        List<ReportEntry> entries = command.offline ? offline(items) : online(items, explicit, requests);
        int exit = exitCode(entries);
        print(entries, requests, exit);
        return exit;
    }

    private void validate() {
        if (command.concurrency < 1 || command.perRegistry < 1) {
            throw new UsageException("--concurrency and --per-registry must be at least 1");
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

    private List<ReportEntry> offline(List<CheckItem> items) {
        List<ReportEntry> entries = new ArrayList<>();
        for (CheckItem item : items) {
            CheckOutcome outcome;
            try {
                outcome = new CheckOutcome.NotChecked(ImageReference.parse(item.input()));
            } catch (InvalidReferenceException e) {
                outcome = new CheckOutcome.InvalidReference(item.input(), e.getMessage());
            }
            entries.add(new ReportEntry(new CheckResult(item.input(), outcome, "", Duration.ZERO), item.origin()));
        }
        return entries;
    }

    private List<ReportEntry> online(List<CheckItem> items, ExplicitCredentials explicit, Map<String, Integer> requests) {
        List<ReportEntry> entries = new ArrayList<>();
        try (ImageChecker checker = builder(explicit).build()) {
            List<CheckResult> results = checker.checkAll(items.stream().map(CheckItem::input).toList());
            if (progress != null) {
                progress.finish();
            }
            for (int i = 0; i < items.size(); i++) {
                entries.add(new ReportEntry(results.get(i), items.get(i).origin()));
            }
            RequestStats stats = checker.stats();
            requests.put("pings", stats.pings());
            requests.put("tokenRequests", stats.tokenRequests());
            requests.put("manifestRequests", stats.manifestRequests());
            requests.put("blobRequests", stats.blobRequests());
            requests.put("retries", stats.retries());
            if (command.verbose) {
                terminal.err().println("check-image: " + stats);
            }
        }
        return entries;
    }

    private ImageCheckerBuilder builder(ExplicitCredentials explicit) {
        ImageCheckerBuilder builder = ImageChecker.builder()
                .credentials(credentials(explicit))
                .timeout(command.timeout)
                .concurrency(command.concurrency)
                .perRegistry(command.perRegistry);
        command.caFiles.forEach(builder::caFile);
        command.plainHttp.forEach(builder::plainHttp);
        for (String host : command.skipTlsVerify) {
            terminal.err().println("check-image: warning: TLS certificates of " + host + " are not verified (--skip-tls-verify)");
            builder.skipTlsVerify(host);
        }
        command.platforms.forEach(builder::platform);
        if (command.verbose) {
            builder.listener(new VerboseListener(terminal.err()));
        } else if (terminal.interactive() && !command.quiet) {
            progress = new ProgressListener(terminal.err());
            builder.listener(progress);
        }
        return builder;
    }

    /** The documented order: explicit, --authfile or Docker config then auth.json, pull secrets, anonymous. */
    private CredentialSource credentials(ExplicitCredentials explicit) {
        Environment environment = Environment.of(terminal.env(), Path.of(System.getProperty("user.home")));
        List<PullSecret> secrets = new ArrayList<>();
        PullSecretReader reader = new PullSecretReader();
        for (Path file : command.pullSecrets) {
            secrets.addAll(reader.read(file));
        }
        return CredentialChains.standard(explicit, Optional.ofNullable(command.authFile), secrets, environment,
                CredentialHelpers.onPath(environment));
    }

    private int exitCode(List<ReportEntry> entries) {
        Summary summary = Summary.of(entries);
        if (summary.count(Status.MISSING) + summary.count(Status.AUTH_REJECTED) + summary.count(Status.INVALID_REFERENCE) > 0) {
            return ExitCodes.INACCESSIBLE;
        }
        if (command.failOnUnknown && summary.count(Status.UNKNOWN) > 0) {
            return ExitCodes.UNKNOWN;
        }
        return ExitCodes.OK;
    }

    private void print(List<ReportEntry> entries, Map<String, Integer> requests, int exit) {
        if (command.quiet) {
            return;
        }
        if (command.output == CheckImageCommand.Output.json) {
            terminal.out().println(JsonReport.render(entries, requests, exit));
            return;
        }
        terminal.out().print(TextReport.render(entries, terminal.colour() && !command.noColor, command.verbose));
        int unknown = Summary.of(entries).count(Status.UNKNOWN);
        if (unknown > 0 && !command.failOnUnknown) {
            terminal.err().println("check-image: warning: " + unknown + " result(s) unknown; they pass without --fail-on-unknown");
        }
        terminal.out().flush();
    }
}

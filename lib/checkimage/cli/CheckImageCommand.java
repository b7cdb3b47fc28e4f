package checkimage.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code check-image} command line; {@link CheckRun} does the work. */
@Command(
        name = "check-image",
        mixinStandardHelpOptions = true,
        version = "check-image 0.1.0",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Can these container images be pulled? Speaks the registry v2 protocol to each registry "
                    + "(ping, token, manifest HEAD) and reports, per image, accessible with its digest, or exactly why not.",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every image is accessible",
            "  1  at least one image is definitely not accessible: missing, auth rejected, invalid reference,",
            "     or denied by the --policy",
            "  2  usage or configuration error (bad flags, unreadable or malformed files, unknown secret key)",
            "  3  only with --fail-on-unknown (or a policy's onUnknown 'fail'): some result is unknown",
            "     (network, rate limit, server trouble)",
            "  4  internal error: a bug in check-image (one line on stderr; please report it)",
            "",
            "Examples:",
            "  check-image nginx:1.27 ghcr.io/acme/app@sha256:...",
            "  check-image --file images.txt --output json | jq '.results[] | select(.status != \"accessible\")'",
            "  check-image --job job.yaml --secrets secrets.yaml --task-role worker",
            "  helm template ./chart | check-image --manifest -",
            "  check-image --scan . --offline",
            "  check-image --offline docker.io/ubuntu",
            "  check-image --policy scripts/policies/corporate.groovy --file images.txt"
        })
public final class CheckImageCommand implements Callable<Integer> {

    /** What to print. */
    enum Output {
        text,
        json,
        junit,
        sarif,
        github
    }

    @Parameters(
            paramLabel = "IMAGE",
            description = "Image references, e.g. nginx, ghcr.io/acme/app:1.2, host:5000/x@sha256:…")
    List<String> images = new ArrayList<>();

    @Option(
            names = {"-f", "--file"},
            paramLabel = "PATH",
            description = "Read references from a file, one per line ('#' comments); '-' reads stdin. Repeatable.")
    List<String> files = new ArrayList<>();

    @Option(
            names = "--manifest",
            paramLabel = "PATH",
            description =
                    "Kubernetes manifests (YAML or JSON, several documents, "
                            + "Lists): check every pod spec's images, with the pull secrets found in them; a directory is walked for "
                            + "*.yaml, *.yml, *.json; '-' reads stdin (helm template ... | check-image --manifest -). Repeatable.")
    List<String> manifests = new ArrayList<>();

    @Option(
            names = "--compose",
            paramLabel = "PATH",
            description = "Docker compose files (overrides as more files): "
                    + "check services' images, interpolated as docker compose does. Repeatable.")
    List<Path> composeFiles = new ArrayList<>();

    @Option(
            names = "--dockerfile",
            paramLabel = "PATH",
            description = "A Dockerfile: check every FROM image (and the "
                    + "# syntax= frontend), with ARG defaults. Repeatable.")
    List<Path> dockerfiles = new ArrayList<>();

    @Option(names = "--build-arg", paramLabel = "NAME=VALUE", description = "Override a Dockerfile ARG. Repeatable.")
    List<String> buildArgs = new ArrayList<>();

    @Option(
            names = "--scan",
            paramLabel = "DIR",
            description = "Walk a tree and read every Dockerfile, compose file, "
                    + "Kubernetes manifest and OpenPAI job in it (hidden directories, node_modules, vendor skipped; -v lists "
                    + "what was read as what). Repeatable.")
    List<Path> scans = new ArrayList<>();

    @Option(
            names = "--job",
            paramLabel = "JOB.yaml",
            description = "An OpenPAI job config (protocol v2): check its task roles' docker images.")
    Path job;

    @Option(
            names = "--secrets",
            paramLabel = "SECRETS.yaml",
            description = "Secrets rendered into the job's auth fields (<%% $secrets.key %%>).")
    Path secrets;

    @Option(
            names = "--task-role",
            paramLabel = "NAME",
            description =
                    "Check only this task role's image " + "(default: $PAI_CURRENT_TASK_ROLE_NAME, else every role).")
    String taskRole;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            description =
                    "The report on stdout: text (default), json, "
                            + "junit (JUnit XML), sarif (SARIF 2.1.0) or github (workflow commands: annotations on the files' lines).")
    Output output = Output.text;

    @Option(
            names = "--report",
            paramLabel = "FORMAT=PATH",
            description =
                    "Also write a report in this format to this file "
                            + "(text, json, junit, sarif, github), e.g. --report junit=check-image.xml --report sarif=check-image.sarif. Repeatable.")
    List<String> reports = new ArrayList<>();

    @Option(
            names = "--report-root",
            paramLabel = "DIR",
            description = "Name files in SARIF and GitHub reports relative to "
                    + "this directory (default: the working directory), e.g. the repository root.")
    Path reportRoot;

    @Option(
            names = "--pin",
            description = "Rewrite each accessible tag in the input files to tag@sha256:... (the digest "
                    + "just resolved), in place, changing nothing else; pinned digests are verified against their tag.")
    boolean pin;

    @Option(
            names = "--dry-run",
            description = "With --pin: print the unified diff on stdout instead of writing the files.")
    boolean dryRun;

    @Option(names = "--update", description = "With --pin: replace a pinned digest that no longer matches its tag.")
    boolean update;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print nothing; the exit code tells.")
    boolean quiet;

    @Option(
            names = {"-v", "--verbose"},
            description = "Explain each handshake step on stderr (never secrets).")
    boolean verbose;

    @Option(
            names = "--fail-on-unknown",
            description = "Exit 3 when a result is unknown (default: report it loudly but pass).")
    boolean failOnUnknown;

    @Option(
            names = "--fail-on-warning",
            description = "Exit 1 when a policy rule warns (default: report warnings, pass).")
    boolean failOnWarning;

    @Option(
            names = "--policy",
            paramLabel = "POLICY.groovy",
            description =
                    "Check rules written in the policy DSL "
                            + "(allow/deny/block, tags, registries, credentials, platforms, limits). The file is code: trust it like a build script.")
    Path policy;

    @Option(names = "--offline", description = "Make no request: parse and normalize the references only.")
    boolean offline;

    @Option(
            names = "--platform",
            paramLabel = "OS/ARCH[/VARIANT]",
            description = "Require the image for this platform. Repeatable.")
    List<String> platforms = new ArrayList<>();

    @Option(
            names = "--ca-file",
            paramLabel = "PEM",
            description = "Also trust the CA certificates in this PEM file, "
                    + "for every host (per host: certs.d, or caFile in a policy's registry block). Repeatable.")
    List<Path> caFiles = new ArrayList<>();

    @Option(
            names = "--certs-dir",
            paramLabel = "DIR",
            description = "A certs.d directory (<DIR>/<host[:port]>/*.crt CAs, "
                    + "*.cert + *.key client certificates) read instead of /etc/containers/certs.d, /etc/docker/certs.d and "
                    + "$XDG_CONFIG_HOME/containers/certs.d. Repeatable.")
    List<Path> certsDirs = new ArrayList<>();

    @Option(
            names = "--plain-http",
            paramLabel = "HOST[:PORT]",
            description = "Use plain HTTP for this registry "
                    + "(loopback registries fall back to it by themselves). Repeatable.")
    List<String> plainHttp = new ArrayList<>();

    @Option(
            names = "--skip-tls-verify",
            paramLabel = "HOST[:PORT]",
            description = "Do not verify TLS certificates of this registry. Repeatable.")
    List<String> skipTlsVerify = new ArrayList<>();

    @Option(
            names = "--username",
            paramLabel = "USER",
            description = "Username for one registry: --registry HOST, or the "
                    + "one every input is on; the password is read from stdin (--password-stdin).")
    String username;

    @Option(
            names = "--registry",
            paramLabel = "HOST[:PORT]",
            description = "The registry --username is for " + "(needed when the inputs span several registries).")
    String registry;

    @Option(names = "--password-stdin", description = "Read the password for --username from stdin.")
    boolean passwordStdin;

    @Option(
            names = "--authfile",
            paramLabel = "PATH",
            description = "A containers auth.json to use instead of the "
                    + "Docker config and auth.json search (also $REGISTRY_AUTH_FILE).")
    Path authFile;

    @Option(
            names = "--pull-secret",
            paramLabel = "FILE",
            description = "A Kubernetes pull secret (YAML or JSON, "
                    + "dockerconfigjson or dockercfg) to take credentials from. Repeatable.")
    List<Path> pullSecrets = new ArrayList<>();

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "Deadline per image, retries included (default: ${DEFAULT-VALUE}); e.g. 500ms, 10s, 1.5m, 2h, or 30 (seconds).")
    Duration timeout = Duration.ofSeconds(30);

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            description = "Images checked at once (default: ${DEFAULT-VALUE}).")
    int concurrency = checkimage.client.ImageCheckerBuilder.DEFAULT_CONCURRENCY;

    @Option(
            names = "--per-registry",
            paramLabel = "N",
            description = "Images of one registry checked at once (default: ${DEFAULT-VALUE}).")
    int perRegistry = checkimage.client.ImageCheckerBuilder.DEFAULT_PER_REGISTRY;

    @Option(
            names = "--token-batch",
            paramLabel = "N",
            description = "Repositories per token request when many images "
                    + "of one registry are checked (default: ${DEFAULT-VALUE}; 1 asks for one token per repository).")
    int tokenBatch = checkimage.client.ImageCheckerBuilder.DEFAULT_TOKEN_BATCH;

    @Option(
            names = "--registries-conf",
            paramLabel = "FILE|none",
            description = "The containers tools' registries.conf "
                    + "to route references by (rewrites, mirrors, insecure, blocked); default: $CONTAINERS_REGISTRIES_CONF, "
                    + "~/.config/containers/registries.conf or /etc/containers/registries.conf, and registries.conf.d drop-ins "
                    + "when present; 'none' ignores them.")
    String registriesConf;

    @Option(
            names = "--containerd-hosts",
            paramLabel = "DIR",
            description = "Also use a containerd hosts directory "
                    + "(/etc/containerd/certs.d layout: HOST/hosts.toml) to check what such a node would pull.")
    Path containerdHosts;

    @Option(
            names = "--docker-daemon-config",
            paramLabel = "FILE",
            description = "Also use Docker's daemon.json " + "(registry-mirrors for Docker Hub, insecure-registries).")
    Path dockerDaemonConfig;

    @Option(
            names = "--rate",
            paramLabel = "HOST=N/s",
            description = "Send HOST at most N requests per second "
                    + "(also N/m, N/h). Repeatable; wins over a policy's limits { rate … }.")
    List<String> rates = new ArrayList<>();

    @Option(names = "--no-color", description = "Never colour the table.")
    boolean noColor;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private Terminal terminal;

    /** Runs the command with the given streams and environment; returns the exit code, never throws. */
    public static int execute(String[] args, Terminal terminal) {
        // picocli looks for groovy.lang.Closure (it supports closures in annotations) and that initializes the
        // whole Groovy runtime; we use none, and Groovy must load only for --policy
        System.setProperty("picocli.disable.closures", "true");
        CheckImageCommand command = new CheckImageCommand();
        command.terminal = terminal;
        CommandLine line = new CommandLine(command);
        line.setOut(new java.io.PrintWriter(terminal.out(), true));
        line.setErr(new java.io.PrintWriter(terminal.err(), true));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setParameterExceptionHandler((ex, arguments) -> {
            terminal.err().println("check-image: " + ex.getMessage());
            terminal.err().println("Try 'check-image --help' for usage.");
            return ExitCodes.USAGE;
        });
        line.setExecutionExceptionHandler((ex, cmd, parsed) -> ErrorReporter.report(ex, terminal));
        try {
            return line.execute(args);
        } catch (RuntimeException bug) {
            // picocli itself or a handler failed: still one line and exit 4, never a stack trace
            return ErrorReporter.report(bug, terminal);
        }
    }

    /** True when {@code name} was given on the command line (so it wins over a policy's limits). */
    boolean flagGiven(String name) {
        return spec.commandLine().getParseResult().hasMatchedOption(name);
    }

    @Override
    public Integer call() {
        return new CheckRun(this, terminal).run();
    }
}

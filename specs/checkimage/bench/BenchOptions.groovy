package checkimage.bench

import groovy.transform.CompileStatic

/** The driver's command line: {@code [--n 200] [--rounds 5] [--json] [--sizes 200,1000,2000] [--quick]}. */
@CompileStatic
final class BenchOptions {

    static final String USAGE = '''\
usage: scripts/bench [--n N] [--rounds R] [--json] [--sizes N1,N2,...] [--quick] [--floor-batch B] [--proxy] [--serve]

Times check-image against skopeo and a curl floor on a real registry (token auth, TLS, loopback).
  --n N            images in the main comparison (default 200)
  --rounds R       timed rounds, contenders interleaved within each (default 5)
  --json           print the results as JSON instead of tables
  --sizes LIST     also time plain java and the curl floor at these sizes, and probe peak RSS and request counts
  --quick          --n 20 --rounds 1: proves the benchmark runs (CI)
  --floor-batch B  scopes per token request in the curl floor (default: one token up to 500 images, 50 above)
  --proxy          also time plain java through a real squid proxy (CONNECT tunnels) at N images
  --serve          time nothing: start and seed the registry, print the contenders' commands, serve until
                   standard input closes (for profiling by hand)
Exits 0 whatever the times; non-zero only when something could not run.'''

    int images = 200
    int rounds = 5
    boolean json
    List<Integer> sizes = []
    boolean quick
    int floorBatch
    boolean serve
    boolean proxy
    boolean help

    static BenchOptions parse(String[] args) {
        BenchOptions options = new BenchOptions()
        Iterator<String> words = args.iterator()
        while (words.hasNext()) {
            String word = words.next()
            switch (word) {
                case '--n': options.images = positive(word, value(word, words)); break
                case '--rounds': options.rounds = positive(word, value(word, words)); break
                case '--json': options.json = true; break
                case '--sizes': options.sizes = sizes(word, value(word, words)); break
                case '--quick': options.quick = true; break
                case '--floor-batch': options.floorBatch = number(word, value(word, words)); break
                case '--serve': options.serve = true; break
                case '--proxy': options.proxy = true; break
                case '-h':
                case '--help': options.help = true; break
                default: throw new IllegalArgumentException("unknown option '${word}'")
            }
        }
        if (options.quick) {
            options.images = 20
            options.rounds = 1
        }
        options
    }

    /** Every size measured: the main N and the --sizes, ascending. */
    List<Integer> getAllSizes() {
        (([images] + sizes) as List<Integer>).unique().sort()
    }

    private static List<Integer> sizes(String option, String text) {
        text.split(',').collect { String size -> positive(option, size.trim()) }
    }

    private static String value(String option, Iterator<String> words) {
        if (!words.hasNext()) {
            throw new IllegalArgumentException("${option} needs a value")
        }
        words.next()
    }

    private static int positive(String option, String text) {
        int value = number(option, text)
        if (value < 1) {
            throw new IllegalArgumentException("${option} must be at least 1, not ${text}")
        }
        value
    }

    private static int number(String option, String text) {
        try {
            return Integer.parseInt(text)
        } catch (NumberFormatException ignored) {
            throw new IllegalArgumentException("${option} wants a whole number, not '${text}'")
        }
    }
}

package checkimage.bench

import groovy.transform.CompileStatic

import java.nio.file.Files
import java.nio.file.Path

/**
 * The curl floor: the least work a client can do to check N images, as one bash process running three curl
 * processes in sequence: the ping ({@code GET /v2/}), ONE token request for all N {@code repository:...:pull}
 * scopes, and ONE curl doing the N manifest HEADs over a single HTTP/2 connection ({@code --http2 --parallel
 * --parallel-max 64}) with the four manifest media types in {@code Accept}. The token leaves the JSON answer
 * through one {@code jq}. Every HEAD must answer 200, or the script fails.
 *
 * <p>Above {@link #ONE_TOKEN_MAX} images the scopes are split like check-image's token prefetch
 * ({@link #BATCH} scopes per token request, all token requests from one curl in parallel) and each group of
 * HEADs carries its own token: a token grows by about 88 bytes per scope (178 KB for 2000), and curl's HTTP/2
 * library (nghttp2) refuses to send a header block over 64 KiB ("Connection died", about 720 scopes here).
 * {@code --floor-batch} forces a batch size.
 *
 * <p>URLs, credentials and tokens travel in curl config files ({@code --config}, {@code -H @file}), never in
 * argv: a long token would exceed the kernel's 128 KB limit for one argument.
 */
@CompileStatic
final class CurlFloor {

    /** The manifest media types check-image accepts (MediaTypes.ACCEPT in the engine). */
    static final String ACCEPT = 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, ' +
            'application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json'

    static final int PARALLEL_MAX = 64

    /** The most images the floor covers with one token; its Authorization header is then under 46 KB. */
    static final int ONE_TOKEN_MAX = 500

    /** Scopes per token request above {@link #ONE_TOKEN_MAX}: check-image's default token batch. */
    static final int BATCH = 50

    private final Workload workload
    private final int images
    private final int batch

    /** A floor for the first {@code images} references; {@code batch} scopes per token, 0 for the default. */
    CurlFloor(Workload workload, int images, int batch) {
        this.workload = workload
        this.images = images
        this.batch = batchFor(images, batch)
    }

    /** Scopes per token request: {@code requested} if positive, else all of them up to {@link #ONE_TOKEN_MAX}. */
    static int batchFor(int images, int requested) {
        int batch = requested > 0 ? requested : images <= ONE_TOKEN_MAX ? images : BATCH
        Math.min(batch, images)
    }

    /** How many token requests the floor makes. */
    int getTokenRequests() {
        (int) Math.ceil(images / (double) batch)
    }

    /** Writes the script and its config files into a directory of their own; returns the command. */
    List<String> write() {
        Path dir = Files.createDirectories(workload.dir.resolve("curl-${images}-b${batch}"))
        List<List<String>> groups = workload.references(images).collate(batch)
        Files.writeString(dir.resolve('tokens.cfg'), tokensConfig(groups))
        Files.writeString(dir.resolve('heads.cfg'), headsConfig(groups))
        Path script = dir.resolve('floor.sh')
        Files.writeString(script, scriptText(dir))
        ['bash', script.toString()]
    }

    private String tokensConfig(List<List<String>> groups) {
        StringBuilder config = new StringBuilder()
        config << option('cacert', workload.caFile) << option('user', "${workload.user.name()}:${workload.user.password()}")
        groups.eachWithIndex { List<String> group, int index ->
            String scopes = group.collect { String ref -> "scope=repository:${workload.repository(ref)}:pull" }.join('&')
            config << option('url', "${workload.realm}?service=${workload.service}&${scopes}")
            config << option('output', String.format('token-%04d.json', index))
        }
        config.toString()
    }

    private String headsConfig(List<List<String>> groups) {
        StringBuilder config = new StringBuilder()
        groups.eachWithIndex { List<String> group, int index ->
            if (index > 0) {
                config << 'next\n'
            }
            config << 'http2\nhead\nsilent\nshow-error\n' << option('cacert', workload.caFile)
            config << option('header', "Accept: ${ACCEPT}") << option('header', String.format('@auth-%04d.txt', index))
            config << 'write-out = "%{http_code}\\n"\n'
            group.each { String ref ->
                config << option('url', "https://${workload.host}/v2/${workload.repository(ref)}/manifests/${Workload.tag(ref)}")
                config << option('output', '/dev/null')
            }
        }
        config.toString()
    }

    private String scriptText(Path dir) {
        """\
#!/usr/bin/env bash
# curl floor: ${images} image(s), ${tokenRequests} token request(s) of up to ${batch} scopes
set -euo pipefail
cd '${dir}'
curl -sS -o /dev/null --cacert '${workload.caFile}' 'https://${workload.host}/v2/'
curl -sS --fail --no-progress-meter --parallel --parallel-max ${PARALLEL_MAX} --config tokens.cfg
i=0
while IFS= read -r token; do
  printf -v file 'auth-%04d.txt' "\$i"
  printf 'Authorization: Bearer %s\\n' "\$token" >"\$file"
  i=\$((i + 1))
done < <(jq -r '.token // .access_token' token-*.json)
ok=0
while IFS= read -r code; do
  if [[ \$code == 200 ]]; then ok=\$((ok + 1)); fi
done < <(curl --no-progress-meter --parallel --parallel-max ${PARALLEL_MAX} --config heads.cfg)
if ((ok != ${images})); then
  echo "curl floor: \$ok of ${images} manifest HEADs answered 200" >&2
  exit 1
fi
"""
    }

    private static String option(String name, Object value) {
        "${name} = \"${value.toString().replace('\\', '\\\\').replace('"', '\\"')}\"\n"
    }
}

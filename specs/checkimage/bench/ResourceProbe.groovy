package checkimage.bench

import checkimage.json.Json
import groovy.transform.CompileStatic

import java.nio.file.Files
import java.nio.file.Path

/**
 * One untimed plain-java run per size with {@code --output json} under {@code /usr/bin/time -f %M}: the
 * check-image JVM's peak RSS and the {@code requests} counts of its report (pings, token and manifest
 * requests). Every image must come back accessible.
 */
@CompileStatic
final class ResourceProbe {

    static final String TIME = '/usr/bin/time'

    /** What one probe saw. */
    static final class Result {
        final int images
        final Long peakRssKb
        final Map<String, Object> requests

        Result(int images, Long peakRssKb, Map<String, Object> requests) {
            this.images = images
            this.peakRssKb = peakRssKb
            this.requests = requests
        }

        long count(String kind) {
            requests.get(kind) as long
        }
    }

    private final CommandRunner runner
    private final Contenders contenders
    private final Path rssFile

    ResourceProbe(CommandRunner runner, Contenders contenders, Path scratch) {
        this.runner = runner
        this.contenders = contenders
        this.rssFile = scratch.resolve('peak-rss.txt')
    }

    /**
     * Runs {@code --scan} online once over the {@link ScanTree}: every place must come back accessible; the
     * result's {@code images} is the number of distinct references, so the manifest requests compare with it.
     */
    Result probeScan(Path passwordFile) {
        String output = runner.run(contenders.scanJava(['--output', 'json']), passwordFile).stdout
        Map<String, Object> report = Json.object(Json.parse(output))
        Map<String, Object> summary = Json.object(report.get('summary'))
        if (summary.get('accessible') as int != ScanTree.PLACES) {
            throw new BenchFailure("--scan found ${summary.get('accessible')} of ${ScanTree.PLACES} places accessible: ${summary}")
        }
        new Result(ScanTree.DISTINCT, null, Json.object(report.get('requests')))
    }

    /** Runs check-image once on {@code images} images. */
    Result probe(int images, Path passwordFile) {
        boolean timed = Files.isExecutable(Path.of(TIME))
        List<String> command = contenders.plainJava(images, ['--output', 'json'])
        if (timed) {
            command = [TIME, '-f', '%M', '-o', rssFile.toString()] + command
        }
        String output = runner.run(command, passwordFile).stdout
        Map<String, Object> report = Json.object(Json.parse(output))
        Map<String, Object> summary = Json.object(report.get('summary'))
        if (summary.get('accessible') as int != images) {
            throw new BenchFailure("check-image found ${summary.get('accessible')} of ${images} images accessible: ${summary}")
        }
        Long rss = timed ? Long.valueOf(Files.readString(rssFile).trim().readLines().last().trim()) : null
        new Result(images, rss, Json.object(report.get('requests')))
    }
}

package checkimage.bench

import groovy.transform.CompileStatic

/**
 * The measurements and what they mean for issue 6: the timed rows, the ratios and absolute goals (each a
 * {@link Target}), the scaling of plain java against the curl floor per size, and the probes' peak RSS and
 * request counts. {@link #toMap()} is the {@code --json} document; {@link TableRenderer} prints the same.
 */
@CompileStatic
final class Report {

    static final double RSS_LIMIT_MB = 256

    final Map<String, Object> machine
    final Map<String, Object> settings
    final List<Case> rows
    final List<ResourceProbe.Result> probes
    final int images
    final int tokenBatch
    /** The online {@code --scan} of the {@link ScanTree}, or null when it did not run. */
    final ResourceProbe.Result scanProbe

    Report(Map<String, Object> machine, Map<String, Object> settings, List<Case> rows,
           List<ResourceProbe.Result> probes, int images, int tokenBatch, ResourceProbe.Result scanProbe = null) {
        this.scanProbe = scanProbe
        this.machine = machine
        this.settings = settings
        this.rows = rows
        this.probes = probes
        this.images = images
        this.tokenBatch = tokenBatch
    }

    /** The goals of the issue that these rows can answer, in the issue's order. */
    List<Target> getTargets() {
        comparisonTargets() + scalingTargets() + probeTargets() + scanTargets()
    }

    /**
     * Per size with both plain java and the curl floor: their medians, the ratio, and each one's cost per 1000
     * images above its own 1-image run (constant when it scales linearly).
     */
    List<Map<String, Object>> getScaling() {
        Double javaOne = median(Contender.PLAIN_JAVA, 1)
        Double floorOne = median(Contender.CURL_FLOOR, 1)
        rows.findAll { Case row -> row.contender == Contender.PLAIN_JAVA && row.images > 1 }
                .collect { Case row -> row.images }.unique().sort()
                .findAll { int size -> median(Contender.CURL_FLOOR, size) != null }
                .collect { int size ->
                    double java = median(Contender.PLAIN_JAVA, size)
                    double floor = median(Contender.CURL_FLOOR, size)
                    [images          : size, plainJava: java, curlFloor: floor, ratio: java / floor,
                     plainJavaPer1000: perThousand(java, javaOne, size), curlFloorPer1000: perThousand(floor, floorOne, size)
                    ] as Map<String, Object>
                }
    }

    Map<String, Object> toMap() {
        [machine  : machine,
         settings : settings,
         rows     : rows.collect { Case row ->
             [how   : row.contender.label, contender: row.contender.key, images: row.images,
              median: Numbers.round(row.median, 4), min: Numbers.round(row.min, 4), max: Numbers.round(row.max, 4),
              runs  : row.seconds.collect { double s -> Numbers.round(s, 4) }]
         },
         targets  : targets*.toMap(),
         scaling  : scaling.collect { Map<String, Object> size ->
             size.collectEntries { String key, Object value ->
                 [key, value instanceof Double ? Numbers.round(value as double, 4) : value]
             }
         },
         scan     : scanProbe == null ? null : [files: ScanTree.FILES, images: ScanTree.PLACES, distinct: ScanTree.DISTINCT,
                                                   requests: scanProbe.requests],
         resources: probes.collect { ResourceProbe.Result probe ->
             [images: probe.images, peakRssMb: probe.peakRssKb == null ? null : Numbers.round(probe.peakRssKb / 1024d, 1),
              requests: probe.requests]
         }] as Map<String, Object>
    }

    private List<Target> comparisonTargets() {
        List<Target> targets = []
        Double readme = median(Contender.README, images)
        Double floor = median(Contender.CURL_FLOOR, images)
        Double java = median(Contender.PLAIN_JAVA, images)
        Double loop = median(Contender.SKOPEO_LOOP, images)
        Double xargs = median(Contender.SKOPEO_XARGS, images)
        Double readmeOne = median(Contender.README, 1)
        if (readme && floor) {
            targets << Target.atMost("README / curl floor, ${images} images", readme / floor, 2.5, 'x')
        }
        if (loop && readme) {
            targets << Target.atLeast("skopeo loop / README, ${images} images", loop / readme, 10, 'x')
        }
        if (xargs && readme) {
            targets << Target.atLeast("xargs -P 8 skopeo / README, ${images} images", xargs / readme, 5, 'x')
        }
        if (java && floor) {
            targets << Target.atMost("plain java / curl floor, ${images} images", java / floor, 1.8, 'x')
        }
        if (readmeOne) {
            targets << Target.atMost('README, 1 image', readmeOne, 0.6, ' s')
        }
        targets
    }

    private List<Target> scalingTargets() {
        scaling.findAll { Map<String, Object> size -> size.images != images }.collect { Map<String, Object> size ->
            Target.atMost("plain java / curl floor, ${size.images} images", size.ratio as double, 2, 'x')
        }
    }

    private List<Target> probeTargets() {
        List<Target> targets = []
        ResourceProbe.Result largest = probes.max { ResourceProbe.Result probe -> probe.images }
        if (largest?.peakRssKb != null) {
            targets << Target.atMost("peak RSS of check-image, ${largest.images} images", largest.peakRssKb / 1024d,
                    RSS_LIMIT_MB, ' MB')
        }
        probes.each { ResourceProbe.Result probe ->
            targets << Target.atMost("pings, ${probe.images} images (1 registry)", probe.count('pings'), 1, '')
            targets << Target.atMost("token requests, ${probe.images} images", probe.count('tokenRequests'),
                    Math.ceil(probe.images / (double) tokenBatch), '')
            targets << Target.atMost("manifest requests, ${probe.images} images", probe.count('manifestRequests'),
                    probe.images, '')
        }
        targets
    }

    /** Issue 11: the offline scan of 2000 files under 2 s, and one manifest request per distinct reference online. */
    private List<Target> scanTargets() {
        List<Target> targets = []
        Double offline = median(Contender.SCAN_OFFLINE, ScanTree.PLACES)
        if (offline != null) {
            targets << Target.atMost("--scan --offline, ${ScanTree.FILES} files, ${ScanTree.PLACES} images", offline, 2, ' s')
        }
        if (scanProbe != null) {
            targets << Target.atMost("manifest requests, --scan of ${ScanTree.PLACES} images (${ScanTree.DISTINCT} distinct)",
                    scanProbe.count('manifestRequests'), ScanTree.DISTINCT, '')
        }
        targets
    }

    private static Double perThousand(double median, Double oneImage, int size) {
        oneImage == null ? null : (median - oneImage) / size * 1000
    }

    /** The median of a row, or null when it was not measured. */
    Double median(Contender contender, int count) {
        Case row = rows.find { Case candidate -> candidate.contender == contender && candidate.images == count }
        row == null ? null : row.median
    }
}

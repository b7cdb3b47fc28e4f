package checkimage.bench

import groovy.transform.CompileStatic

/** Prints a {@link Report} as Markdown tables, ready to paste into the README. */
@CompileStatic
final class TableRenderer {

    private TableRenderer() {
    }

    static String render(Report report) {
        StringBuilder out = new StringBuilder()
        Map<String, Object> machine = report.machine
        Map<String, Object> settings = report.settings
        out << "check-image benchmark: ${settings.images} images, ${settings.rounds} round(s), real registry with token auth "
        out << "over TLS on loopback\n"
        out << "machine: ${machine.nproc} CPUs, ${machine.memoryMb} MB RAM, ${machine.jdk}; "
        out << "load average ${machine.loadAtStart} (start), ${machine.loadAtEnd} (end)\n\n"
        out << table(['how', 'N images', 'median s', 'min', 'max'], report.rows.collect { Case row ->
            [row.contender.label, String.valueOf(row.images), Numbers.seconds(row.median), Numbers.seconds(row.min),
             Numbers.seconds(row.max)]
        }, [false, true, true, true, true])
        out << '\n' << table(['goal (issues 6, 11)', 'measured', 'target', ''], report.targets.collect { Target target ->
            [target.name, Numbers.format(target.value) + target.unit, target.goal, target.met ? 'met' : 'MISSED']
        }, [false, true, false, false])
        if (report.scaling.size() > 1) {
            out << '\nscaling: plain java vs the curl floor; "per 1000" = (median - its 1-image median) / N * 1000\n\n'
            out << table(['N images', 'plain java s', 'curl floor s', 'ratio', 'java s per 1000', 'floor s per 1000'],
                    report.scaling.collect { Map<String, Object> size ->
                        [String.valueOf(size.images), Numbers.seconds(size.plainJava as double),
                         Numbers.seconds(size.curlFloor as double),
                         Numbers.format(size.ratio as double) + 'x',
                         size.plainJavaPer1000 == null ? '' : Numbers.seconds(size.plainJavaPer1000 as double),
                         size.curlFloorPer1000 == null ? '' : Numbers.seconds(size.curlFloorPer1000 as double)]
                    }, [true, true, true, true, true, true])
        }
        out << '\nplain java with --output json (untimed): peak RSS (/usr/bin/time %M) and the report\'s request counts\n\n'
        out << table(['N images', 'peak RSS MB', 'pings', 'token requests', 'manifest requests', 'retries'],
                report.probes.collect { ResourceProbe.Result probe ->
                    [String.valueOf(probe.images), probe.peakRssKb == null ? 'n/a' : Numbers.format(probe.peakRssKb / 1024d),
                     String.valueOf(probe.count('pings')), String.valueOf(probe.count('tokenRequests')),
                     String.valueOf(probe.count('manifestRequests')), String.valueOf(probe.count('retries'))]
                }, [true, true, true, true, true, true])
        out << "\ncurl floor: ${settings.curlFloor}; check-image: token batch ${settings.tokenBatch}, "
        out << "JVM options ${(settings.javaOptions as List).join(' ')}; "
        out << "token server TCP_NODELAY: ${settings.tokenServerNoDelay}\n"
        out.toString()
    }

    /** A Markdown table; {@code right[i]} aligns column i to the right. */
    static String table(List<String> header, List<List<String>> rows, List<Boolean> right) {
        List<Integer> widths = header.indices.collect { int i ->
            ([header[i]] + rows.collect { List<String> row -> row[i] })*.length().max() as Integer
        }
        StringBuilder out = new StringBuilder()
        out << line(header, widths, right)
        out << '|' << widths.indices.collect { int i ->
            right[i] ? '-' * (widths[i] + 1) + ':' : '-' * (widths[i] + 2)
        }.join('|') << '|\n'
        rows.each { List<String> row -> out << line(row, widths, right) }
        out.toString()
    }

    private static String line(List<String> cells, List<Integer> widths, List<Boolean> right) {
        '| ' + cells.indices.collect { int i ->
            right[i] ? cells[i].padLeft(widths[i]) : cells[i].padRight(widths[i])
        }.join(' | ') + ' |\n'
    }
}

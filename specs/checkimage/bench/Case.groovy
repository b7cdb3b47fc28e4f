package checkimage.bench

import groovy.transform.CompileStatic

import java.nio.file.Path

/** One timed thing: a contender checking a number of images with one command (stdin from a file or none). */
@CompileStatic
final class Case {

    final Contender contender
    final int images
    final List<String> command
    final Path stdin
    final List<Double> seconds = []

    Case(Contender contender, int images, List<String> command, Path stdin) {
        this.contender = contender
        this.images = images
        this.command = List.copyOf(command)
        this.stdin = stdin
    }

    /** Median wall time in seconds (the mean of the middle two for an even count). */
    double getMedian() {
        List<Double> sorted = seconds.toSorted()
        int middle = sorted.size().intdiv(2) as int
        sorted.size() % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2d
    }

    double getMin() {
        seconds.min()
    }

    double getMax() {
        seconds.max()
    }

    @Override
    String toString() {
        "${contender.key}, ${images} image(s)"
    }
}

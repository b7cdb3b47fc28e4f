package checkimage.bench

import groovy.transform.CompileStatic
import groovy.transform.InheritConstructors

/** Something the benchmark needs could not run (a command failed, a tool is missing); never a slow time. */
@CompileStatic
@InheritConstructors
final class BenchFailure extends RuntimeException {
}

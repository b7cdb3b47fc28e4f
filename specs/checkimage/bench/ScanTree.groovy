package checkimage.bench

import groovy.transform.CompileStatic

import java.nio.file.Files
import java.nio.file.Path

/**
 * The {@code --scan} workload of issue 11: a tree of 2000 files naming 5000 images, 500 of them distinct —
 * 1000 Deployments (an initContainer and two containers each), 500 Dockerfiles (two stages) and 500 compose
 * files (two services), the references taken in turn from the first 500 seeded ones.
 */
@CompileStatic
final class ScanTree {

    static final int FILES = 2000
    static final int PLACES = 5000
    static final int DISTINCT = 500

    private ScanTree() {
    }

    /** Writes the tree under {@code dir} (once) and returns it. */
    static Path write(Path dir, List<String> references) {
        if (references.size() < DISTINCT) {
            throw new IllegalArgumentException("the scan tree needs ${DISTINCT} references, got ${references.size()}")
        }
        Path root = dir.resolve('scan-tree')
        if (Files.isDirectory(root)) {
            return root
        }
        int next = 0
        Closure<String> take = { -> references[next++ % DISTINCT] }
        1000.times { int i ->
            Path file = root.resolve("k8s/team-${i.intdiv(50)}/deploy-${i}.yaml")
            Files.createDirectories(file.parent)
            Files.writeString(file, """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${i}
spec:
  template:
    spec:
      initContainers:
      - name: init
        image: ${take()}
      containers:
      - name: app
        image: ${take()}
      - name: sidecar
        image: ${take()}
""")
        }
        500.times { int i ->
            Path app = Files.createDirectories(root.resolve("apps/app-${i}"))
            Files.writeString(app.resolve('Dockerfile'), "FROM ${take()} AS build\nRUN make\nFROM ${take()}\nCOPY --from=build /out /out\n")
            Files.writeString(app.resolve('compose.yaml'), "services:\n  web:\n    image: ${take()}\n  db:\n    image: ${take()}\n")
        }
        assert next == PLACES
        root
    }
}

package checkimage.nodeconfig;

import java.nio.file.Path;

/** A runtime configuration file that cannot be used: names the file, the line when known, and what is wrong. */
public final class NodeConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public NodeConfigException(Path file, int line, String detail) {
        super(file + (line > 0 ? " (line " + line + ")" : "") + ": " + detail);
    }

    public NodeConfigException(Path file, String detail) {
        this(file, 0, detail);
    }
}

package checkimage.cli;

import checkimage.client.CheckListener;
import checkimage.reference.ImageReference;
import checkimage.report.Redactor;
import java.io.PrintStream;

/** {@code -v}: one stderr line per handshake step. */
final class VerboseListener implements CheckListener {

    private final PrintStream err;

    VerboseListener(PrintStream err) {
        this.err = err;
    }

    @Override
    public void onStep(ImageReference reference, String message) {
        String line = "  " + (reference == null ? "" : reference.familiar() + ": ") + Redactor.redact(message);
        synchronized (err) {
            err.println(line);
        }
    }
}

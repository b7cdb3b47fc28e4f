package checkimage.cli;

import checkimage.client.CheckListener;
import checkimage.reference.ImageReference;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** On a terminal: a one-line count of finished images on stderr, redrawn in place, for long batches. */
final class ProgressListener implements CheckListener {

    private final PrintStream err;
    private final AtomicInteger done = new AtomicInteger();

    ProgressListener(PrintStream err) {
        this.err = err;
    }

    /** Clears the progress line, if one was drawn, before the report is printed. */
    void finish() {
        if (done.get() >= 10) {
            synchronized (err) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }

    @Override
    public void onStep(ImageReference reference, String message) {
        if (reference != null && message.startsWith("result: ")) {
            int count = done.incrementAndGet();
            if (count % 10 == 0) {
                synchronized (err) {
                    err.print("\r" + count + " images checked");
                    err.flush();
                }
            }
        }
    }
}

package checkimage.client;

import checkimage.reference.ImageReference;

/**
 * Hears each handshake step, for {@code -v} narration and tests. Messages never contain secrets: they are
 * built from URIs, statuses and credential sources only. Called from worker threads.
 */
@FunctionalInterface
public interface CheckListener {

    /** One step for {@code reference} (null for registry-wide steps such as a ping). */
    void onStep(ImageReference reference, String message);

    /** False for the silent listener: callers then skip building messages nobody reads (once per request). */
    default boolean listens() {
        return true;
    }

    /** A listener that ignores everything. */
    static CheckListener silent() {
        return Silent.INSTANCE;
    }

    /** The listener that hears nothing. */
    enum Silent implements CheckListener {
        INSTANCE;

        @Override
        public void onStep(ImageReference reference, String message) {
            // nothing
        }

        @Override
        public boolean listens() {
            return false;
        }
    }
}

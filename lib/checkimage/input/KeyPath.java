package checkimage.input;

/** Builds key paths as they appear in messages: {@code prerequisites[2].auth.password}. */
final class KeyPath {

    private KeyPath() {
    }

    /** The path of entry {@code key} of the map at {@code parent}. */
    static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The path of item {@code index} of the list at {@code parent}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}

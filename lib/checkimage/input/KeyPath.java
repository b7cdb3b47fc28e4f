package checkimage.input;

/** Builds key paths as they appear in messages: {@code prerequisites[2].auth.password}. */
final class KeyPath {

    private KeyPath() {}

    /**
     * The path of entry {@code key} of the map at {@code parent}; a key holding a dot is written in brackets,
     * {@code data[".dockerconfigjson"]}, so the path stays readable.
     */
    static String key(String parent, String key) {
        if (key.indexOf('.') >= 0) {
            return parent + "[\"" + key + "\"]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The path of item {@code index} of the list at {@code parent}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}

package checkimage.registries;

import java.util.Locale;

/** For which references a mirror is used: registries.conf's {@code pull-from-mirror}. */
public enum PullFrom {
    /** Tags and digests (the default). */
    ALL,
    /** Only references by digest: a mirror that may serve stale tags. */
    DIGEST_ONLY,
    /** Only references by tag without a digest. */
    TAG_ONLY;

    /** The registries.conf word ({@code all}, {@code digest-only}, {@code tag-only}); empty means {@link #ALL}. */
    public static PullFrom parse(String word) {
        return switch (word == null ? "" : word.toLowerCase(Locale.ROOT)) {
            case "", "all" -> ALL;
            case "digest-only" -> DIGEST_ONLY;
            case "tag-only" -> TAG_ONLY;
            default ->
                throw new IllegalArgumentException(
                        "pull-from-mirror '" + word + "' is not one of: all, digest-only, tag-only");
        };
    }

    /** True when a mirror with this setting serves a reference that has (or has not) a digest. */
    public boolean serves(boolean byDigest) {
        return switch (this) {
            case ALL -> true;
            case DIGEST_ONLY -> byDigest;
            case TAG_ONLY -> !byDigest;
        };
    }

    /** The registries.conf word. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package checkimage.dsl;

import checkimage.policy.ImageRule;
import checkimage.policy.InvalidPatternException;
import checkimage.policy.PolicyValues;
import checkimage.policy.ReferenceGlob;
import java.util.ArrayList;
import java.util.List;

/** An {@code image { ... }} block: rules decided on the image's config and manifest. Builds {@link ImageRule}s. */
public final class ImageDelegate extends BlockDelegate {

    private final List<ImageRule> rules = new ArrayList<>();

    ImageDelegate(ScriptContext context, String where) {
        super(context, where);
    }

    /** The image was created at most this long ago ({@code config.created}): {@code maxAge '180d'}. */
    @Keyword("an age like '180d', '26w' or '12h'")
    public void maxAge(String age) {
        once("maxAge");
        rules.add(new ImageRule.MaxAge(value(() -> PolicyValues.age(age)), age, context.origin()));
    }

    /** The layers of the manifest add up to at most this size: {@code maxSize '2GiB'}. */
    @Keyword("a size like '2GiB', '500MiB' or '1GB'")
    public void maxSize(String size) {
        once("maxSize");
        rules.add(new ImageRule.MaxSize(value(() -> PolicyValues.size(size)), size, context.origin()));
    }

    /** The config has each of these labels, not empty. */
    @Keyword("label keys like 'org.opencontainers.image.source'")
    public void requireLabel(String... keys) {
        if (keys == null || keys.length == 0 || java.util.Arrays.asList(keys).contains(null)) {
            throw wrongArguments("requireLabel", (Object[]) keys);
        }
        String origin = context.origin();
        for (String key : keys) {
            rules.add(new ImageRule.RequireLabel(key, origin));
        }
    }

    /** The label's value matches the pattern, where {@code *} matches any run of characters. */
    @Keyword("a label key and a value pattern, like label 'org.opencontainers.image.vendor', 'ACME*'")
    public void label(String key, String glob) {
        if (key == null || glob == null) {
            throw wrongArguments("label", key, glob);
        }
        rules.add(new ImageRule.Label(key, glob, context.origin()));
    }

    /** The image does not run as root: {@code config.User} is set and is neither root nor 0. */
    @Keyword(Keyword.NO_ARGUMENTS)
    public void forbidRootUser() {
        once("forbidRootUser");
        rules.add(new ImageRule.ForbidRootUser(context.origin()));
    }

    /** The base image ({@code org.opencontainers.image.base.name}) matches one of these reference patterns. */
    @Keyword("reference patterns like 'docker.io/library/*' or 'gcr.io/distroless/**'")
    public void baseImage(String... patterns) {
        if (patterns == null || patterns.length == 0) {
            throw wrongArguments("baseImage", (Object[]) patterns);
        }
        List<ReferenceGlob> globs = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                globs.add(ReferenceGlob.compile(pattern));
            } catch (InvalidPatternException e) {
                throw new ScriptProblem("invalid pattern '" + pattern + "' in baseImage: " + e.reason());
            }
        }
        rules.add(new ImageRule.BaseImage(globs, context.origin()));
    }

    List<ImageRule> build() {
        return List.copyOf(rules);
    }

    private static <T> T value(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ScriptProblem(e.getMessage());
        }
    }
}

package checkimage.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Reads what a response says about the host's rate limit, in the forms registries send:
 * <ul>
 *   <li>Docker Hub and draft-ietf-httpapi-ratelimit-headers up to -05: {@code RateLimit-Limit: 100;w=21600},
 *       {@code RateLimit-Remaining: 76;w=21600}, {@code RateLimit-Reset: 30}, plus Docker Hub's
 *       {@code Docker-RateLimit-Source};</li>
 *   <li>drafts -06 and -07: {@code RateLimit: limit=100, remaining=50, reset=30} and
 *       {@code RateLimit-Policy: 100;w=3600};</li>
 *   <li>drafts -08 and later (structured fields): {@code RateLimit-Policy: "default";q=100;w=3600} and
 *       {@code RateLimit: "default";r=50;t=30}.</li>
 * </ul>
 * Values that are not whole numbers are ignored; nothing here throws on a hostile header.
 */
final class RateLimitHeaders {

    /** What one response said; each part empty when unsaid. */
    record Reading(OptionalLong limit, OptionalLong remaining, OptionalLong windowSeconds, String source) {

        boolean isEmpty() {
            return limit.isEmpty() && remaining.isEmpty();
        }
    }

    private RateLimitHeaders() {}

    static Reading read(RegistryResponse response) {
        OptionalLong limit = OptionalLong.empty();
        OptionalLong remaining = OptionalLong.empty();
        OptionalLong window = OptionalLong.empty();
        for (Item item : items(response.header("ratelimit-limit"))) {
            limit = first(limit, item.number());
            window = first(window, item.param("w"));
        }
        for (Item item : items(response.header("ratelimit-remaining"))) {
            remaining = first(remaining, item.number());
            window = first(window, item.param("w"));
        }
        for (Item item : items(response.header("ratelimit-policy"))) {
            limit = first(limit, item.param("q").isPresent() ? item.param("q") : item.number());
            window = first(window, item.param("w"));
        }
        for (Item item : items(response.header("ratelimit"))) {
            remaining = first(remaining, item.param("r").isPresent() ? item.param("r") : item.param("remaining"));
            limit = first(limit, item.param("limit"));
        }
        String source = response.header("docker-ratelimit-source");
        return new Reading(limit, remaining, window, source == null ? "" : source.trim());
    }

    private static OptionalLong first(OptionalLong known, OptionalLong candidate) {
        return known.isPresent() ? known : candidate;
    }

    /**
     * One list member: a bare value and its {@code ;key=value} parameters. The -06/-07 form
     * {@code limit=100, remaining=50} is read as members holding one parameter each.
     */
    private record Item(String value, List<String[]> params) {

        OptionalLong number() {
            return whole(value);
        }

        OptionalLong param(String key) {
            for (String[] param : params) {
                if (param[0].equals(key)) {
                    return whole(param[1]);
                }
            }
            return OptionalLong.empty();
        }
    }

    private static List<Item> items(String header) {
        List<Item> items = new ArrayList<>();
        if (header == null || header.length() > 1024) {
            return items;
        }
        for (String member : header.split(",")) {
            String[] parts = member.split(";");
            List<String[]> params = new ArrayList<>();
            String value = parts[0].trim();
            int equals = value.indexOf('=');
            if (equals > 0) {
                params.add(new String[] {
                    value.substring(0, equals).trim().toLowerCase(Locale.ROOT),
                    value.substring(equals + 1).trim()
                });
                value = "";
            }
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq > 0) {
                    params.add(new String[] {
                        parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT),
                        parts[i].substring(eq + 1).trim()
                    });
                }
            }
            items.add(new Item(value, params));
        }
        return items;
    }

    private static OptionalLong whole(String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > 18
                || !text.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(text));
    }
}

package checkimage.result;

import checkimage.json.Json;
import checkimage.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code errors} array of a registry error body (distribution API spec, "Errors"), bounded:
 * at most {@value #MAX_ERRORS} entries, codes and messages cut to a fixed length. Anything that is not
 * such a body yields an empty list; a registry's error body never makes a check fail by itself.
 */
public final class RegistryErrors {

    static final int MAX_ERRORS = 8;
    static final int MAX_CODE = 64;
    static final int MAX_MESSAGE = 300;

    private RegistryErrors() {}

    /** The errors in {@code body}, or an empty list when it is empty, truncated or not an error body. */
    public static List<RegistryError> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        try {
            Object root = Json.parse(new String(body, StandardCharsets.UTF_8));
            if (!(root instanceof Map<?, ?> map) || !(map.get("errors") instanceof List<?> entries)) {
                return List.of();
            }
            List<RegistryError> errors = new ArrayList<>();
            for (Object entry : entries) {
                if (errors.size() == MAX_ERRORS) {
                    break;
                }
                if (entry instanceof Map<?, ?> error && error.get("code") instanceof String code) {
                    Object message = error.get("message");
                    errors.add(new RegistryError(
                            cut(code, MAX_CODE), cut(message instanceof String s ? s : "", MAX_MESSAGE)));
                }
            }
            return List.copyOf(errors);
        } catch (JsonException notJson) {
            return List.of();
        }
    }

    private static String cut(String text, int max) {
        String clean = text.replaceAll("[\\p{Cc}\\p{Cf}]", " ");
        return clean.length() <= max ? clean : clean.substring(0, max) + "…";
    }
}

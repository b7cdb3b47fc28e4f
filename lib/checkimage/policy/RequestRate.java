package checkimage.policy;

import java.util.Locale;

/**
 * A request pace such as {@code 10/s}, {@code 300/m} or {@code 1000/h}: the most requests per unit of time
 * one registry is sent ({@code --rate HOST=10/s}, {@code limits { rate '10/s' }} in a registry block).
 *
 * @param perSecond requests per second, positive
 * @param text as written, for messages
 */
public record RequestRate(double perSecond, String text) {

    public RequestRate {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate must be positive");
        }
    }

    /**
     * Reads {@code N/s}, {@code N/m} or {@code N/h} with N a positive number ({@code 0.5/s} allowed); an
     * {@link IllegalArgumentException} names the text and the expected form.
     */
    public static RequestRate parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        int slash = trimmed.indexOf('/');
        double seconds = slash < 0
                ? 0
                : switch (trimmed.substring(slash + 1)) {
                    case "s" -> 1;
                    case "m" -> 60;
                    case "h" -> 3600;
                    default -> 0;
                };
        String amount = slash < 0 ? "" : trimmed.substring(0, slash);
        if (seconds == 0 || !amount.matches("[0-9]{1,9}(\\.[0-9]{1,6})?") || Double.parseDouble(amount) == 0) {
            throw new IllegalArgumentException("rate '" + text + "' is not like 10/s, 300/m or 1000/h");
        }
        return new RequestRate(Double.parseDouble(amount) / seconds, text.trim());
    }

    @Override
    public String toString() {
        return text;
    }
}

package checkimage.client;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The most requests per second each registry host is sent ({@code --rate HOST=N/s}, a policy's
 * {@code limits { rate … }}); hosts not listed are not paced.
 *
 * @param perSecond requests per second by host as in references ({@code registry.corp:5000}), lower case
 */
public record RequestPace(Map<String, Double> perSecond) {

    public RequestPace {
        perSecond = perSecond.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> b));
        perSecond.values().forEach(rate -> {
            if (!(rate > 0)) {
                throw new IllegalArgumentException("a rate must be positive");
            }
        });
    }

    /** No host paced. */
    public static RequestPace none() {
        return new RequestPace(Map.of());
    }

    /** The pace of {@code host}; Docker Hub's API host shares docker.io's. */
    public Optional<Double> of(String host) {
        String key = host.toLowerCase(Locale.ROOT);
        Double rate = perSecond.get(key);
        if (rate == null && key.equals(checkimage.reference.ImageReference.DOCKER_HUB_API_HOST)) {
            rate = perSecond.get(checkimage.reference.ImageReference.DOCKER_HUB);
        }
        return Optional.ofNullable(rate);
    }

    public RequestPace with(String host, double rate) {
        Map<String, Double> copy = new java.util.HashMap<>(perSecond);
        copy.put(host.toLowerCase(Locale.ROOT), rate);
        return new RequestPace(copy);
    }
}

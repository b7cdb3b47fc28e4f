package checkimage.input;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * BuildKit's automatic platform ARGs: {@code TARGETPLATFORM} ({@code os/arch[/variant]}) and its parts
 * {@code TARGETOS}, {@code TARGETARCH}, {@code TARGETVARIANT}, and the same four for {@code BUILD…}.
 *
 * <p>Both platforms are the given one (a Dockerfile's first literal {@code --platform}), else
 * {@code linux/amd64}. A build arg naming a platform ({@code TARGETPLATFORM=linux/arm64/v8}) sets it and its
 * parts; a build arg naming a part sets that part alone.
 */
final class PlatformArgs {

    private final Map<String, String> values = new LinkedHashMap<>();

    PlatformArgs(Optional<String> platform, Map<String, String> buildArgs) {
        for (String prefix : new String[] {"TARGET", "BUILD"}) {
            String chosen = buildArgs.getOrDefault(prefix + "PLATFORM", platform.orElse("linux/amd64"));
            String[] parts = chosen.split("/", 3);
            values.put(prefix + "PLATFORM", chosen);
            values.put(prefix + "OS", parts[0]);
            values.put(prefix + "ARCH", parts.length > 1 ? parts[1] : "");
            values.put(prefix + "VARIANT", parts.length > 2 ? parts[2] : "");
            for (String part : new String[] {"OS", "ARCH", "VARIANT"}) {
                if (buildArgs.containsKey(prefix + part)) {
                    values.put(prefix + part, buildArgs.get(prefix + part));
                }
            }
        }
    }

    /** The eight variables and their values. */
    Map<String, String> values() {
        return values;
    }
}

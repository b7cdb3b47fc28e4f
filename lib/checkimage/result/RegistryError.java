package checkimage.result;

import java.util.Objects;

/**
 * One entry of a registry's error body ({@code {"errors":[{"code":"MANIFEST_UNKNOWN","message":"..."}]}}),
 * as defined by the distribution API spec ("Errors"). Both fields are bounded in length when parsed.
 */
public record RegistryError(String code, String message) {

    public RegistryError {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
    }

    @Override
    public String toString() {
        return message.isEmpty() ? code : code + ": " + message;
    }
}

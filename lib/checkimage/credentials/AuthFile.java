package checkimage.credentials;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parts of a docker {@code config.json} or a containers {@code auth.json} that hold credentials:
 * {@code auths} (entries by key, as written, in file order), {@code credHelpers} (helper name by registry
 * host, keys normalized by {@link RegistryKeys#host}) and {@code credsStore}. Everything else in the file
 * ({@code proxies}, {@code psFormat} ...) is ignored.
 */
record AuthFile(Map<String, AuthEntry> auths, Map<String, String> credHelpers, Optional<String> credsStore) {

    private static final Pattern HELPER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Reads the parsed top-level object of the file {@code where}. */
    static AuthFile of(Map<String, Object> root, String where) {
        Map<String, AuthEntry> auths = entries(root.get("auths"), where, "auths");
        Map<String, String> helpers = new LinkedHashMap<>();
        Object helperMap = root.get("credHelpers");
        if (helperMap != null) {
            objectAt(helperMap, where, "credHelpers")
                    .forEach((key, value) -> helpers.putIfAbsent(
                            RegistryKeys.host(key), helperName(value, where, AuthEntry.path("credHelpers", key))));
        }
        Object store = root.get("credsStore");
        Optional<String> credsStore = store == null || "".equals(store)
                ? Optional.empty()
                : Optional.of(helperName(store, where, "credsStore"));
        return new AuthFile(Collections.unmodifiableMap(auths), Collections.unmodifiableMap(helpers), credsStore);
    }

    /**
     * The entries of an {@code auths} map (or of a legacy {@code .dockercfg}, which is such a map at the top
     * level, {@code path} empty); {@code null} means none.
     */
    static Map<String, AuthEntry> entries(Object auths, String where, String path) {
        Map<String, AuthEntry> entries = new LinkedHashMap<>();
        if (auths != null) {
            objectAt(auths, where, path)
                    .forEach((key, value) ->
                            entries.put(key, AuthEntry.decode(key, value, where, AuthEntry.path(path, key))));
        }
        return entries;
    }

    /** True for a helper name that makes a safe executable name {@code docker-credential-<name>}. */
    static boolean isHelperName(String name) {
        return HELPER_NAME.matcher(name).matches();
    }

    private static String helperName(Object value, String where, String path) {
        if (!(value instanceof String name)) {
            throw new CredentialException(
                    where + ": " + path + ": expected a helper name, got " + CredentialFiles.kindOf(value));
        }
        if (!isHelperName(name)) {
            throw new CredentialException(where + ": " + path + ": invalid helper name (expected letters, digits,"
                    + " '.', '_' or '-', as in docker-credential-<name>)");
        }
        return name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectAt(Object value, String where, String path) {
        if (!(value instanceof Map<?, ?>)) {
            throw new CredentialException(where + ": " + (path.isEmpty() ? "" : path + ": ")
                    + "expected an object, got " + CredentialFiles.kindOf(value));
        }
        return (Map<String, Object>) value;
    }
}

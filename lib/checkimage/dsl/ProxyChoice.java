package checkimage.dsl;

import checkimage.policy.ProxySetting;
import java.util.Optional;

/** The {@code proxy 'http://…'} or {@code noProxy()} of one block (top level or a registry): at most one of them. */
final class ProxyChoice {

    private ProxySetting setting;

    /** {@code proxy 'http://…'}, written at {@code origin}. */
    void through(String url, String origin) {
        requireNone();
        try {
            setting = ProxySetting.through(url, origin);
        } catch (IllegalArgumentException e) {
            throw new ScriptProblem(e.getMessage());
        }
    }

    /** {@code noProxy()}, written at {@code origin}. */
    void direct(String origin) {
        requireNone();
        setting = ProxySetting.direct(origin);
    }

    /** The setting, empty when the block gives neither. */
    Optional<ProxySetting> setting() {
        return Optional.ofNullable(setting);
    }

    private void requireNone() {
        if (setting != null) {
            throw new ScriptProblem("proxy and noProxy() cannot both be given");
        }
    }
}

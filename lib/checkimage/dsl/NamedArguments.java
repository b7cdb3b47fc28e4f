package checkimage.dsl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the named arguments of a keyword ({@code until: '2027-03-31'}); an unknown name lists the known ones. */
final class NamedArguments {

    private NamedArguments() {}

    static Map<String, String> read(String keyword, Map<String, Object> named, List<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : named.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!known.contains(name)) {
                throw new ScriptProblem(
                        "unknown argument '" + name + ":' in " + keyword + "; expected " + String.join(", ", known));
            }
            if (!(entry.getValue() instanceof CharSequence text)) {
                throw new ScriptProblem(keyword + " expects " + name + ": to be a string, got " + entry.getValue());
            }
            values.put(name, text.toString());
        }
        return values;
    }
}

package checkimage.report;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many results of each status a report holds. */
public record Summary(int total, Map<Status, Integer> counts) {

    public static Summary of(List<ReportEntry> entries) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (ReportEntry entry : entries) {
            counts.merge(entry.status(), 1, Integer::sum);
        }
        return new Summary(entries.size(), counts);
    }

    public int count(Status status) {
        return counts.getOrDefault(status, 0);
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("total", total);
        for (Status status : Status.values()) {
            map.put(status.word(), count(status));
        }
        return map;
    }

    /** {@code 3 images: 1 accessible, 1 missing, 1 unknown}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(total).append(total == 1 ? " image" : " images");
        String separator = ": ";
        for (Status status : Status.values()) {
            if (count(status) > 0) {
                text.append(separator)
                        .append(count(status))
                        .append(' ')
                        .append(status.word().replace('_', ' '));
                separator = ", ";
            }
        }
        return text.toString();
    }
}

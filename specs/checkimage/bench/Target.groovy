package checkimage.bench

import groovy.transform.CompileStatic

/** One goal of issue 6, e.g. "README / curl floor <= 2.5x", and the value measured against it. */
@CompileStatic
final class Target {

    final String name
    final double value
    final String unit
    final boolean atMost
    final double limit

    private Target(String name, double value, String unit, boolean atMost, double limit) {
        this.name = name
        this.value = value
        this.unit = unit
        this.atMost = atMost
        this.limit = limit
    }

    static Target atMost(String name, double value, double limit, String unit) {
        new Target(name, value, unit, true, limit)
    }

    static Target atLeast(String name, double value, double limit, String unit) {
        new Target(name, value, unit, false, limit)
    }

    boolean isMet() {
        atMost ? value <= limit : value >= limit
    }

    /** E.g. {@code <= 2.5x}. */
    String getGoal() {
        "${atMost ? '<=' : '>='} ${Numbers.format(limit)}${unit}"
    }

    Map<String, Object> toMap() {
        [name: name, value: Numbers.round(value, 4), unit: unit.trim(), goal: goal, met: met] as Map<String, Object>
    }
}

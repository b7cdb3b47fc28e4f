package checkimage.bench

import groovy.transform.CompileStatic

/** Number formatting shared by the table and the targets. */
@CompileStatic
final class Numbers {

    private Numbers() {
    }

    /** Two decimals below 10, one below 100, none above; no trailing zeros: 0.41, 2.5, 13.1, 256. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e6) {
            return String.valueOf((long) value)
        }
        String text = Math.abs(value) >= 100 ? String.format(Locale.ROOT, '%.0f', value)
                : Math.abs(value) >= 10 ? String.format(Locale.ROOT, '%.1f', value)
                : String.format(Locale.ROOT, '%.2f', value)
        text.contains('.') ? text.replaceAll(/0+$/, '').replaceAll(/\.$/, '') : text
    }

    /** Seconds with millisecond precision: {@code 0.412}. */
    static String seconds(double value) {
        String.format(Locale.ROOT, '%.3f', value)
    }

    /** Rounded to {@code digits} decimals, for JSON. */
    static double round(double value, int digits) {
        BigDecimal.valueOf(value).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue()
    }
}

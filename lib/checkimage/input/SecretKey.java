package checkimage.input;

import java.util.ArrayList;
import java.util.List;

/**
 * The key named by a placeholder, {@code $secrets.a.list[1].b}: a list of segments, each a map key
 * ({@link String}) or a list index ({@link Integer}). A dotted number ({@code list.1}) is kept as a name and
 * also indexes a list, as OpenPAI's renderer turns {@code [1]} into {@code .1}.
 */
record SecretKey(List<Object> segments) {

    private static final String ROOT = "$secrets";

    SecretKey {
        segments = List.copyOf(segments);
    }

    /**
     * Parses the trimmed text between {@code <%} and {@code %>}.
     *
     * @throws IllegalArgumentException with a description that never quotes the text (it may be a
     *     plain-text password that happens to contain {@code <%})
     */
    static SecretKey parse(String expression) {
        if (!expression.startsWith(ROOT)) {
            throw new IllegalArgumentException("it does not start with '$secrets'");
        }
        List<Object> segments = new ArrayList<>();
        int i = ROOT.length();
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '.') {
                int end = endOfName(expression, i + 1);
                if (end == i + 1) {
                    throw new IllegalArgumentException("a key name after '.' is empty");
                }
                segments.add(expression.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = expression.indexOf(']', i);
                if (close < 0 || close == i + 1 || !isDigits(expression.substring(i + 1, close))) {
                    throw new IllegalArgumentException("'[' must hold a list index and be closed, like [0]");
                }
                segments.add(Integer.valueOf(expression.substring(i + 1, close)));
                i = close + 1;
            } else {
                throw new IllegalArgumentException(
                        Character.isWhitespace(c)
                                ? "spaces are not allowed inside a key"
                                : "expected '.' or '[' between key names");
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("it names no key below $secrets");
        }
        return new SecretKey(segments);
    }

    /** The key as canonical text, e.g. {@code a.list[1].b}, for messages; key names are not secret. */
    static String display(List<Object> segments) {
        StringBuilder text = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(segment);
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return display(segments);
    }

    private static int endOfName(String text, int from) {
        int i = from;
        while (i < text.length() && ".[]".indexOf(text.charAt(i)) < 0 && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigits(String text) {
        return text.length() <= 9 && text.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }
}

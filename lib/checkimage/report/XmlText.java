package checkimage.report;

/**
 * Escapes text for XML 1.0 element content and double-quoted attribute values. Characters XML 1.0 cannot carry
 * at all (controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF) become U+FFFD, so a hostile reference
 * or registry message can never make a report unreadable.
 */
final class XmlText {

    private XmlText() {}

    /** {@code text} for element content. */
    static String content(String text) {
        return escape(text, false);
    }

    /** {@code text} for a double-quoted attribute value; tab, LF and CR are kept as character references. */
    static String attribute(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

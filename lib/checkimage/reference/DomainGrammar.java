package checkimage.reference;

/**
 * The domain production of the distribution reference grammar (distribution/reference,
 * {@code reference.go} and {@code regexp.go}):
 * <pre>
 * domain           := host [':' port-number]
 * host             := domain-name | IPv4address | \[ IPv6address \]    ; rfc3986 appendix-A
 * domain-name      := domain-component ['.' domain-component]*
 * domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
 * port-number      := /[0-9]+/
 * </pre>
 * An IPv4 address is a domain-name of digit components. Like distribution, IPv6 zone identifiers
 * ({@code %eth0}, RFC 6874) and embedded IPv4 ({@code ::ffff:1.2.3.4}) are rejected. Two checks are
 * stricter than distribution's regular expression, because a host that fails them can never be
 * reached: the bracketed text must be a well-formed IPv6 address (8 groups of 1-4 hex digits, or
 * fewer with one {@code ::}), and the port must be 1-65535.
 */
final class DomainGrammar {

    private static final int MAX_PORT = 65535;

    private DomainGrammar() {}

    /** Checks {@code input[start, end)} as a domain with an optional port. */
    static void checkDomain(String input, int start, int end) {
        if (start == end) {
            throw new InvalidReferenceException(input, start, "a domain is required here, e.g. 'ghcr.io'");
        }
        int hostEnd = input.charAt(start) == '[' ? checkIpv6(input, start, end) : checkHostname(input, start, end);
        if (hostEnd == end) {
            return;
        }
        if (input.charAt(hostEnd) != ':') {
            throw new InvalidReferenceException(
                    input,
                    hostEnd,
                    "expected ':port' or '/' after the IPv6 address, not "
                            + InvalidReferenceException.describe(input.charAt(hostEnd)));
        }
        checkPort(input, hostEnd + 1, end);
    }

    /** Checks a host name or IPv4 address from {@code start}; returns where it ends (at ':' or {@code end}). */
    private static int checkHostname(String input, int start, int end) {
        int labelStart = start;
        int i = start;
        while (i < end && input.charAt(i) != ':') {
            char c = input.charAt(i);
            if (c == '.') {
                checkLabel(input, labelStart, i);
                labelStart = i + 1;
            } else if (!ReferenceGrammar.isAlphanumeric(c) && c != '-') {
                throw new InvalidReferenceException(
                        input,
                        i,
                        "character " + InvalidReferenceException.describe(c)
                                + " is not allowed in the domain '" + input.substring(start, end)
                                + "'; expected letters, digits, '-' and '.'");
            }
            i++;
        }
        checkLabel(input, labelStart, i);
        return i;
    }

    private static void checkLabel(String input, int start, int end) {
        if (start == end) {
            throw new InvalidReferenceException(
                    input,
                    start,
                    "empty domain label; a domain is labels of letters, digits and '-' joined by single dots");
        }
        if (input.charAt(start) == '-') {
            throw new InvalidReferenceException(input, start, "a domain label cannot start with '-'");
        }
        if (input.charAt(end - 1) == '-') {
            throw new InvalidReferenceException(input, end - 1, "a domain label cannot end with '-'");
        }
    }

    /** Checks a bracketed IPv6 address at {@code start}; returns the index just past ']'. */
    private static int checkIpv6(String input, int start, int end) {
        int close = input.indexOf(']', start);
        if (close < 0 || close >= end) {
            throw new InvalidReferenceException(input, start, "an IPv6 address must be closed with ']'");
        }
        for (int i = start + 1; i < close; i++) {
            char c = input.charAt(i);
            if (c == '%') {
                throw new InvalidReferenceException(
                        input, i, "IPv6 zone identifiers ('%...') are not allowed in a domain");
            }
            if (c == '.') {
                throw new InvalidReferenceException(
                        input, i, "IPv6 addresses with an embedded IPv4 part are not allowed in a domain");
            }
            if (!isHexDigit(c) && c != ':') {
                throw new InvalidReferenceException(
                        input,
                        i,
                        "character " + InvalidReferenceException.describe(c)
                                + " is not allowed in an IPv6 address; expected hex digits and ':'");
            }
        }
        checkIpv6Groups(input, start + 1, close);
        return close + 1;
    }

    private static void checkIpv6Groups(String input, int start, int end) {
        int gap = input.indexOf("::", start);
        if (gap >= end - 1) {
            gap = -1;
        }
        if (gap >= 0) {
            int second = input.indexOf("::", gap + 1);
            if (second >= 0 && second < end - 1) {
                throw new InvalidReferenceException(input, second, "an IPv6 address may contain '::' only once");
            }
        }
        int groups = gap < 0
                ? countGroups(input, start, end)
                : countGroups(input, start, gap) + countGroups(input, gap + 2, end);
        boolean complete = gap < 0 ? groups == 8 : groups <= 7;
        if (!complete) {
            throw new InvalidReferenceException(
                    input, start, "an IPv6 address has 8 groups of hex digits, or fewer with one '::'; got " + groups);
        }
    }

    /** Counts the ':'-separated groups of 1-4 hex digits in {@code input[start, end)}; an empty range has none. */
    private static int countGroups(String input, int start, int end) {
        if (start == end) {
            return 0;
        }
        int groups = 0;
        int groupStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || input.charAt(i) == ':') {
                int length = i - groupStart;
                if (length < 1 || length > 4) {
                    throw new InvalidReferenceException(input, groupStart, "an IPv6 group has 1 to 4 hex digits");
                }
                groups++;
                groupStart = i + 1;
            }
        }
        return groups;
    }

    private static void checkPort(String input, int start, int end) {
        if (start == end) {
            throw new InvalidReferenceException(input, start, "a port number is required after ':'");
        }
        for (int i = start; i < end; i++) {
            char c = input.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidReferenceException(
                        input,
                        i,
                        "character " + InvalidReferenceException.describe(c)
                                + " is not allowed in a port; expected digits");
            }
        }
        String digits = input.substring(start, end);
        if (digits.length() > 5 || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > MAX_PORT) {
            throw new InvalidReferenceException(input, start, "a port is 1 to " + MAX_PORT + ", got " + digits);
        }
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}

package checkimage.report;

import checkimage.result.CheckOutcome;

/** The status words of reports, stable in JSON. */
public enum Status {
    ACCESSIBLE("accessible"),
    MISSING("missing"),
    AUTH_REJECTED("auth_rejected"),
    INVALID_REFERENCE("invalid_reference"),
    UNKNOWN("unknown"),
    /** A policy rule forbids the reference; no request was made. */
    DENIED_BY_POLICY("denied_by_policy"),
    /** {@code --offline}: parsed and normalized, no request made. */
    NOT_CHECKED("not_checked");

    private final String word;

    Status(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Status of(CheckOutcome outcome) {
        return switch (outcome.kind()) {
            case ACCESSIBLE -> ACCESSIBLE;
            case MISSING -> MISSING;
            case AUTH_REJECTED -> AUTH_REJECTED;
            case INVALID_REFERENCE -> INVALID_REFERENCE;
            case UNKNOWN -> UNKNOWN;
            case NOT_CHECKED -> NOT_CHECKED;
        };
    }
}

package checkimage.cli;

import checkimage.credentials.CredentialException;
import checkimage.input.InputException;
import checkimage.reference.InvalidReferenceException;
import checkimage.report.Redactor;

/**
 * The one broad catch: turns what escaped a run into one line on stderr and an exit code. Known input and
 * configuration errors are exit 2 without a stack trace; anything else is a bug: exit 4 (so a script can tell
 * it from a usage error), still one line, never a stack trace or a secret.
 */
final class ErrorReporter {

    private ErrorReporter() {}

    static int report(Exception failure, Terminal terminal) {
        // by name: referring to the DSL type here would tie every run to the DSL classes, which only --policy needs
        if (failure.getClass().getName().equals("checkimage.dsl.PolicyException")) {
            terminal.err().println("check-image: " + Redactor.redact(failure.getMessage()));
            return ExitCodes.USAGE;
        }
        if (failure instanceof UsageException
                || failure instanceof InputException
                || failure instanceof CredentialException
                || failure instanceof IllegalArgumentException && !(failure instanceof InvalidReferenceException)) {
            terminal.err().println("check-image: " + Redactor.redact(failure.getMessage()));
            return ExitCodes.USAGE;
        }
        if (failure instanceof InvalidReferenceException) {
            terminal.err().println("check-image: " + Redactor.redact(failure.getMessage()));
            return ExitCodes.INACCESSIBLE;
        }
        terminal.err()
                .println("check-image: internal error: " + failure.getClass().getSimpleName() + ": "
                        + Redactor.redact(String.valueOf(failure.getMessage())) + " (please report this)");
        return ExitCodes.INTERNAL;
    }
}

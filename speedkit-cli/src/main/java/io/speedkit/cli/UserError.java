package io.speedkit.cli;

/** A problem with what the user gave us: printed as one line, {@code speedkit: <message>}, never a stack trace. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    UserError(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** Bad options or arguments: exit code 2, as for any command-line usage error. */
    static UserError usage(String message) {
        return new UserError(message, ExitCodes.USAGE);
    }

    /** A file, class or profile that cannot be used: exit code 1. */
    static UserError input(String message) {
        return new UserError(message, ExitCodes.FAILURE);
    }
}

package io.speedkit.cli;

/** The exit codes speedkit itself chooses; {@code speedkit profile} otherwise exits with the program's. */
final class ExitCodes {
    static final int OK = 0;
    /** A file, class or profile that cannot be used. */
    static final int FAILURE = 1;
    /** A command-line usage error. */
    static final int USAGE = 2;
    /** A bug in speedkit (sysexits' EX_SOFTWARE). */
    static final int INTERNAL = 70;

    private ExitCodes() {
    }
}

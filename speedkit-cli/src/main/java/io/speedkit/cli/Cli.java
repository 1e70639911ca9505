package io.speedkit.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * The speedkit command line, with the world injected: streams, environment and whether a child program
 * may use this process's own terminal. {@link Main} wires the real ones; tests run commands in-process.
 * Every command returns its exit code; this class maps errors to exit codes in one place.
 */
public final class Cli {
    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    /** True when a child program may inherit this process's stdin, stdout and stderr directly. */
    final boolean inheritIo;

    public Cli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean inheritIo) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.inheritIo = inheritIo;
    }

    /** Runs one command line and returns the exit code. */
    public int run(String... args) {
        CommandLine cl = new CommandLine(new SpeedkitCommand(this));
        cl.addSubcommand(new ProfileCommand(this));
        cl.addSubcommand(new StatsCommand(this));
        cl.addSubcommand(new AgentCommand(this));
        // `speedkit profile` passes everything from the first argument it does not know on to java.
        CommandLine profile = cl.getSubcommands().get("profile");
        profile.setUnmatchedOptionsArePositionalParams(true);
        profile.setStopAtPositional(true);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            String cmd = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(cmd + ": " + ex.getMessage() + " (see " + cmd + " --help)");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, command, parsed) -> {
            if (ex instanceof UserError u) {
                err.println("speedkit: " + u.getMessage());
                return u.exitCode;
            }
            err.println("speedkit: internal error: " + ex + (debug() ? "" : " (set SPEEDKIT_DEBUG=1 for the stack trace)"));
            if (debug()) {
                ex.printStackTrace(err);
            }
            return ExitCodes.INTERNAL;
        });
        err.flush();
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private boolean debug() {
        String d = env.get("SPEEDKIT_DEBUG");
        return d != null && !d.isEmpty() && !"0".equals(d) && !"false".equals(d.toLowerCase(Locale.ROOT));
    }
}

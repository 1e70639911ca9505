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
    /** The commands that take what you would give java. */
    private static final java.util.List<String> JAVA_RUNNERS = java.util.List.of("profile", "bench");
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
        cl.addSubcommand(new DiffCommand(this));
        cl.addSubcommand(new AgentCommand(this));
        cl.addSubcommand(new BenchCommand(this));
        cl.addSubcommand(new TimeitCommand(this));
        // `speedkit profile` and `speedkit bench` pass everything from the first argument they do not know
        // on to java. java's -showversion and -server are not speedkit's -s with a value: no clustering.
        for (String verb : JAVA_RUNNERS) {
            CommandLine runner = cl.getSubcommands().get(verb);
            runner.setUnmatchedOptionsArePositionalParams(true);
            runner.setStopAtPositional(true);
            runner.setPosixClusteredShortOptionsAllowed(false);
        }
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
        boolean runsJava = args.length > 0 && JAVA_RUNNERS.contains(args[0]);
        int code = cl.execute(runsJava ? splitJavaArgs(cl.getSubcommands().get(args[0]), args) : args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * A command that runs java: its own options end at the first argument that is not one of them; the
     * rest is java's, verbatim. Picocli's POSIX clustering is off for these commands — java's
     * {@code -showversion} must not read as {@code -s howversion} — so the one attached form speedkit
     * documents, {@code -J<jvm option>}, is split here into {@code -J <jvm option>}.
     */
    static String[] splitJavaArgs(CommandLine command, String[] args) {
        Map<String, picocli.CommandLine.Model.OptionSpec> options = command.getCommandSpec().optionsMap();
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(args[0]);
        int i = 1;
        while (i < args.length) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            picocli.CommandLine.Model.OptionSpec o = options.get(a);
            if (o != null) {
                out.add(a);
                i++;
                if (o.arity().max() > 0 && i < args.length) {
                    out.add(args[i++]);
                }
            } else if (a.startsWith("-J") && a.length() > 2) {
                out.add("-J");
                out.add(a.substring(2));
                i++;
            } else if (a.startsWith("--") && a.indexOf('=') > 0 && options.containsKey(a.substring(0, a.indexOf('=')))) {
                out.add(a);
                i++;
            } else {
                break;
            }
        }
        if (i < args.length && !args[i].equals("--")) {
            out.add("--"); // from here on everything is java's, even what looks like speedkit's options
        }
        for (; i < args.length; i++) {
            out.add(args[i]);
        }
        return out.toArray(new String[0]);
    }

    private boolean debug() {
        String d = env.get("SPEEDKIT_DEBUG");
        return d != null && !d.isEmpty() && !"0".equals(d) && !"false".equals(d.toLowerCase(Locale.ROOT));
    }
}

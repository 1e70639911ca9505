package io.speedkit.cli;

import io.speedkit.profiler.agent.AgentOptions;
import io.speedkit.profiler.agent.ClassGlobs;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ProfileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code speedkit profile [options] [--] <what you would give java>}: runs the program in a child JVM with
 * the agent, then prints what {@code python -m cProfile} prints. The program keeps its stdin, stdout and
 * stderr; speedkit exits with its exit code.
 */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a Java program under speedkit's deterministic profiler and print cProfile's report.", "",
                "Everything from the first argument speedkit does not know is passed to java as it is:",
                "  speedkit profile App.java                  a single source file",
                "  speedkit profile -jar app.jar ARGS         an executable jar",
                "  speedkit profile -cp CP com.acme.Main      a class path and a main class",
                "  speedkit profile -m mod/com.acme.Main      a module", ""},
        footer = {"", "The report is printed when the program ends: normally, by System.exit,",
                "by an uncaught exception, or by SIGTERM or Ctrl-C.",
                "With -o the profile is saved instead; look at it with speedkit stats."})
final class ProfileCommand implements Callable<Integer> {
    /** How long a program may take to save its profile after being told to stop. */
    private static final long STOP_WAIT_SECONDS = 60;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Save the profile to FILE and print nothing.")
    Path output;

    @Mixin
    ReportOptions report = new ReportOptions();

    @Option(names = "--include", paramLabel = "GLOB", split = ":",
            description = "Instrument only classes matching GLOB (e.g. com.acme.*); repeatable.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", split = ":", description = "Do not instrument classes matching GLOB; repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "-J", paramLabel = "OPTION", description = "Pass OPTION to the program's JVM, e.g. -J-Xmx2g; repeatable.")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--jdk-calls", paramLabel = "WHICH",
            description = "Which calls into the JDK are timed as their own rows: default (all but trivial ones such "
                    + "as boxing and Math), all, or none.")
    String jdkCalls = "default";

    @Parameters(arity = "1..*", paramLabel = "JAVA_ARGS", description = "What you would give java.")
    List<String> javaArgs = new ArrayList<>();

    private final Cli cli;

    ProfileCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        report.validate();
        AgentOptions options = AgentOptions.empty();
        try {
            for (List<String> globs : List.of(includes, excludes)) {
                for (String g : globs) {
                    ClassGlobs.check(g);
                }
            }
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        options = options.with(AgentOptions.JDK_CALLS, jdkCalls);
        try {
            options.jdkCalls();
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--jdk-calls must be default, all or none, got '" + jdkCalls + "'");
        }
        JavaCommand java = new JavaCommand(javaArgs);
        java.validate(cli.env);
        Path agent = AgentCommand.agentJar(cli);

        // Without -o, the profile goes to a private (0700) temporary directory, removed after the report.
        Path target = output != null ? output.toAbsolutePath() : Files.createTempDirectory("speedkit-").resolve("run.prof");
        if (output != null) {
            Path dir = target.getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw UserError.input("cannot save the profile to " + output + ": no such directory " + dir);
            }
            if (Files.isDirectory(target)) {
                throw UserError.input("cannot save the profile to " + output + ": it is a directory");
            }
            Files.deleteIfExists(target); // a stale profile must not pass for this run's
        }

        options = options.with(AgentOptions.OUTPUT, target.toString())
                .with(AgentOptions.INCLUDE, includes.isEmpty() ? null : String.join(":", includes))
                .with(AgentOptions.EXCLUDE, excludes.isEmpty() ? null : String.join(":", excludes))
                .with(AgentOptions.COMMAND, java.display());

        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-javaagent:" + agent + "=" + options.render());
        cmd.addAll(jvmOptions);
        cmd.addAll(javaArgs);

        Child child = new Child(cmd, target);
        int code = child.waitFor();
        child.report(code);
        return code;
    }

    /**
     * The program's JVM. If speedkit itself is told to stop (SIGTERM, or Ctrl-C, which the program gets
     * too), a shutdown hook passes SIGTERM on, waits for the program to save its profile, prints the report
     * and exits with the program's exit code — so nothing already recorded is lost.
     */
    private final class Child {
        private final Process process;
        private final Path profile;
        private final Thread hook;
        private final List<Thread> pumps = new ArrayList<>();
        private boolean reported;

        Child(List<String> cmd, Path profile) throws IOException {
            this.profile = profile;
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (cli.inheritIo) {
                pb.inheritIO();
            }
            try {
                process = pb.start();
            } catch (IOException e) {
                throw UserError.input("cannot start " + cmd.get(0) + ": " + e.getMessage());
            }
            if (!cli.inheritIo) {
                pump(process.getInputStream(), cli.out);
                pump(process.getErrorStream(), cli.err);
                pumpIn(cli.in, process.getOutputStream());
            }
            hook = new Thread(this::stopAndReport, "speedkit-stop-program");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        int waitFor() throws InterruptedException {
            int code = process.waitFor();
            for (Thread pump : pumps) {
                pump.join(); // the program's last output comes before the report
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // speedkit is being stopped: the hook reports
            }
            return code;
        }

        private void stopAndReport() {
            process.destroy();
            try {
                if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                int code = process.waitFor();
                report(code);
                cli.out.flush();
                cli.err.flush();
                Runtime.getRuntime().halt(code);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Prints the report (or, with -o, nothing) once. Synchronized: when speedkit is stopped while the main
         * thread reports, the hook waits for that report to finish before it halts the JVM.
         */
        synchronized void report(int code) {
            if (reported) {
                return;
            }
            reported = true;
            try {
                ProfileData data = readProfile();
                // A program that could not even start (java said why) has nothing worth a report.
                if (data != null && output == null && !(data.threads().isEmpty() && code != 0)) {
                    report.print(data, cli.out);
                }
            } catch (UserError e) {
                cli.err.println("speedkit: " + e.getMessage()); // e.g. --thread matched nothing: the exit code stays the program's
            } finally {
                if (output == null) {
                    deleteQuietly(profile);
                    deleteQuietly(profile.getParent());
                }
            }
        }

        /**
         * The saved profile, or null: when there is no file, the JVM never started the agent and java has
         * said why; an empty file is the agent's mark from start-up that no exit hook replaced.
         */
        private ProfileData readProfile() {
            try {
                if (Files.size(profile) == 0) {
                    deleteQuietly(profile);
                    cli.err.println("speedkit: the program ended without saving a profile (killed by SIGKILL, or Runtime.halt)");
                    return null;
                }
                try (InputStream in = Files.newInputStream(profile)) {
                    return ProfileReader.read(in);
                }
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                cli.err.println("speedkit: cannot read the profile " + profile + ": " + e.getMessage());
                return null;
            }
        }

        private void deleteQuietly(Path p) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a file left in the temporary directory
            }
        }

        private void pump(InputStream from, PrintStream to) {
            Thread t = new Thread(() -> {
                try {
                    from.transferTo(to);
                } catch (IOException ignored) {
                    // the program closed its stream
                }
                to.flush();
            }, "speedkit-pump");
            t.setDaemon(true);
            t.start();
            pumps.add(t);
        }

        private void pumpIn(InputStream from, OutputStream to) {
            Thread t = new Thread(() -> {
                try (to) {
                    from.transferTo(to);
                } catch (IOException ignored) {
                    // the program stopped reading
                }
            }, "speedkit-stdin");
            t.setDaemon(true);
            t.start();
        }
    }
}

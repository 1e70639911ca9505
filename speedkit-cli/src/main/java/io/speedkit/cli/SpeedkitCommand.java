package io.speedkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: {@code speedkit --help}, {@code speedkit --version}. */
@Command(name = "speedkit", mixinStandardHelpOptions = true, versionProvider = SpeedkitCommand.Version.class,
        description = {"The need-for-speed toolkit for the JVM: measure first, then fix what is slow.", ""},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Start with: speedkit profile <what you would give java>, e.g. speedkit profile App.java"})
final class SpeedkitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Cli cli;

    SpeedkitCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(cli.out);
        return ExitCodes.OK;
    }

    /** The version baked in at build time. */
    static String version() {
        try (InputStream in = SpeedkitCommand.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"speedkit " + version() + " (running on Java " + Runtime.version() + ", "
                    + System.getProperty("java.vm.name") + ")"};
        }
    }
}

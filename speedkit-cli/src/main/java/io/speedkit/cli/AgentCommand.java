package io.speedkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code speedkit agent}: where the agent jar is, for people who add {@code -javaagent:} themselves. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Print the path of speedkit's agent jar.", "",
                "Add it to any java command line to instrument the program:",
                "  java -javaagent:$(speedkit agent) ...                          instrument; record with io.speedkit.profiler.Profile",
                "  java -javaagent:$(speedkit agent)=output=app.prof ...          record the whole run into app.prof",
                "Agent options (comma-separated): output=FILE, include=GLOB[:GLOB], exclude=GLOB[:GLOB],",
                "jdkcalls=default|all|none, verbose=true."})
final class AgentCommand implements Callable<Integer> {
    private final Cli cli;

    AgentCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.out.println(agentJar(cli));
        return ExitCodes.OK;
    }

    /**
     * The agent jar: {@code -Dspeedkit.agent=PATH}, else {@code speedkit-agent.jar} next to the CLI's jar.
     *
     * @throws UserError when it is not there
     */
    static Path agentJar(Cli cli) {
        String configured = System.getProperty("speedkit.agent");
        Path jar;
        if (configured != null && !configured.isEmpty()) {
            jar = Path.of(configured);
        } else {
            Path self;
            try {
                self = Path.of(AgentCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (Exception e) {
                throw UserError.input("cannot tell where speedkit is installed (" + e.getMessage() + "); set -Dspeedkit.agent=PATH");
            }
            jar = (Files.isDirectory(self) ? self.getParent() : self.getParent()).resolve("speedkit-agent.jar");
        }
        if (!Files.isRegularFile(jar)) {
            throw UserError.input("the agent jar is missing: " + jar + "; rebuild speedkit (bin/speedkit builds it when missing)");
        }
        return jar.toAbsolutePath();
    }
}

package io.speedkit.cli;

import io.speedkit.profiler.Stats;
import io.speedkit.profiler.Threads;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ProfileReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code speedkit stats FILE...}: pstats for saved profiles (several are added, as pstats does). */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the cProfile report of profiles saved with speedkit profile -o, as pstats prints it.", ""})
final class StatsCommand implements Callable<Integer> {
    @Mixin
    ReportOptions report = new ReportOptions();

    @Option(names = "--threads", description = "List the profile's threads with their calls and time instead.")
    boolean threads;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Saved profiles; several are added together.")
    List<Path> files = new ArrayList<>();

    private final Cli cli;

    StatsCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        report.validate();
        ProfileData all = null;
        List<String> titles = new ArrayList<>();
        for (Path f : files) {
            ProfileData one = load(f);
            all = all == null ? one : all.plus(one);
            try {
                titles.add(Stats.titleLine(f));
            } catch (IOException e) {
                throw UserError.input(f + ": " + e.getMessage());
            }
        }
        if (threads) {
            Threads.print(all, report.unit(), cli.out);
            return ExitCodes.OK;
        }
        report.print(report.stats(all).withFileLines(titles), cli.out);
        return ExitCodes.OK;
    }

    /**
     * Reads one saved profile.
     *
     * @throws UserError naming the file and what is wrong with it
     */
    static ProfileData load(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            return ProfileReader.read(new java.io.BufferedInputStream(in, 1 << 16));
        } catch (NoSuchFileException e) {
            throw UserError.input(f + ": no such file");
        } catch (AccessDeniedException e) {
            throw UserError.input(f + ": permission denied");
        } catch (IOException e) {
            String m = e.getMessage();
            throw UserError.input(f + ": " + (m == null ? e.toString() : m));
        } catch (IllegalArgumentException e) {
            throw UserError.input(f + ": corrupt profile: " + e.getMessage());
        }
    }
}

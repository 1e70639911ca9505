package io.speedkit.profiler.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs a {@code python3 -c} script as the oracle for file formats Python reads. When python3 is not on
 * the PATH the calling test is skipped (aborted) with a message saying so, never failed.
 */
final class Python3 {

    private Python3() {
    }

    /**
     * Runs {@code script} with {@code args} as {@code sys.argv[1:]} in {@code dir} and returns its
     * standard output decoded as UTF-8; fails when Python exits with an error, showing its stderr.
     */
    static String run(Path dir, String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not on the PATH, so the file cannot be checked with Python itself: "
                    + e.getMessage());
            throw e;
        }
        // Drained in the background so a chatty stderr cannot block the process while we read stdout.
        var stderr = p.getErrorStream();
        StringBuilder err = new StringBuilder();
        Thread drain = Thread.ofPlatform().daemon().start(() -> {
            try {
                err.append(new String(stderr.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // The process died; its exit code below says what matters.
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3 did not finish within 60 s running:\n" + script);
        }
        drain.join(10_000);
        assertEquals(0, p.exitValue(), () -> "python3 failed running:\n" + script + "\nstderr:\n" + err);
        return new String(out, StandardCharsets.UTF_8);
    }
}

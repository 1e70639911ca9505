package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put what the tests run: the agent jar, the jars copied for forked JVMs (see this
 * module's pom), the compiled target programs and the project's root (examples' sources, bin/speedkit).
 */
final class Artifacts {
    private Artifacts() {
    }

    /** The agent jar, as the CLI finds it: {@code -Dspeedkit.agent}. */
    static Path agent() {
        return existing(property("speedkit.agent"));
    }

    /** A jar of {@code target/it-jars}: rhino.jar, h2.jar, examples.jar, speedkit-profiler.jar. */
    static Path jar(String name) {
        return existing(property("it.jars").resolve(name));
    }

    /** The compiled test classes, where the target programs ({@code io.speedkit.it.targets}) are. */
    static Path testClasses() {
        return existing(property("it.testClasses"));
    }

    /** Class path with the target programs and speedkit-profiler (for programs using the in-process API). */
    static String targetsClassPath() {
        return testClasses() + java.io.File.pathSeparator + jar("speedkit-profiler.jar");
    }

    /** The project's root directory. */
    static Path root() {
        return existing(property("it.root").normalize());
    }

    /** bin/speedkit, the real launcher. */
    static Path launcher() {
        return existing(root().resolve("bin/speedkit"));
    }

    private static Path property(String name) {
        String v = System.getProperty(name);
        assertTrue(v != null && !v.isEmpty(), "system property " + name + " is not set; run the tests with Maven (see this module's pom)");
        return Path.of(v).toAbsolutePath();
    }

    private static Path existing(Path p) {
        assertTrue(Files.exists(p), p + " does not exist; build with mvn -pl integration-tests -am verify");
        return p;
    }
}

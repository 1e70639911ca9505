package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Whatever follows the options is passed to a child java verbatim": what java accepts, speedkit runs; what java
 * refuses, the user hears from java, with java's exit code. speedkit checks a command before it starts a JVM
 * (JavaCommand) only to catch the usual mistakes; it must never refuse a command java would run.
 */
class PassThroughTest {
    @TempDir
    static Path dir;

    private static Path app() throws IOException {
        Path app = dir.resolve("App.java");
        if (!Files.exists(app)) {
            Files.writeString(app, "class App { public static void main(String[] a) { System.out.println(\"hi\"); } }\n");
        }
        return app;
    }

    @Test
    void jvmOptionsAndArgFile_passedOn() throws IOException {
        Path args = dir.resolve("fib.args");
        Files.writeString(args, "-cp " + Artifacts.testClasses() + " io.speedkit.it.targets.Fib 7\n");
        Speedkit.Result r = Speedkit.run("profile", "--limit", "0", "-ea", "-Xshare:off", "-XX:+UseSerialGC", "-Dx=y",
                "--enable-preview", "@" + args);
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().startsWith("fib(7) = 13\n"), r.stdout());
    }

    /** java's own single-dash options that begin with speedkit's short options (-s, -o) are java's. */
    @Test
    void javaOptionsStartingLikeSpeedkitOptions_passedOn() {
        for (String option : new String[] {"-showversion", "-server"}) {
            Speedkit.Result r = Speedkit.run("profile", "--limit", "0", option, "-cp", Artifacts.testClasses().toString(),
                    "io.speedkit.it.targets.Fib", "5");
            assertEquals(0, r.exitCode(), option + ": " + r.describe());
            assertTrue(r.stdout().startsWith("fib(5) = 5\n"), option + ": " + r.stdout());
        }
    }

    /** java --source N FILE runs a source file whatever its name, e.g. a script with a #! line. */
    @Test
    void sourceFileWithoutJavaExtension_runsAsJavaWould() throws IOException {
        Path script = dir.resolve("hello");
        Files.writeString(script, "class Hello { public static void main(String[] a) { System.out.println(\"script ran\"); } }\n");
        ForkedJvm.Result plain = ForkedJvm.java("--source", "21", script.toString()).run();
        assertEquals("script ran\n", plain.stdout(), plain.describe());
        Speedkit.Result r = Speedkit.run("profile", "--limit", "0", "--source", "21", script.toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().startsWith("script ran\n"), r.stdout());
    }

    /** A jar on the class path brings the jars its manifest's Class-Path names, for java as for speedkit. */
    @Test
    void mainClassOnManifestClassPath_runsAsJavaWould() throws IOException {
        Path lib = dir.resolve("lib.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(lib))) {
            String entry = "io/speedkit/it/targets/Fib.class";
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(Artifacts.testClasses().resolve(entry)));
            out.closeEntry();
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib.jar");
        Path app = dir.resolve("app.jar");
        new JarOutputStream(Files.newOutputStream(app), m).close();
        ForkedJvm.Result plain = ForkedJvm.java("-cp", app.toString(), "io.speedkit.it.targets.Fib", "5").run();
        assertEquals("fib(5) = 5\n", plain.stdout(), plain.describe());
        Speedkit.Result r = Speedkit.run("profile", "--limit", "0", "-cp", app.toString(), "io.speedkit.it.targets.Fib", "5");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().startsWith("fib(5) = 5\n"), r.stdout());
    }

    /**
     * A source file that does not compile: java's compiler errors pass through unchanged, the exit code is
     * java's, and speedkit adds nothing (the program never ran).
     */
    @Test
    void compileError_sameErrorAndExitCodeAsPlainJava() throws IOException {
        Path broken = dir.resolve("Broken.java");
        Files.writeString(broken, "class Broken { void f() { int x = \"s\"; } public static void main(String[] a) { } }\n");
        ForkedJvm.Result plain = ForkedJvm.java(broken.toString()).run();
        Speedkit.Result profiled = Speedkit.run("profile", broken.toString());
        assertEquals(1, plain.exitCode(), plain.describe());
        assertEquals(plain.exitCode(), profiled.exitCode(), profiled.describe());
        assertEquals("", profiled.stdout());
        assertEquals(plain.stderr(), profiled.stderr());
    }

    /**
     * An option neither speedkit nor java knows goes to java, which refuses it: the user should see java's own
     * error and exit code, and nothing from speedkit (the program never ran).
     */
    @Test
    void optionJavaRejects_sameErrorAndExitCodeAsPlainJava() throws IOException {
        ForkedJvm.Result plain = ForkedJvm.java("--bogus", app().toString()).run();
        Speedkit.Result profiled = Speedkit.run("profile", "--bogus", app().toString());
        assertEquals(1, plain.exitCode(), plain.describe());
        assertEquals(plain.exitCode(), profiled.exitCode(), profiled.describe());
        assertEquals("", profiled.stdout());
        assertEquals(plain.stderr(), profiled.stderr());
    }
}

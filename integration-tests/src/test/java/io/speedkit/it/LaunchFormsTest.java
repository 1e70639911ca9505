package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forms of "what you would give java" besides a class path and a source file: an executable jar, a
 * module, and a profile path that needs escaping in the agent's option string.
 */
class LaunchFormsTest {

    @Test
    void executableJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("fib.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.speedkit.it.targets.Fib");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            String entry = "io/speedkit/it/targets/Fib.class";
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(Artifacts.testClasses().resolve(entry)));
            out.closeEntry();
        }
        Speedkit.Result r = Speedkit.run("profile", "-jar", jar.toString(), "15");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().startsWith("fib(15) = 610\n"), r.stdout());
        // 2 * fib(16) - 1 = 2 * 987 - 1
        assertEquals("1973/1", Report.parse(r.stdout()).row("io/speedkit/it/targets/Fib.java:9(Fib.fib)").ncalls());
    }

    @Test
    void module(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("src/demo");
        Files.createDirectories(src.resolve("org/demo"));
        Files.writeString(src.resolve("module-info.java"), "module demo {\n}\n");
        Files.writeString(src.resolve("org/demo/Hello.java"), String.join("\n",
                "package org.demo;",
                "",
                "import java.util.List;",
                "",
                "public class Hello {",
                "    static String greet(String who) {",
                "        return \"hello \" + who;",
                "    }",
                "",
                "    public static void main(String[] args) {",
                "        for (String who : List.of(\"a\", \"b\", \"c\")) {",
                "            System.out.println(greet(who));",
                "        }",
                "    }",
                "}",
                ""));
        Path classes = dir.resolve("mods/demo");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), src.resolve("module-info.java").toString(),
                src.resolve("org/demo/Hello.java").toString());
        assertEquals(0, rc, "the test module compiles");

        Speedkit.Result r = Speedkit.run("profile", "-p", dir.resolve("mods").toString(), "-m", "demo/org.demo.Hello");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().startsWith("hello a\nhello b\nhello c\n"), r.stdout());
        Report report = Report.parse(r.stdout());
        assertEquals("3", report.row("org/demo/Hello.java:7(Hello.greet)").ncalls(), "classes of a named module are instrumented");
        assertEquals("1", report.row("{built-in method java.util.List.of}").ncalls());
        assertEquals("3", report.row("{method java.io.PrintStream.println}").ncalls());
    }

    @Test
    void outputPathWithCharactersTheAgentOptionsEscape(@TempDir Path dir) throws IOException {
        Path odd = Files.createDirectories(dir.resolve("a b,c=d%e é"));
        Path out = odd.resolve("p r,o=f%.prof");
        Speedkit.Result r = Speedkit.run("profile", "-o", out.toString(), "-cp", Artifacts.testClasses().toString(),
                "io.speedkit.it.targets.Fib", "10");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("fib(10) = 55\n", r.stdout());
        assertEquals(List.of(out), Files.list(odd).toList(), "the profile, and nothing else, is where it was asked to be");
        assertEquals(177, Profiles.row(Profiles.read(out), "(Fib.fib)").totalCalls());
    }
}

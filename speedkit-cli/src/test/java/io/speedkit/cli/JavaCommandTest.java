package io.speedkit.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCommandTest {
    @TempDir
    Path dir;

    private static void validate(String... args) {
        new JavaCommand(List.of(args)).validate(Map.of());
    }

    @Test
    void validate_missingSourceFile() {
        UserError e = assertThrows(UserError.class, () -> validate(dir.resolve("Nope.java").toString()));
        assertEquals("cannot run '" + dir.resolve("Nope.java") + "': no such file", e.getMessage());
        assertEquals(1, e.exitCode);
    }

    @Test
    void validate_missingJar() {
        UserError e = assertThrows(UserError.class, () -> validate("-Xmx64m", "-jar", dir.resolve("app.jar").toString(), "arg"));
        assertEquals("cannot run '" + dir.resolve("app.jar") + "': no such file", e.getMessage());
    }

    @Test
    void validate_mainClassInDirectoryJarAndWildcard() throws IOException {
        Files.createDirectories(dir.resolve("classes/com/acme"));
        Files.write(dir.resolve("classes/com/acme/Main.class"), new byte[] {1});
        Files.createDirectories(dir.resolve("lib"));
        try (OutputStream f = Files.newOutputStream(dir.resolve("lib/tool.jar")); ZipOutputStream z = new ZipOutputStream(f)) {
            z.putNextEntry(new ZipEntry("org/tool/Cli.class"));
            z.write(1);
        }
        assertDoesNotThrow(() -> validate("-cp", dir.resolve("classes").toString(), "com.acme.Main"));
        assertDoesNotThrow(() -> validate("-classpath", dir.resolve("lib/tool.jar").toString(), "org.tool.Cli", "-x"));
        assertDoesNotThrow(() -> validate("--class-path", dir.resolve("lib") + "/*", "org.tool.Cli"));
        assertDoesNotThrow(() -> validate("--class-path=" + dir.resolve("classes"), "com.acme.Main"));
        UserError e = assertThrows(UserError.class, () -> validate("-cp", dir.resolve("classes").toString(), "com.acme.Nope"));
        assertEquals("cannot find main class 'com.acme.Nope' on the class path '" + dir.resolve("classes") + "'", e.getMessage());
    }

    @Test
    void validate_classPathFromEnvironment() throws IOException {
        Files.write(dir.resolve("Hello.class"), new byte[] {1});
        assertDoesNotThrow(() -> new JavaCommand(List.of("Hello")).validate(Map.of("CLASSPATH", dir.toString())));
    }

    @Test
    void validate_nothingToRun() {
        UserError e = assertThrows(UserError.class, () -> validate("-Xmx1g", "-Dx=y"));
        assertEquals(2, e.exitCode);
    }

    @Test
    void validate_leavesModulesAndArgumentFilesToJava() {
        assertDoesNotThrow(() -> validate("-p", "mods", "-m", "app/com.acme.Main"));
        assertDoesNotThrow(() -> validate("@options.txt"));
    }

    @Test
    void display_quotesWhatAShellWould() {
        assertEquals("java -cp a.jar Main 'two words' 'it'\\''s' --x=1",
                new JavaCommand(List.of("-cp", "a.jar", "Main", "two words", "it's", "--x=1")).display());
    }
}

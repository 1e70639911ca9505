package io.speedkit.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles Java programs for tests into a directory, with the JDK's compiler: the bundled examples
 * (speedkit-cli does not depend on the examples module, which the reactor builds later) and small
 * programs written in the test.
 */
final class JavaPrograms {
    /** The examples' sources, relative to speedkit-cli, where Maven runs its tests. */
    static final Path EXAMPLES = Path.of("../examples/src/main/java/io/speedkit/examples");

    private JavaPrograms() {
    }

    /** Compiles the source files into {@code classes}; a compile error fails the test with javac's message. */
    static void compile(Path classes, List<Path> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-Xlint:none"));
        for (Path s : sources) {
            args.add(s.toString());
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int code = javac.run(null, messages, messages, args.toArray(new String[0]));
        if (code != 0) {
            throw new IllegalStateException("javac failed (" + code + ") on " + sources + ":\n"
                    + messages.toString(StandardCharsets.UTF_8));
        }
    }

    /** Writes {@code source} as {@code dir/<name>.java} (a class in the default package) and returns the file. */
    static Path write(Path dir, String name, String source) throws IOException {
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source);
        return file;
    }
}

package io.speedkit.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What the user would give {@code java}: options, then a source file, {@code -jar JAR}, {@code -m MODULE}
 * or a main class, then the program's arguments. Parsed only far enough to catch the usual mistakes before
 * a JVM starts — a missing file, a main class not on the class path — and to print them as one line.
 * Anything unusual ({@code @argfiles}, modules) is passed on unchecked: java has the last word.
 */
final class JavaCommand {
    /** java launcher options that take the next argument as their value. */
    private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--upgrade-module-path", "--add-modules", "--limit-modules", "--add-reads", "--add-exports", "--add-opens",
            "--patch-module", "--source", "--enable-native-access", "-d", "--describe-module");

    final List<String> args;

    JavaCommand(List<String> args) {
        this.args = List.copyOf(args);
    }

    /**
     * @throws UserError when there is nothing to run, or the file or main class named cannot be found
     */
    void validate(Map<String, String> env) {
        String classPath = null;
        boolean sourceMode = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("@")) {
                return; // an argument file: java expands it, we do not guess
            }
            if (a.equals("-jar")) {
                if (i + 1 >= args.size()) {
                    throw UserError.usage("-jar needs a jar file");
                }
                Path jar = Path.of(args.get(i + 1));
                if (!Files.isRegularFile(jar)) {
                    throw UserError.input("cannot run '" + jar + "': no such file");
                }
                return;
            }
            if (a.equals("-m") || a.equals("--module") || a.startsWith("--module=")) {
                return;
            }
            if (WITH_VALUE.contains(a)) {
                if (i + 1 >= args.size()) {
                    throw UserError.usage(a + " needs a value");
                }
                if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
                    classPath = args.get(i + 1);
                }
                sourceMode |= a.equals("--source");
                i++;
                continue;
            }
            if (a.startsWith("--class-path=")) {
                classPath = a.substring("--class-path=".length());
                continue;
            }
            if (a.startsWith("--source=")) {
                sourceMode = true;
                continue;
            }
            if (a.startsWith("-")) {
                continue;
            }
            if (a.endsWith(".java") || sourceMode) { // --source N makes any file name a source file
                if (!Files.isRegularFile(Path.of(a))) {
                    throw UserError.input("cannot run '" + a + "': no such file");
                }
                return;
            }
            if (classPath == null) {
                classPath = env.getOrDefault("CLASSPATH", ".");
            }
            if (!findClass(a, classPath)) {
                String shown = classPath.length() <= 200 ? classPath : classPath.substring(0, 200) + "...";
                throw UserError.input("cannot find main class '" + a + "' on the class path '" + shown + "'");
            }
            return;
        }
        throw UserError.usage("nothing to run; give what you would give java, e.g. speedkit profile App.java, "
                + "speedkit profile -jar app.jar or speedkit profile -cp classes com.acme.Main");
    }

    /**
     * True when the class is in a directory or jar of the class path — jars a jar's manifest
     * {@code Class-Path} names included — or when the class path cannot be searched.
     */
    private static boolean findClass(String className, String classPath) {
        String entry = className.replace('.', '/') + ".class";
        Deque<Path> todo = new ArrayDeque<>(entries(classPath));
        Set<Path> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Path p = todo.removeFirst();
            if (!seen.add(p.toAbsolutePath().normalize())) {
                continue;
            }
            if (Files.isDirectory(p)) {
                if (Files.isRegularFile(p.resolve(entry))) {
                    return true;
                }
            } else if (Files.isRegularFile(p)) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    if (jar.getEntry(entry) != null) {
                        return true;
                    }
                    Manifest m = jar.getManifest();
                    String more = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                    if (more != null) {
                        Path base = p.toAbsolutePath().getParent();
                        for (String url : more.trim().split("\\s+")) {
                            try {
                                todo.add(base.resolve(java.net.URLDecoder.decode(url, java.nio.charset.StandardCharsets.UTF_8)));
                            } catch (RuntimeException e) {
                                return true; // a Class-Path entry we cannot read: let java judge
                            }
                        }
                    }
                } catch (IOException e) {
                    return true; // not a jar we can read: let java judge
                }
            }
        }
        return false;
    }

    private static List<Path> entries(String classPath) {
        List<Path> out = new ArrayList<>();
        for (String e : classPath.split(File.pathSeparator, -1)) {
            if (e.isEmpty()) {
                out.add(Path.of("."));
            } else if (e.endsWith("*") && (e.length() == 1 || e.charAt(e.length() - 2) == File.separatorChar)) {
                Path dir = Path.of(e.substring(0, e.length() - 1).isEmpty() ? "." : e.substring(0, e.length() - 1));
                try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.{jar,JAR}")) {
                    for (Path j : jars) {
                        out.add(j);
                    }
                } catch (IOException ignored) {
                    // a missing wildcard directory adds nothing, as for java
                }
            } else {
                out.add(Path.of(e));
            }
        }
        return out;
    }

    /** The command as a shell would show it, for the profile's metadata. */
    String display() {
        StringBuilder sb = new StringBuilder("java");
        for (String a : args) {
            sb.append(' ').append(quote(a));
        }
        return sb.toString();
    }

    static String quote(String a) {
        if (!a.isEmpty() && a.matches("[A-Za-z0-9_./:=@%+,^-]+")) {
            return a;
        }
        return "'" + a.replace("'", "'\\''") + "'";
    }
}

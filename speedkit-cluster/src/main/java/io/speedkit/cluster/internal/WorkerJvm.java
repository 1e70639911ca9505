package io.speedkit.cluster.internal;

import com.hazelcast.core.HazelcastInstance;
import io.speedkit.pool.Pool;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * How a worker JVM is started: this JVM's {@code java}, its class path (plus the jars of speedkit-cluster,
 * speedkit-pool and Hazelcast when a custom class loader hid them), Hazelcast's documented module flags (so
 * JDK 25 prints no warnings), and a class-data-sharing archive.
 *
 * <p>Start-up: a worker JVM loads several thousand Hazelcast classes. Worker 0 runs with the JDK's
 * {@code -XX:+AutoCreateSharedArchive}: when the archive is missing or stale it records the classes it loaded
 * and writes the archive as it exits; every later worker maps it. The JDK writes a new file rather than
 * overwriting the old one in place, so JVMs mapping the old archive are unaffected, and a half-written file is
 * refused by its header check. The archive's name hashes the JDK, the flags and every class-path entry's size
 * and time, so a changed class path gets a new archive. The JDK cannot archive classes from a directory: with a
 * non-empty directory on the class path (an IDE or a test run) the workers start without an archive.
 */
public final class WorkerJvm {
    /** Hazelcast's documented flags for the JDK's module system (see its "Running in Modular Java" page). */
    public static final List<String> HAZELCAST_FLAGS = List.of(
            "--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    private final List<String> jvmOptions;
    private final String classPath;
    private final Path archive;
    private final boolean archiveExists;

    public WorkerJvm(List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classPath = classPath();
        this.archive = archivePath(this.classPath, this.jvmOptions);
        this.archiveExists = archive != null && Files.isRegularFile(archive);
        if (archive != null && !archiveExists) {
            prune(archive.getParent());
        }
    }

    /** Archives kept in the cache folder: a new one (a changed class path) removes the oldest beyond these. */
    static final int ARCHIVES_KEPT = 4;

    /**
     * Removes all but the {@link #ARCHIVES_KEPT} newest worker archives (about 25 MiB each), before a new one is
     * recorded. A JVM that maps a removed archive keeps it until it exits: removing unlinks, it does not truncate.
     */
    private static void prune(Path dir) {
        try (var files = Files.list(dir)) {
            List<Path> archives = new ArrayList<>(files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith("workers-") && n.endsWith(".jsa");
            }).toList());
            archives.sort((a, b) -> Long.compare(modified(b), modified(a)));
            for (Path old : archives.subList(Math.min(archives.size(), ARCHIVES_KEPT - 1), archives.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be tidied is still a cache
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The flags every worker gets, before the user's options. */
    public static List<String> baseFlags() {
        List<String> flags = new ArrayList<>(HAZELCAST_FLAGS);
        if (Runtime.version().feature() >= 24) {
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        // The JVM's own logging off: with Hazelcast's module flags, class-data sharing reports on stderr that it
        // cannot use the JDK's archived module graph; it still shares classes, and the worker's output is the user's.
        flags.add("-Xlog:disable");
        return flags;
    }

    /** Starts worker {@code index}: stdout and stderr are this JVM's, stdin is the lifeline pipe. */
    public Process start(int index) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(baseFlags());
        if (archive != null && (index == 0 || archiveExists)) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
            if (index == 0) {
                cmd.add("-XX:+AutoCreateSharedArchive");
            }
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(WorkerMain.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start();
    }

    /** Tells a started worker where to join (its first line of stdin); the pipe stays open. */
    public static void sendJoin(Process worker, String clusterName, int port, List<String> members) throws IOException {
        OutputStream lifeline = worker.getOutputStream();
        lifeline.write((clusterName + " " + port + " " + String.join(",", members) + "\n").getBytes(StandardCharsets.UTF_8));
        lifeline.flush();
    }

    /** java.class.path plus whatever the workers need that a custom class loader kept out of it. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(e);
            }
        }
        for (Class<?> c : List.of(WorkerMain.class, Pool.class, HazelcastInstance.class)) {
            String own = codeSource(c);
            if (own != null && !containsSame(entries, own)) {
                entries.add(own);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static boolean containsSame(Set<String> entries, String path) {
        Path p = Path.of(path).toAbsolutePath().normalize();
        for (String e : entries) {
            if (Path.of(e).toAbsolutePath().normalize().equals(p)) {
                return true;
            }
        }
        return false;
    }

    private static String codeSource(Class<?> c) {
        try {
            var source = c.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** True if the class path, or the Class-Path of a jar's manifest on it (Surefire's), holds a non-empty directory. */
    private static boolean hasDirectory(String classPath) throws IOException {
        for (String e : classPath.split(File.pathSeparator)) {
            Path p = Path.of(e);
            if (Files.isDirectory(p)) {
                try (var entries = Files.list(p)) {
                    if (entries.findAny().isPresent()) {
                        return true;
                    }
                }
            } else if (Files.isRegularFile(p) && e.endsWith(".jar")) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    Manifest m = jar.getManifest();
                    String cp = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                    if (cp != null) {
                        for (String url : cp.trim().split("\\s+")) {
                            if (url.endsWith("/")) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * {@code ~/.cache/speedkit/workers-<hash>.jsa} (or under XDG_CACHE_HOME); null when there is no such place, or
     * when the class path holds a directory, which the JDK cannot archive classes from.
     */
    private static Path archivePath(String classPath, List<String> options) {
        try {
            if (hasDirectory(classPath)) {
                return null;
            }
            String cache = System.getenv("XDG_CACHE_HOME");
            Path dir = cache != null && !cache.isEmpty() ? Path.of(cache, "speedkit")
                    : Path.of(System.getProperty("user.home"), ".cache", "speedkit");
            Files.createDirectories(dir);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((System.getProperty("java.home") + "\n" + Runtime.version() + "\n" + options + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (String e : classPath.split(File.pathSeparator)) {
                Path p = Path.of(e);
                long size = Files.isRegularFile(p) ? Files.size(p) : -1;
                long time = Files.exists(p) ? Files.getLastModifiedTime(p).toMillis() : -1;
                md.update((e + "|" + size + "|" + time + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return dir.resolve("workers-" + HexFormat.of().formatHex(md.digest(), 0, 12) + ".jsa");
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return null;
        }
    }
}

package io.speedkit.profiler.data;

/**
 * The identity of one profiled function, exactly pstats' key: {@code (filename, lineno, funcname)}.
 *
 * <p>Program methods are keyed by their source path, first line and {@code Class.method} name, for
 * example {@code ("AddNumbers.java", 4, "AddNumbers.addNumbers")}. Functions without Java source — JDK
 * methods timed at their call site — use cProfile's built-in convention: file {@code "~"}, line 0 and a
 * name in angle brackets, {@code ("~", 0, "<method java.lang.String.split>")}, which pstats prints as
 * {@code {method java.lang.String.split}}.
 *
 * <p>The natural order is pstats' tuple order: file, then line, then name.
 */
public record FunctionKey(String file, int line, String name) implements Comparable<FunctionKey> {

    /** The file name cProfile uses for functions that have no source file. */
    public static final String BUILTIN_FILE = "~";

    public FunctionKey {
        if (file == null || name == null) {
            throw new IllegalArgumentException("function key needs a file and a name, got file=" + file + ", name=" + name);
        }
        if (line < 0) {
            throw new IllegalArgumentException("function key line must be >= 0, got " + line + " for " + name);
        }
    }

    /** A function with no Java source (JDK or native), printed in braces: {@code builtin("method java.lang.String.split")}. */
    public static FunctionKey builtin(String description) {
        return new FunctionKey(BUILTIN_FILE, 0, "<" + description + ">");
    }

    /** True for {@link #builtin} keys. */
    public boolean isBuiltin() {
        return BUILTIN_FILE.equals(file) && line == 0;
    }

    /**
     * The name as pstats prints it ({@code func_std_string}): {@code file:line(name)}, or for built-ins
     * the bracketed name in braces.
     */
    public String stdName() {
        if (isBuiltin()) {
            if (name.startsWith("<") && name.endsWith(">")) {
                return "{" + name.substring(1, name.length() - 1) + "}";
            }
            return name;
        }
        return file + ":" + line + "(" + name + ")";
    }

    /** The key with the file reduced to its last path element, as pstats' {@code strip_dirs}. */
    public FunctionKey stripDirs() {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return slash < 0 ? this : new FunctionKey(file.substring(slash + 1), line, name);
    }

    @Override
    public int compareTo(FunctionKey other) {
        int c = file.compareTo(other.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, other.line);
        return c != 0 ? c : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return stdName();
    }
}

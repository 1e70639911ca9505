package io.speedkit.timeit.snippet;

import io.speedkit.timeit.internal.JavaText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code speedkit timeit} is given: Java statements for the setup and for the timed statement,
 * and imports. Multiple {@code -s} and statement arguments are joined with line breaks, as Python joins
 * them; the setup may hold {@code import} declarations of its own.
 *
 * @param setup     the setup's statements, run before each timed run; "" for none
 * @param statement the timed statement(s); a trailing expression without {@code ;} is consumed; "" times
 *                  an empty loop (Python's {@code pass})
 * @param imports   declarations such as {@code import java.util.*;} (see {@link #importDeclaration})
 */
public record Snippet(String setup, String statement, List<String> imports) {
    public Snippet {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(statement, "statement");
        List<String> normalised = new ArrayList<>();
        for (String i : imports) {
            normalised.add(importDeclaration(i));
        }
        imports = List.copyOf(normalised);
    }

    /** A snippet without imports of its own. */
    public Snippet(String setup, String statement) {
        this(setup, statement, List.of());
    }

    /**
     * Python's joining: {@code -s} values and statement arguments, each list joined with line breaks.
     * A value that does not end its statement gets the semicolon a shell user leaves out
     * ({@code -s 'double x = 2'}), except the last statement argument: its bare expression is the
     * value to consume.
     */
    public static Snippet of(List<String> setups, List<String> statements, List<String> imports) {
        List<String> s = new ArrayList<>();
        for (String part : setups) {
            s.add(terminated(part));
        }
        List<String> t = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            t.add(i == statements.size() - 1 ? statements.get(i) : terminated(statements.get(i)));
        }
        return new Snippet(String.join("\n", s), String.join("\n", t), imports);
    }

    private static String terminated(String part) {
        int[] tail = JavaText.of(part).bareTail();
        return tail == null ? part : part.substring(0, tail[1]) + ";" + part.substring(tail[1]);
    }

    /**
     * A {@code --import} value as a declaration: {@code java.util.*}, {@code java.util.List},
     * {@code static java.lang.Math.*} — {@code import} and {@code ;} may be written or left out.
     *
     * @throws IllegalArgumentException if it is not an import
     */
    public static String importDeclaration(String value) {
        String d = JavaText.importDeclaration(value);
        if (d == null) {
            throw new IllegalArgumentException("'" + value + "' is not an import; give a class (java.util.List), a package "
                    + "with .* (java.util.*) or static and a member (static java.lang.Math.*)");
        }
        return d;
    }
}

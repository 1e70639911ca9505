package io.speedkit.timeit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough lexing of Java statements to find their top-level structure before javac sees them:
 * where a statement ends at nesting depth 0 (after a {@code ;} or a {@code }}), skipping comments,
 * string, character and text-block literals. Used to split {@code import} declarations out of the setup
 * and to find a statement's bare trailing expression ({@code Math.sqrt(x)} without a semicolon).
 */
public final class JavaText {
    private static final Pattern IMPORT = Pattern.compile(
            "import\\s+(static\\s+)?([\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
                    + "(?:\\s*\\.\\s*[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*)(\\s*\\.\\s*\\*)?\\s*;");

    private final String text;
    private final boolean[] code;
    private final List<Integer> boundaries = new ArrayList<>();

    private JavaText(String text) {
        this.text = text;
        this.code = new boolean[text.length()];
        scan();
    }

    /** Lexes {@code text}. */
    public static JavaText of(String text) {
        return new JavaText(text);
    }

    /** The offsets just after each top-level {@code ;} or {@code }}: where top-level statements end. */
    public List<Integer> boundaries() {
        return List.copyOf(boundaries);
    }

    /** Whether the character at {@code i} is code (not in a comment or a literal). */
    public boolean isCode(int i) {
        return code[i];
    }

    /**
     * The trailing bare expression, as {@code [start, end)}, or null when the text ends a statement
     * ({@code ;} or {@code }} last) or holds only blanks and comments.
     */
    public int[] bareTail() {
        int last = lastCode(text.length());
        if (last < 0 || (boundaries.contains(last + 1))) {
            return null;
        }
        int start = boundaries.isEmpty() ? 0 : boundaries.get(boundaries.size() - 1);
        start = firstCode(start);
        return new int[] {start, last + 1};
    }

    /**
     * The import declarations at the start of top-level statements, each as {@code [start, end)} of the
     * text and the normalised declaration ({@code import java.util.*;}).
     */
    public List<Import> imports() {
        List<Import> out = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        starts.addAll(boundaries);
        for (int s : starts) {
            int at = firstCode(s);
            if (at >= text.length()) {
                continue;
            }
            Matcher m = IMPORT.matcher(text).region(at, text.length());
            if (m.lookingAt() && allCode(at, m.end())) {
                out.add(new Import(at, m.end(), normalise(m.group(1) != null, m.group(2), m.group(3) != null)));
            }
        }
        return out;
    }

    /**
     * An import declaration found in the text.
     *
     * @param start       where it starts
     * @param end         just after its semicolon
     * @param declaration {@code import [static ]name[.*];} with the blanks normalised
     */
    public record Import(int start, int end, String declaration) {
    }

    /**
     * A {@code --import} value as a declaration: {@code java.util.*}, {@code java.util.List},
     * {@code static java.lang.Math.*}, with or without {@code import} and {@code ;}; null if it is none.
     */
    public static String importDeclaration(String value) {
        String v = value.strip();
        if (!v.startsWith("import ") && !v.startsWith("import\t")) {
            v = "import " + v;
        }
        if (!v.endsWith(";")) {
            v = v + ";";
        }
        Matcher m = IMPORT.matcher(v);
        if (!m.matches()) {
            return null;
        }
        return normalise(m.group(1) != null, m.group(2), m.group(3) != null);
    }

    /** {@code text} with {@code [start, end)} turned into spaces, its line breaks kept. */
    public static String blank(String text, int start, int end) {
        StringBuilder b = new StringBuilder(text);
        for (int i = start; i < end; i++) {
            char c = b.charAt(i);
            if (c != '\n' && c != '\r') {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }

    private static String normalise(boolean isStatic, String name, boolean star) {
        return "import " + (isStatic ? "static " : "") + name.replaceAll("\\s+", "") + (star ? ".*" : "") + ";";
    }

    private boolean allCode(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!code[i] && !Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private int firstCode(int from) {
        int i = from;
        while (i < text.length() && (!code[i] || Character.isWhitespace(text.charAt(i)))) {
            i++;
        }
        return i;
    }

    private int lastCode(int before) {
        int i = before - 1;
        while (i >= 0 && (!code[i] || Character.isWhitespace(text.charAt(i)))) {
            i--;
        }
        return i;
    }

    private void scan() {
        int n = text.length();
        int depth = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (text.startsWith("\"\"\"", i)) {
                i += 3;
                while (i < n && !text.startsWith("\"\"\"", i)) {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(n, i + 3);
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(n, i + 1);
            } else {
                code[i] = true;
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                }
                if (depth == 0 && (c == ';' || c == '}')) {
                    boundaries.add(i + 1);
                }
                i++;
            }
        }
    }
}

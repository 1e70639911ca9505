package io.speedkit.timeit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits one string into words as a POSIX shell does, without expanding anything: {@code --jvm "-Xmx1g
 * -Dgreeting='hello world'"} is one option string holding two JVM options. Blanks separate words; single
 * quotes keep everything literally; double quotes keep everything but a backslash before {@code "},
 * {@code \}, {@code $} or {@code `}; outside quotes a backslash keeps the next character. {@code $VAR},
 * globs and {@code ~} are left as they are — speedkit passes the words to {@code java}, not to a shell.
 */
public final class ShellWords {
    private ShellWords() {
    }

    /**
     * The words of {@code text}; none for a blank string. {@code ''} and {@code ""} are an empty word.
     *
     * @throws IllegalArgumentException for an unclosed quote or a trailing backslash, naming the text
     */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw unclosed(text, "single quote (')");
                }
                word.append(text, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                        word.append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw unclosed(text, "double quote (\")");
                }
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "cannot split '%s' into words: it ends with a backslash; write \\\\ for a backslash", text));
                }
                word.append(text.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return List.copyOf(words);
    }

    /** {@code words} written back as a shell would need them: plain where safe, else single-quoted. */
    public static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(w));
        }
        return sb.toString();
    }

    /** One word as a shell would need it: as it is when it holds only safe characters, else single-quoted. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,^-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static IllegalArgumentException unclosed(String text, String what) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "cannot split '%s' into words: unclosed %s; quote as a shell would, e.g. \"-Dname='two words'\"",
                text, what));
    }
}

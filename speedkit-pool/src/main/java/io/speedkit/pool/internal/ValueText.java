package io.speedkit.pool.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * Renders an item for an error message, Python-{@code repr}-style and safely: a {@code toString} that throws
 * or returns a novel cannot break or flood the message. Strings are quoted with escapes, arrays are shown by
 * content, and long texts are cut at a fixed length with their full length noted.
 */
public final class ValueText {
    /** How many characters of an item an error message shows. */
    public static final int MAX = 80;
    private static final int ELEMENT_MAX = 200;

    private ValueText() {
    }

    /** The item as an error message shows it: repr, cut at {@link #MAX} characters. */
    public static String of(Object value) {
        return safely(value, MAX);
    }

    /** An element of a tuple ({@code Args}): repr, cut at a larger bound; the whole tuple is cut later. */
    public static String element(Object value) {
        return safely(value, ELEMENT_MAX);
    }

    private static String safely(Object value, int max) {
        try {
            return cut(repr(value), max);
        } catch (RuntimeException | StackOverflowError e) {
            return "<" + value.getClass().getName() + ": toString() threw " + e.getClass().getName() + ">";
        }
    }

    private static String repr(Object value) {
        return switch (value) {
            case null -> "null";
            case CharSequence s -> quote(s.toString(), '\'');
            case Character c -> quote(String.valueOf(c), '\'');
            case Object[] a -> Arrays.deepToString(a);
            case int[] a -> Arrays.toString(a);
            case long[] a -> Arrays.toString(a);
            case double[] a -> Arrays.toString(a);
            case float[] a -> Arrays.toString(a);
            case short[] a -> Arrays.toString(a);
            case byte[] a -> Arrays.toString(a);
            case char[] a -> Arrays.toString(a);
            case boolean[] a -> Arrays.toString(a);
            default -> oneLine(String.valueOf(value));
        };
    }

    /** Collapses line breaks so that a message stays on one line. */
    public static String oneLine(String text) {
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static String quote(String s, char q) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), ELEMENT_MAX * 2) + 2).append(q);
        for (int i = 0; i < s.length(); i++) {
            if (b.length() > ELEMENT_MAX * 4) { // enough for any cut; the rest is counted by cut()
                b.append(s, i, s.length());
                break;
            }
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c == q) {
                        b.append('\\').append(c);
                    } else if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append(q).toString();
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}

package io.speedkit.timeit.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny JSON serializer for the bench document, so that speedkit needs no JSON library: maps (in their
 * iteration order), lists, strings, booleans, integers, {@link Num} and null. Objects and lists of objects
 * take one line per member, two spaces of indent; lists of scalars stay on one line. Numbers never go
 * through a locale.
 */
final class JsonWriter {
    private JsonWriter() {
    }

    /** A number already written as a JSON number token. */
    record Num(String token) {
        /** Nanoseconds as seconds, exactly: 1234567 ns is {@code 0.001234567}. */
        static Num seconds(long nanos) {
            return new Num(BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString());
        }

        /** Nanoseconds (a mean) as seconds rounded to the nanosecond, or null for NaN. */
        static Num secondsOrNull(double nanos) {
            if (Double.isNaN(nanos)) {
                return null;
            }
            return seconds(new BigDecimal(nanos).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        }

        /** Seconds of a per-run value that may be NOT_AVAILABLE (null). */
        static Num secondsOrNull(long nanos) {
            return nanos == RunSample.NOT_AVAILABLE ? null : seconds(nanos);
        }

        /** A plain number with at most {@code decimals} decimals, or null for NaN. */
        static Num decimal(double value, int decimals) {
            if (Double.isNaN(value)) {
                return null;
            }
            return new Num(new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString());
        }
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0);
        sb.append('\n');
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(s, sb);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            sb.append(v);
        } else if (v instanceof Num n) {
            sb.append(n.token());
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                indent(sb, depth + 1);
                string((String) e.getKey(), sb);
                sb.append(": ");
                write(e.getValue(), sb, depth + 1);
                sb.append(++i < m.size() ? ",\n" : "\n");
            }
            indent(sb, depth);
            sb.append('}');
        } else if (v instanceof List<?> list) {
            boolean scalars = list.stream().noneMatch(x -> x instanceof Map || x instanceof List);
            if (list.isEmpty() || scalars) {
                sb.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    write(list.get(i), sb, depth);
                }
                sb.append(']');
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                indent(sb, depth + 1);
                write(list.get(i), sb, depth + 1);
                sb.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            indent(sb, depth);
            sb.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth));
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}

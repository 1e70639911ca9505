package io.speedkit.profiler;

import io.speedkit.profiler.data.FunctionKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The functions a report lists after its print restrictions, with the lines that explain the listing
 * and the name column's width: pstats' {@code get_print_list} and {@code eval_print_amount}.
 *
 * @param functions the functions to list, in listing order; empty means the report prints no table
 * @param messages  "Ordered by" (or "Random listing order was used") and one line per restriction that
 *                  reduced the list or was an invalid regular expression, each ending in a newline
 * @param width     the name column width for callers/callees: the longest name (of all functions, or of
 *                  the listed ones when restrictions reduced the list) plus two
 */
record PrintSelection(List<FunctionKey> functions, String messages, int width) {

    /**
     * Applies {@code restrictions} left to right to {@code ordered}, each to the result of the previous:
     * <ul>
     * <li>an Integer or Long n keeps the first n, if {@code 0 <= n < size};</li>
     * <li>a Double or Float f keeps the first {@code (int) (size * f + 0.5)}, if {@code 0.0 <= f < 1.0};</li>
     * <li>a String is a regular expression; functions whose printed name it matches anywhere are kept.
     *     An invalid one is reported and ignored.</li>
     * </ul>
     *
     * @param orderedBy the sort description, or null for an unsorted listing
     * @throws IllegalArgumentException for a null restriction or one of another type
     */
    static PrintSelection select(StatsTable table, List<FunctionKey> ordered, String orderedBy, Object... restrictions) {
        List<FunctionKey> list = ordered;
        StringBuilder messages = new StringBuilder();
        if (orderedBy != null && !ordered.isEmpty()) {
            messages.append("   Ordered by: ").append(orderedBy).append('\n');
        } else {
            messages.append("   Random listing order was used\n");
        }
        for (Object given : restrictions) {
            // A Float is taken as the decimal the user wrote (0.1f means 0.1, not 0.100000001490116).
            Object restriction = given instanceof Float f ? Double.valueOf(f.toString()) : given;
            List<FunctionKey> reduced = apply(restriction, list, messages);
            if (reduced.size() != list.size()) {
                messages.append(String.format(Locale.ROOT, "   List reduced from %d to %d due to restriction <%s>\n",
                        list.size(), reduced.size(), PythonText.repr(restriction)));
            }
            list = reduced;
        }
        int width = table.maxNameLength();
        if (list.size() < table.size()) {
            width = 0;
            for (FunctionKey k : list) {
                width = Math.max(width, PythonText.length(k.stdName()));
            }
        }
        return new PrintSelection(List.copyOf(list), messages.toString(), width + 2);
    }

    private static List<FunctionKey> apply(Object restriction, List<FunctionKey> list, StringBuilder messages) {
        if (restriction instanceof String regex) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                messages.append("   <Invalid regular expression ").append(PythonText.repr(regex)).append(">\n");
                return list;
            }
            List<FunctionKey> kept = new ArrayList<>();
            Matcher m = pattern.matcher("");
            for (FunctionKey k : list) {
                if (m.reset(k.stdName()).find()) {
                    kept.add(k);
                }
            }
            return kept;
        }
        if (restriction instanceof Double fraction) {
            double f = fraction;
            return 0.0 <= f && f < 1.0 ? list.subList(0, (int) (list.size() * f + 0.5)) : list;
        }
        if (restriction instanceof Integer || restriction instanceof Long) {
            long n = ((Number) restriction).longValue();
            return 0 <= n && n < list.size() ? list.subList(0, (int) n) : list;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "unsupported print restriction %s (%s); use an Integer count, a Double fraction in [0, 1) or a String"
                        + " regular expression", restriction, restriction == null ? "null" : restriction.getClass().getName()));
    }
}

package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first cProfile table ({@code print_stats}) in a text, parsed by pstats' fixed columns: ncalls in 9
 * characters, four {@code %8.3f} columns (or 8 spaces), each followed by one space, then the name.
 */
record Report(int start, long totalCalls, long primitiveCalls, String total, String unit, List<String> preamble,
              List<Row> rows) {

    static final String TITLE = "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)";
    /**
     * A row: ncalls, then four columns each either {@code %8.3f} (which grows past 8 characters for large
     * numbers, as in pstats) or 8 spaces (a percall whose denominator is 0), each followed by one space.
     */
    private static final Pattern ROW = Pattern.compile(
            " *(\\S+) ( {8}| *\\d+\\.\\d{3}) ( {8}| *\\d+\\.\\d{3}) ( {8}| *\\d+\\.\\d{3}) ( {8}| *\\d+\\.\\d{3}) (\\S.*)");
    private static final Pattern HEADER = Pattern.compile(
            "(?m)^         (\\d+) function calls (?:\\((\\d+) primitive calls\\) )?in (\\d+\\.\\d{3}) (\\w+)$");

    /** One row; times are the printed text, exactly. */
    record Row(String ncalls, String tottime, String percall, String cumtime, String cumPercall, String name) {
        long calls() {
            int slash = ncalls.indexOf('/');
            return Long.parseLong(slash < 0 ? ncalls : ncalls.substring(0, slash));
        }

        long primitive() {
            int slash = ncalls.indexOf('/');
            return Long.parseLong(slash < 0 ? ncalls : ncalls.substring(slash + 1));
        }
    }

    static Report parse(String text) {
        Matcher m = HEADER.matcher(text);
        if (!m.find()) {
            fail("no cProfile header ('N function calls ... in S unit') in:\n" + Texts.head(text));
        }
        long total = Long.parseLong(m.group(1));
        long primitive = m.group(2) == null ? total : Long.parseLong(m.group(2));
        List<String> lines = Texts.lines(text.substring(m.end() + 1));
        assertEquals("", lines.get(0), "a blank line follows the header");
        List<String> preamble = new ArrayList<>();
        int i = 1;
        while (i < lines.size() && !lines.get(i).isEmpty()) {
            preamble.add(lines.get(i++));
        }
        i++; // blank line
        assertEquals(TITLE, lines.get(i), "column titles");
        List<Row> rows = new ArrayList<>();
        for (i++; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            Matcher row = ROW.matcher(lines.get(i));
            assertTrue(row.matches(), "not a pstats row: '" + lines.get(i) + "'");
            rows.add(new Row(row.group(1), row.group(2).trim(), row.group(3).trim(), row.group(4).trim(),
                    row.group(5).trim(), row.group(6)));
        }
        return new Report(m.start(), total, primitive, m.group(3), m.group(4), preamble, rows);
    }

    /** The one row whose name ends with {@code suffix}. */
    Row row(String suffix) {
        List<Row> found = rows.stream().filter(r -> r.name().endsWith(suffix)).toList();
        if (found.size() != 1) {
            fail(found.size() + " rows end with '" + suffix + "'; rows: " + names());
        }
        return found.get(0);
    }

    boolean hasRow(String suffix) {
        return rows.stream().anyMatch(r -> r.name().endsWith(suffix));
    }

    List<String> names() {
        return rows.stream().map(Row::name).toList();
    }

    /** Name to ncalls text, in listing order. */
    Map<String, String> callsByName() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Row r : rows) {
            out.put(r.name(), r.ncalls());
        }
        return out;
    }
}

package io.speedkit.profiler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The orders a {@link Stats} listing can be sorted by: pstats' {@code SortKey}, with the same names,
 * directions and "Ordered by" texts.
 *
 * <p>Counts and times sort descending (largest first); names, files and lines ascending. Python compares
 * strings by code point, and {@link #STDNAME} compares the printed name as a string, so line 20 sorts
 * before line 3.
 */
public enum SortKey {
    /** {@code calls} / {@code ncalls}: total calls, descending. */
    CALLS("call count", "calls", "ncalls"),
    /** {@code cumulative} / {@code cumtime}: cumulative time, descending. */
    CUMULATIVE("cumulative time", "cumulative", "cumtime"),
    /** {@code filename} / {@code module}: file name, ascending. */
    FILENAME("file name", "filename", "module"),
    /** {@code line}: line number, ascending. */
    LINE("line number", "line"),
    /** {@code name}: function name, ascending. */
    NAME("function name", "name"),
    /** {@code nfl}: function name, then file name, then line number, ascending. */
    NFL("name/file/line", "nfl"),
    /** {@code pcalls}: primitive calls, descending. */
    PCALLS("primitive call count", "pcalls"),
    /** {@code stdname}: the printed name {@code file:line(function)} as a string, ascending. */
    STDNAME("standard name", "stdname"),
    /** {@code time} / {@code tottime}: internal time, descending. */
    TIME("internal time", "time", "tottime");

    /**
     * Every accepted spelling, listed in error messages. pstats (3.7+) spells the file key
     * {@code filename}; {@code file} is the older spelling, still accepted as an abbreviation.
     */
    private static final List<String> VALID_NAMES = List.copyOf(new TreeSet<>(List.of("calls", "cumtime",
            "cumulative", "file", "filename", "line", "module", "name", "ncalls", "nfl", "pcalls", "stdname", "time",
            "tottime")));

    /**
     * Every unique prefix of every key name, built by pstats' {@code get_sort_arg_defs} algorithm over
     * its key table in its order. That algorithm has a quirk worth keeping for compatibility: a prefix
     * shared by two spellings of the same key ({@code cum}, of cumtime and cumulative) is rejected too.
     */
    private static final Map<String, SortKey> ABBREVIATIONS = abbreviations();

    private final String description;
    private final List<String> names;

    SortKey(String description, String... names) {
        this.description = description;
        this.names = List.of(names);
    }

    /** The text pstats prints after "Ordered by:", e.g. {@code cumulative time}. */
    public String description() {
        return description;
    }

    /** The key's full spellings, canonical first: {@code [cumulative, cumtime]}. */
    public List<String> names() {
        return names;
    }

    /** Every accepted full key name, sorted: the list error messages show. */
    public static List<String> validNames() {
        return VALID_NAMES;
    }

    /**
     * The key named by {@code name} or by a unique prefix of a name, as pstats' {@code sort_stats}
     * accepts it: {@code "cumu"} is {@link #CUMULATIVE}, {@code "file"} is {@link #FILENAME}.
     *
     * @throws IllegalArgumentException for an unknown name, or a prefix of several names ({@code c},
     *                                  {@code cum}, {@code n}, {@code t})
     */
    public static SortKey parse(String name) {
        SortKey key = name == null ? null : ABBREVIATIONS.get(name);
        if (key != null) {
            return key;
        }
        String valid = String.join(", ", VALID_NAMES);
        List<String> candidates = candidates(name);
        if (candidates.size() > 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "ambiguous sort key '%s' abbreviates %s; write more of the name; valid keys: %s", name,
                    String.join(", ", candidates), valid));
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown sort key '%s'; valid keys: %s", name, valid));
    }

    /** Compares two listing rows by this key alone, in this key's direction. */
    int compare(StatsTable.Row a, StatsTable.Row b) {
        return switch (this) {
            // Descending: the larger value first. Plain < and > as Python's tuple comparison uses.
            case CALLS -> Long.compare(b.stats().totalCalls(), a.stats().totalCalls());
            case PCALLS -> Long.compare(b.stats().primitiveCalls(), a.stats().primitiveCalls());
            case TIME -> descending(a.stats().tottime(), b.stats().tottime());
            case CUMULATIVE -> descending(a.stats().cumtime(), b.stats().cumtime());
            case FILENAME -> PythonText.compare(a.key().file(), b.key().file());
            case LINE -> Integer.compare(a.key().line(), b.key().line());
            case NAME -> PythonText.compare(a.key().name(), b.key().name());
            case NFL -> {
                int c = PythonText.compare(a.key().name(), b.key().name());
                if (c == 0) {
                    c = PythonText.compare(a.key().file(), b.key().file());
                }
                yield c != 0 ? c : Integer.compare(a.key().line(), b.key().line());
            }
            case STDNAME -> PythonText.compare(a.stdName(), b.stdName());
        };
    }

    /** The comparator for several keys, the later ones breaking ties of the earlier. */
    static Comparator<StatsTable.Row> comparator(List<SortKey> keys) {
        return (a, b) -> {
            for (SortKey key : keys) {
                int c = key.compare(a, b);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    private static int descending(double a, double b) {
        return a > b ? -1 : a < b ? 1 : 0;
    }

    private static List<String> candidates(String prefix) {
        List<String> out = new ArrayList<>();
        if (prefix != null && !prefix.isEmpty()) {
            for (String n : VALID_NAMES) {
                if (n.startsWith(prefix)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static Map<String, SortKey> abbreviations() {
        // pstats' sort_arg_dict_default, in its source order (the order decides which prefixes collide).
        Object[][] table = {{"calls", CALLS}, {"ncalls", CALLS}, {"cumtime", CUMULATIVE}, {"cumulative", CUMULATIVE},
            {"filename", FILENAME}, {"line", LINE}, {"module", FILENAME}, {"name", NAME}, {"nfl", NFL},
            {"pcalls", PCALLS}, {"stdname", STDNAME}, {"time", TIME}, {"tottime", TIME}};
        Map<String, SortKey> map = new LinkedHashMap<>();
        Set<String> ambiguous = new TreeSet<>();
        for (Object[] entry : table) {
            String word = (String) entry[0];
            for (String fragment = word; !fragment.isEmpty(); fragment = fragment.substring(0, fragment.length() - 1)) {
                if (map.containsKey(fragment)) {
                    ambiguous.add(fragment);
                    break;
                }
                map.put(fragment, (SortKey) entry[1]);
            }
        }
        map.keySet().removeAll(ambiguous);
        return Map.copyOf(map);
    }
}

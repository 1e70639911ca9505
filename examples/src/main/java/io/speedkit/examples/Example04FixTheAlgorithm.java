package io.speedkit.examples;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The seed's second step: fix the algorithm — big O first, then the right data structure. Counting the
 * distinct words of a text with a list scans the list for every word (O(n²)); a hash set does it in O(n).
 *
 * <pre>
 * bin/speedkit profile -o list.prof examples/src/main/java/io/speedkit/examples/Example04FixTheAlgorithm.java list
 * bin/speedkit profile -o set.prof  examples/src/main/java/io/speedkit/examples/Example04FixTheAlgorithm.java set
 * bin/speedkit diff list.prof set.prof
 * </pre>
 *
 * The first profile shows the time in {@code {method java.util.List.contains}}, called once per word;
 * the diff shows it gone and what replaced it.
 */
public final class Example04FixTheAlgorithm {
    private Example04FixTheAlgorithm() {
    }

    /** A deterministic text: {@code n} words drawn from a vocabulary of {@code vocabulary} words. */
    static List<String> words(int n, int vocabulary) {
        List<String> words = new ArrayList<>(n);
        long x = 42;
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L; // a linear congruential generator
            words.add("w" + Long.remainderUnsigned(x >>> 17, vocabulary));
        }
        return words;
    }

    /** O(n × distinct): contains() scans the list it is building. */
    static int distinctWithList(List<String> words) {
        List<String> seen = new ArrayList<>();
        for (String w : words) {
            if (!seen.contains(w)) {
                seen.add(w);
            }
        }
        return seen.size();
    }

    /** O(n): a hash set finds a word in constant time. */
    static int distinctWithSet(List<String> words) {
        Set<String> seen = new HashSet<>();
        for (String w : words) {
            seen.add(w);
        }
        return seen.size();
    }

    public static void main(String[] args) {
        String how = args.length > 0 ? args[0] : "list";
        List<String> text = words(50_000, 5_000);
        int distinct = switch (how) {
            case "list" -> distinctWithList(text);
            case "set" -> distinctWithSet(text);
            default -> throw new IllegalArgumentException("give list or set, not " + how);
        };
        System.out.println(distinct + " distinct words of " + text.size() + " (" + how + ")");
    }
}

package io.speedkit.it.targets;

import java.util.ArrayList;
import java.util.List;

/**
 * Calls into the JDK that speedkit does not time by default (boxing, unboxing, Math, the for-each loop's
 * Iterator) next to ones it does (ArrayList.new, List.add, PrintStream.println): 5 of each per loop.
 */
public final class Boxing {
    private Boxing() {
    }

    public static void main(String[] args) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            list.add(i);
        }
        int sum = 0;
        for (int x : list) {
            sum += Math.max(x, 2);
        }
        System.out.println(sum);
    }
}

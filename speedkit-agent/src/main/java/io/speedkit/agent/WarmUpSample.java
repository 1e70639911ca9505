package io.speedkit.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * Never run: premain instruments this class's bytes once so that every ASM class the instrumenter uses
 * (analysis of a constructor, handlers, switches, JDK call sites) is loaded before the first real class.
 */
final class WarmUpSample {
    private final List<String> items;

    WarmUpSample(int n) {
        this(n < 0 ? new ArrayList<>() : new ArrayList<>(n));
    }

    private WarmUpSample(List<String> items) {
        this.items = items;
    }

    int work(String s) {
        try {
            switch (s.length()) {
                case 0:
                    return 0;
                case 1:
                    return items.size();
                default:
                    return Integer.parseInt(s);
            }
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    long lookup(int k) {
        switch (k) {
            case 10:
                return 1L;
            case 2000:
                return 2L;
            default:
                return k;
        }
    }
}

package io.speedkit.it.targets;

import io.speedkit.profiler.FunctionStats;
import io.speedkit.profiler.Profile;
import io.speedkit.profiler.data.FunctionKey;
import java.util.Map;

/**
 * The in-process API: {@code enable} says whether recording can start; {@code accumulate} records three
 * sessions into one profile (work: 3 × 10 calls recorded, the calls between sessions not) and tries to enable
 * a second profile while one records.
 */
public final class ApiUse {
    private ApiUse() {
    }

    static int work(int n) {
        return n + 1;
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("enable")) {
            try {
                new Profile().enable().disable();
                System.out.println("enabled");
            } catch (IllegalStateException e) {
                System.out.println("refused: " + e.getMessage());
            }
            return;
        }
        Profile p = new Profile();
        for (int round = 0; round < 3; round++) {
            p.enable();
            for (int i = 0; i < 10; i++) {
                work(i);
            }
            p.disable();
            work(-1);
        }
        int answer = p.runcall(() -> work(41));
        System.out.println("runcall " + answer);
        for (Map.Entry<FunctionKey, FunctionStats> e : p.stats().functions().entrySet()) {
            System.out.println(e.getKey().name() + " " + e.getValue().callsText());
        }
        Profile q = new Profile().enable();
        try {
            new Profile().enable();
            System.out.println("second enabled");
        } catch (IllegalStateException e) {
            System.out.println("second refused: " + e.getMessage());
        } finally {
            q.disable();
        }
    }
}

package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The JDK calling back into the program. */
public final class Callbacks {
    static int compares;

    private Callbacks() {
    }

    public static int sortDescending() {            // calls=1
        compares = 0;
        List<Integer> list = new ArrayList<>(List.of(3, 1, 2));
        list.sort((a, b) -> {                       // calls=4: TimSort on [3, 1, 2], worked out in CallbacksTest
            compares++;
            Ticks.advance(1);
            return b - a;
        });
        return compares;
    }

    public static List<Integer> doubled() {         // calls=1
        return Stream.of(1, 2, 3).map(x -> {        // lambda calls=3, under Stream.toList (streams are lazy)
            Ticks.advance(1);
            return x * 2;
        }).toList();
    }
}

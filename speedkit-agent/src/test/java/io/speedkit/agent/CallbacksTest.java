package io.speedkit.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Target: {@code targets/Callbacks.java}: the JDK calling back into the program. */
class CallbacksTest {
    private final InstrumentingLoader loader = new InstrumentingLoader();

    @Test
    void listSort_programComparator_isRecordedUnderTheJdkCall() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Callbacks", "sortDescending"));

        // TimSort on [3, 1, 2] (binary insertion sort below 32 elements) with b - a:
        // countRunAndMakeAscending compares (1, 3) and (2, 1): a run of 2; binarySort inserts 2 with 2 compares.
        assertEquals(4, r.result());
        assertEquals("""
                Callbacks.sortDescending count=1 total=4
                  {built-in method java.util.List.of} count=1 total=0
                  {method java.util.ArrayList.new} count=1 total=0
                  {method java.util.List.sort} count=1 total=4
                    Callbacks.sortDescending.lambda$0 count=4 total=4
                """, r.tree());
    }

    @Test
    void streamMap_lambdaRunsUnderTheTerminalOperation() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Callbacks", "doubled"));

        assertEquals(List.of(2, 4, 6), r.result());
        assertEquals("""
                Callbacks.doubled count=1 total=3
                  {built-in method java.util.stream.Stream.of} count=1 total=0
                  {method java.util.stream.Stream.map} count=1 total=0
                  {method java.util.stream.Stream.toList} count=1 total=3
                    Callbacks.doubled.lambda$0 count=3 total=3
                """, r.tree());
    }
}

package io.speedkit.timeit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The FULL mode in this JVM (started without the options); the compiler mode is tested in SnippetForkTest. */
class BlackholeTest {
    @Test
    void withoutTheJvmOptions_theModeIsFull() {
        assertEquals(Blackhole.Mode.FULL, Blackhole.mode());
    }

    @Test
    void consume_neverFails() {
        assertDoesNotThrow(() -> {
            for (int i = 0; i < 100_000; i++) {
                Blackhole.consume(i % 2 == 0);
                Blackhole.consume((byte) i);
                Blackhole.consume((char) i);
                Blackhole.consume((short) i);
                Blackhole.consume(i);
                Blackhole.consume((long) i);
                Blackhole.consume((float) i);
                Blackhole.consume((double) i);
                Blackhole.consume(Integer.valueOf(i));
                Blackhole.consume((Object) null);
            }
        });
    }

    @Test
    void jvmOptions_areTheOnesTheForkPasses() {
        assertTrue(Blackhole.JVM_OPTIONS.contains("-XX:CompileCommand=quiet"));
        assertTrue(Blackhole.JVM_OPTIONS.contains("-XX:CompileCommand=blackhole,io/speedkit/timeit/Blackhole.consumeCompiler"));
        assertTrue(Blackhole.JVM_OPTIONS.contains("-Dspeedkit.timeit.blackhole=compiler"));
    }
}

package io.speedkit.pool.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChunkSizerTest {
    private static final int BIG_BUFFER = 1 << 30;

    @Test
    void explicit_isUsedAsIs() {
        ChunkSizer s = ChunkSizer.of(7, 1000, 4, BIG_BUFFER, 0);
        assertEquals(7, s.next());
        s.record(7, 1);
        assertEquals(7, s.next());
    }

    @Test
    void automatic_startsWithOneItemUntilSomethingWasTimed() {
        ChunkSizer s = ChunkSizer.of(0, -1, 4, BIG_BUFFER, 0);
        assertEquals(1, s.next());
        assertEquals(1, s.next());
    }

    @Test
    void automatic_sizesChunksToAboutOneMillisecond() {
        ChunkSizer s = ChunkSizer.of(0, -1, 4, BIG_BUFFER, 0);
        s.record(1, 100_000); // 100 µs per item
        assertEquals(10, s.next());
        s.record(10, 500_000); // then 50 µs: the ten items outweigh the one
        assertEquals(20, s.next()); // (50 + 500) µs / (0.5 + 10) items = 52.4 µs per item
        ChunkSizer slow = ChunkSizer.of(0, -1, 4, BIG_BUFFER, 0);
        slow.record(1, 20_000_000); // 20 ms per item: alone
        assertEquals(1, slow.next());
    }

    @Test
    void automatic_growsAtMostSixteenfoldPerTimedSize() {
        ChunkSizer s = ChunkSizer.of(0, -1, 4, BIG_BUFFER, 0);
        s.record(1, 10); // 10 ns per item would ask for 100,000
        assertEquals(16, s.next());
        s.record(16, 160);
        assertEquals(256, s.next());
    }

    @Test
    void automatic_forgetsAColdStartWithinAFewChunks() {
        ChunkSizer s = ChunkSizer.of(0, -1, 4, BIG_BUFFER, 0);
        s.record(1, 2_000_000); // the first call: class loading, interpreter
        assertEquals(1, s.next());
        int size = 1;
        for (int i = 0; i < 8; i++) {
            s.record(size, size * 1_000L); // really 1 µs per item
            size = s.next();
        }
        assertTrue(size >= 950 && size <= 1000, "after eight chunks: " + size);
    }

    @Test
    void automatic_neverExceedsPythonsShareOfAKnownLength() {
        ChunkSizer s = ChunkSizer.of(0, 1000, 4, BIG_BUFFER, 0); // ceil(1000 / 16) = 63
        s.record(1, 1);
        s.record(100, 1);
        assertEquals(63, s.next());
        assertEquals(63, s.cap());
    }

    @Test
    void automatic_chunksShrinkNearTheEndOfAKnownLength() {
        ChunkSizer s = ChunkSizer.of(0, 1000, 2, BIG_BUFFER, 0); // Python's share: ceil(1000 / 8) = 125
        s.record(1, 1);
        s.record(100, 1); // tiny items: the share is the limit
        assertEquals(125, s.next(0));
        assertEquals(125, s.next(500)); // ceil(500 / 4) = 125: half-way, no tighter than Python's share
        assertEquals(25, s.next(900));  // ceil(100 / 4)
        assertEquals(1, s.next(997));   // ceil(3 / 4)
        // a simulated map: sizes never grow, and the last chunk holds one item
        long taken = 0;
        int last = Integer.MAX_VALUE;
        while (taken < 1000) {
            int k = (int) Math.min(s.next(taken), 1000 - taken);
            assertTrue(k <= last, "a chunk of " + k + " after one of " + last);
            last = k;
            taken += k;
        }
        assertEquals(1, last);
        // past a total that was only a hint, the rest is unknown: Python's share again
        assertEquals(125, s.next(1200));
    }

    @Test
    void automatic_leavesRoomForTwoChunksPerWorkerInTheBuffer() {
        ChunkSizer s = ChunkSizer.of(0, -1, 4, 800, 0);
        assertEquals(100, s.cap());
    }

    @Test
    void expensiveDispatch_raisesTheTarget() {
        ChunkSizer s = ChunkSizer.of(0, -1, 4, BIG_BUFFER, 1_000_000); // 1 ms per chunk: aim at 64 ms
        s.record(1, 1_000_000);
        assertEquals(16, s.next()); // 64 wanted, growth limit 16
        s.record(16, 16_000_000);
        assertEquals(64, s.next());
    }
}

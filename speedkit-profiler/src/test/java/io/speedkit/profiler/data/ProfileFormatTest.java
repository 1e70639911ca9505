package io.speedkit.profiler.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileFormatTest {

    /** Two threads (one a group of virtual threads), a builtin, a non-ASCII name, metadata. */
    static ProfileData sample() {
        List<FunctionKey> functions = List.of(new FunctionKey("com/acme/Main.java", 10, "Main.main"),
                new FunctionKey("com/acme/Main.java", 3, "Main.fib"), FunctionKey.builtin("method java.lang.String.split"),
                new FunctionKey("Ünïcødé.java", 0, "Ünïcødé.λ"));
        CallTree.Builder b = new CallTree.Builder();
        int main = b.child(-1, 0);
        b.add(main, 1, 1_000);
        int fib = b.child(main, 1);
        b.add(fib, 3, 600);
        b.add(b.child(fib, 1), 2, 300);
        b.add(b.child(main, 2), 5, 50);
        CallTree virtual = CallTree.of(new int[] {-1}, new int[] {3}, new long[] {Long.MAX_VALUE / 2}, new long[] {0});
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Metadata.COMMAND, "java -cp classes com.acme.Main 'a b'");
        meta.put(Metadata.WALL_NANOS, "123456789");
        meta.put("a key, with = odd characters", "and a value\nover two lines");
        return new ProfileData(functions,
                List.of(ThreadProfile.of("main", 1, false, b.build()), new ThreadProfile("virtual threads", -1, true, 10_000, virtual)),
                1e-9, Metadata.of(meta));
    }

    static byte[] bytes(ProfileData data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProfileWriter.write(data, out);
        return out.toByteArray();
    }

    static ProfileData read(byte[] bytes) throws IOException {
        return ProfileReader.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void write_thenRead_givesEqualProfile() throws IOException {
        ProfileData data = sample();
        ProfileData back = read(bytes(data));
        assertEquals(data, back);
        assertEquals(List.copyOf(data.metadata().asMap().keySet()), List.copyOf(back.metadata().asMap().keySet()),
                "metadata keeps its order");
        assertEquals(-1, back.threads().get(1).id());
        assertEquals(10_000, back.threads().get(1).threads());
    }

    @Test
    void header_isPinned() throws IOException {
        byte[] b = bytes(sample());
        // "\x89SPKPROF", format version 1 (u16, big-endian), then the metadata block's tag.
        assertArrayEquals(new byte[] {(byte) 0x89, 'S', 'P', 'K', 'P', 'R', 'O', 'F', 0, 1, 'M'}, Arrays.copyOf(b, 11));
        assertEquals(1, ProfileFormat.VERSION, "a new version needs a new pinned header and a reader for the old one");
    }

    @Test
    void read_everyTruncation_isRefusedAsTruncated() throws IOException {
        byte[] b = bytes(sample());
        for (int n = 1; n < b.length; n++) {
            byte[] cut = Arrays.copyOf(b, n);
            ProfileFormatException e = assertThrows(ProfileFormatException.class, () -> read(cut), "length " + n);
            assertTrue(e.getMessage().startsWith("truncated"), n + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
    }

    @Test
    void read_everySingleByteCorruption_isRefused() throws IOException {
        byte[] b = bytes(sample());
        for (int i = 0; i < b.length; i++) {
            byte[] bad = b.clone();
            bad[i] ^= 0x01;
            try {
                ProfileData d = read(bad);
                fail("byte " + i + " flipped, read as " + d);
            } catch (ProfileFormatException e) {
                assertFalse(e.getMessage().isEmpty());
                assertFalse(e.getMessage().contains("\n"), "one line");
            }
        }
    }

    @Test
    void read_emptyFile() {
        ProfileFormatException e = assertThrows(ProfileFormatException.class, () -> read(new byte[0]));
        assertEquals("empty file; not a speedkit profile", e.getMessage());
    }

    @Test
    void read_newerVersion_namesBothVersions() throws IOException {
        byte[] b = bytes(sample());
        b[9] = 7;
        ProfileFormatException e = assertThrows(ProfileFormatException.class, () -> read(b));
        assertEquals("profile format version 7 is newer than this speedkit reads (version 1); read it with a newer speedkit",
                e.getMessage());
    }

    @Test
    void read_pstatsFile_isRecognised() {
        byte[] marshal = {'{', (byte) 0xDA, 3, 'a', 'b', 'c', '0'};
        ProfileFormatException e = assertThrows(ProfileFormatException.class, () -> read(marshal));
        assertEquals("this looks like a Python pstats file, not a speedkit profile", e.getMessage());
        assertThrows(ProfileFormatException.class, () -> read("hello, world\n".getBytes()));
    }

    @Test
    void read_trailingData_isRefused() throws IOException {
        byte[] b = bytes(sample());
        byte[] longer = Arrays.copyOf(b, b.length + 1);
        ProfileFormatException e = assertThrows(ProfileFormatException.class, () -> read(longer));
        assertTrue(e.getMessage().startsWith("corrupt: data after the end block"), e.getMessage());
    }

    @Test
    void callTree_rejectsParentsAfterChildren() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CallTree.of(new int[] {1, -1}, new int[] {0, 0}, new long[] {1, 1}, new long[] {1, 1}));
        assertEquals("call tree node 0 has parent 1; a parent must be -1 or a smaller node number", e.getMessage());
    }

    @Test
    void callTree_selfTimes_areTotalsMinusChildren() {
        CallTree t = CallTree.of(new int[] {-1, 0, 0, 1}, new int[] {0, 1, 2, 3}, new long[] {1, 1, 1, 1},
                new long[] {100, 60, 30, 50});
        assertArrayEquals(new long[] {10, 10, 30, 50}, t.selfTimes());
        assertEquals(100, t.rootTotal());
    }
}

package io.speedkit.timeit.snippet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.speedkit.timeit.Autorange;
import io.speedkit.timeit.Warmup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolTest {
    private static byte[] bytes(IoWriter w) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        w.write(new DataOutputStream(b));
        return b.toByteArray();
    }

    private interface IoWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private static DataInputStream in(byte[] b) {
        return new DataInputStream(new ByteArrayInputStream(b));
    }

    @Test
    void request_roundTripsAndStartsWithMagicAndVersion() throws Exception {
        CompiledSnippet c = new SnippetCompiler().compile(new Snippet("double x = 2;", "Math.sqrt(x)"));
        RunOptions o = new RunOptions(0, 5, 50_000_000, Warmup.DEFAULT, true, false);
        byte[] b = bytes(out -> Protocol.writeRequest(out, c, o));
        assertArrayEquals(new byte[] {'S', 'K', 'T', 'Q', 0, 0, 0, 1}, Arrays.copyOf(b, 8));
        Protocol.Request r = Protocol.readRequest(in(b));
        assertEquals(c.className(), r.className());
        assertArrayEquals(c.classes().get(c.className()), r.classes().get(c.className()));
        assertEquals(o, r.options());
    }

    @Test
    void responses_roundTrip() throws Exception {
        Measurement m = new Measurement(new Warmup.Result(true, 500_000, 39, 31_600_000, 2.27),
                List.of(new Autorange(500_000, 0.00115), new Autorange(1_000_000, 0.0024)), 1_000_000, List.of(0.0024, 0.0023));
        byte[] b = bytes(out -> Protocol.writeMeasurement(out, m));
        assertArrayEquals(new byte[] {'S', 'K', 'T', 'R', 0, 0, 0, 1, 1}, Arrays.copyOf(b, 9));
        assertEquals(m, Protocol.readResponse(in(b)));
        SnippetFailure f = new SnippetFailure(List.of(new SnippetFailure.Thrown("java.lang.Error: é".repeat(10_000),
                List.of(new SnippetFailure.Frame("$Snippet.$stmt($Snippet.java:14)", 14)))));
        assertEquals(f, Protocol.readResponse(in(bytes(out -> Protocol.writeFailure(out, f)))));
    }

    @Test
    void readers_areStrict() throws Exception {
        byte[] wrongMagic = {'S', 'K', 'T', 'X', 0, 0, 0, 1};
        assertEquals("not a speedkit timeit response: magic 0x534B5458, expected 0x534B5452",
                assertThrows(IOException.class, () -> Protocol.readResponse(in(wrongMagic))).getMessage());
        byte[] newer = {'S', 'K', 'T', 'Q', 0, 0, 0, 2};
        assertEquals("speedkit timeit request format version 2, but this speedkit reads version 1; are two speedkit "
                + "versions mixed?", assertThrows(IOException.class, () -> Protocol.readRequest(in(newer))).getMessage());
    }
}

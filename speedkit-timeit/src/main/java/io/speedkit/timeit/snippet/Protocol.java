package io.speedkit.timeit.snippet;

import io.speedkit.timeit.Autorange;
import io.speedkit.timeit.Warmup;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bytes between speedkit and the JVM it forks to time a snippet: a request on the child's standard
 * input (the class files and the options), a response in a file (a {@link Measurement} or a
 * {@link SnippetFailure}). The child's standard output and error stay the snippet's own.
 *
 * <p>Both start with a magic number and a format version and are read strictly: a mismatch names both
 * (a speedkit.jar replaced while a parent still runs an older one).
 */
final class Protocol {
    static final int REQUEST_MAGIC = 0x534B5451; // "SKTQ"
    static final int RESPONSE_MAGIC = 0x534B5452; // "SKTR"
    static final int VERSION = 1;
    private static final byte MEASURED = 1;
    private static final byte FAILED = 2;

    private Protocol() {
    }

    /** What the child is asked to do. */
    record Request(String className, Map<String, byte[]> classes, RunOptions options) {
    }

    static void writeRequest(DataOutputStream out, CompiledSnippet snippet, RunOptions o) throws IOException {
        out.writeInt(REQUEST_MAGIC);
        out.writeInt(VERSION);
        writeString(out, snippet.className());
        Map<String, byte[]> classes = snippet.classes();
        out.writeInt(classes.size());
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            writeString(out, e.getKey());
            out.writeInt(e.getValue().length);
            out.write(e.getValue());
        }
        out.writeLong(o.number());
        out.writeInt(o.repeat());
        out.writeLong(o.targetNanos());
        Warmup w = o.warmup();
        out.writeLong(w.batchNanos());
        out.writeDouble(w.tolerance());
        out.writeInt(w.stableBatches());
        out.writeLong(w.stableNanos());
        out.writeLong(w.budgetNanos());
        out.writeBoolean(o.cpuTime());
        out.writeBoolean(o.gcBeforeEachRepeat());
        out.flush();
    }

    static Request readRequest(DataInputStream in) throws IOException {
        header(in, REQUEST_MAGIC, "request");
        String className = readString(in);
        int n = count(in, "classes");
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = readString(in);
            byte[] bytes = new byte[count(in, "class file bytes")];
            in.readFully(bytes);
            classes.put(name, bytes);
        }
        long number = in.readLong();
        int repeat = in.readInt();
        long target = in.readLong();
        Warmup w = new Warmup(in.readLong(), in.readDouble(), in.readInt(), in.readLong(), in.readLong());
        boolean cpu = in.readBoolean();
        boolean gc = in.readBoolean();
        return new Request(className, classes, new RunOptions(number, repeat, target, w, cpu, gc));
    }

    static void writeMeasurement(DataOutputStream out, Measurement m) throws IOException {
        out.writeInt(RESPONSE_MAGIC);
        out.writeInt(VERSION);
        out.writeByte(MEASURED);
        Warmup.Result w = m.warmup();
        out.writeBoolean(w.settled());
        out.writeLong(w.number());
        out.writeInt(w.batches());
        out.writeLong(w.elapsedNanos());
        out.writeDouble(w.nanosPerLoop());
        out.writeInt(m.trials().size());
        for (Autorange t : m.trials()) {
            out.writeLong(t.number());
            out.writeDouble(t.seconds());
        }
        out.writeLong(m.number());
        out.writeInt(m.raw().size());
        for (double r : m.raw()) {
            out.writeDouble(r);
        }
        out.flush();
    }

    static void writeFailure(DataOutputStream out, SnippetFailure f) throws IOException {
        out.writeInt(RESPONSE_MAGIC);
        out.writeInt(VERSION);
        out.writeByte(FAILED);
        out.writeInt(f.chain().size());
        for (SnippetFailure.Thrown t : f.chain()) {
            writeString(out, t.description());
            out.writeInt(t.frames().size());
            for (SnippetFailure.Frame fr : t.frames()) {
                writeString(out, fr.text());
                out.writeInt(fr.line());
            }
        }
        out.flush();
    }

    /** A {@link Measurement} or a {@link SnippetFailure}. */
    static Object readResponse(DataInputStream in) throws IOException {
        header(in, RESPONSE_MAGIC, "response");
        byte kind = in.readByte();
        if (kind == MEASURED) {
            Warmup.Result w = new Warmup.Result(in.readBoolean(), in.readLong(), in.readInt(), in.readLong(), in.readDouble());
            int n = count(in, "trials");
            List<Autorange> trials = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                trials.add(new Autorange(in.readLong(), in.readDouble()));
            }
            long number = in.readLong();
            int r = count(in, "repeats");
            List<Double> raw = new ArrayList<>();
            for (int i = 0; i < r; i++) {
                raw.add(in.readDouble());
            }
            return new Measurement(w, trials, number, raw);
        }
        if (kind == FAILED) {
            int n = count(in, "exceptions");
            List<SnippetFailure.Thrown> chain = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String description = readString(in);
                int f = count(in, "frames");
                List<SnippetFailure.Frame> frames = new ArrayList<>();
                for (int j = 0; j < f; j++) {
                    frames.add(new SnippetFailure.Frame(readString(in), in.readInt()));
                }
                chain.add(new SnippetFailure.Thrown(description, frames));
            }
            return new SnippetFailure(chain);
        }
        throw new IOException("unknown response kind " + kind + "; expected " + MEASURED + " (measured) or " + FAILED + " (failed)");
    }

    private static void header(DataInputStream in, int magic, String what) throws IOException {
        int m = in.readInt();
        if (m != magic) {
            throw new IOException(String.format(Locale.ROOT, "not a speedkit timeit %s: magic 0x%08X, expected 0x%08X", what, m, magic));
        }
        int v = in.readInt();
        if (v != VERSION) {
            throw new IOException("speedkit timeit " + what + " format version " + v + ", but this speedkit reads version "
                    + VERSION + "; are two speedkit versions mixed?");
        }
    }

    private static int count(DataInputStream in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative count of " + what + ": " + n);
        }
        return n;
    }

    // writeUTF stops at 64 KB; an exception message may be longer
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in, "string bytes")];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}

package io.speedkit.profiler.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;

/** Writes a {@link ProfileData} in the saved-profile format ({@link ProfileFormat}). */
public final class ProfileWriter {

    private ProfileWriter() {
    }

    /** Writes {@code data} to {@code out} (not closed). */
    public static void write(ProfileData data, OutputStream out) throws IOException {
        out.write(ProfileFormat.MAGIC);
        out.write(ProfileFormat.VERSION >>> 8);
        out.write(ProfileFormat.VERSION & 0xFF);

        Block b = new Block();
        b.f64(data.secondsPerTick());
        Map<String, String> meta = data.metadata().asMap();
        b.varint(meta.size());
        for (Map.Entry<String, String> e : meta.entrySet()) {
            b.str(e.getKey());
            b.str(e.getValue());
        }
        b.writeTo(ProfileFormat.TAG_METADATA, out);

        b.varint(data.functions().size());
        for (FunctionKey f : data.functions()) {
            b.str(f.file());
            b.varint(f.line());
            b.str(f.name());
        }
        b.writeTo(ProfileFormat.TAG_FUNCTIONS, out);

        for (ThreadProfile t : data.threads()) {
            b.str(t.name());
            b.varlong((t.id() << 1) ^ (t.id() >> 63));
            b.u8(t.virtual() ? 1 : 0);
            b.varlong(t.threads());
            CallTree tree = t.tree();
            b.varint(tree.size());
            for (int i = 0; i < tree.size(); i++) {
                b.varint(tree.parent(i) + 1);
                b.varint(tree.function(i));
                b.varlong(tree.count(i));
                b.varlong(tree.total(i));
            }
            b.writeTo(ProfileFormat.TAG_THREAD, out);
        }
        b.writeTo(ProfileFormat.TAG_END, out);
        out.flush();
    }

    /** A growable payload buffer; {@link #writeTo} frames it as a block and empties it for reuse. */
    private static final class Block {
        private byte[] buf = new byte[1024];
        private int len;

        private void ensure(int extra) {
            if (len + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
            }
        }

        void u8(int v) {
            ensure(1);
            buf[len++] = (byte) v;
        }

        void varint(int v) {
            varlong(v & 0xFFFFFFFFL);
        }

        void varlong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[len++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        void f64(double d) {
            long bits = Double.doubleToLongBits(d);
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[len++] = (byte) (bits >>> shift);
            }
        }

        void str(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            varint(bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, len, bytes.length);
            len += bytes.length;
        }

        void writeTo(int tag, OutputStream out) throws IOException {
            byte[] head = {(byte) tag, (byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len};
            CRC32 crc = new CRC32();
            crc.update(head, 0, head.length);
            crc.update(buf, 0, len);
            long c = crc.getValue();
            out.write(head);
            out.write(buf, 0, len);
            out.write(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
            len = 0;
        }
    }
}

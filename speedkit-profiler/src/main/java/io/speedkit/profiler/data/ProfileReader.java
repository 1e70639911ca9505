package io.speedkit.profiler.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads a saved profile ({@link ProfileFormat}), strictly: anything that is not exactly a well-formed
 * profile of a version this reader knows is refused with a one-line {@link ProfileFormatException} that
 * says what is wrong and where.
 */
public final class ProfileReader {

    private final InputStream in;
    private long offset;

    private ProfileReader(InputStream in) {
        this.in = in;
    }

    /** Reads one whole profile from {@code in} (not closed) and checks that nothing follows it. */
    public static ProfileData read(InputStream in) throws IOException {
        return new ProfileReader(in).readProfile();
    }

    private ProfileData readProfile() throws IOException {
        byte[] magic = in.readNBytes(ProfileFormat.MAGIC.length + 2);
        offset = magic.length;
        if (magic.length == 0) {
            throw new ProfileFormatException("empty file; not a speedkit profile");
        }
        for (int i = 0; i < ProfileFormat.MAGIC.length; i++) {
            if (i >= magic.length || magic[i] != ProfileFormat.MAGIC[i]) {
                if (magic[0] == '{' || magic[0] == (byte) 0xFB) {
                    throw new ProfileFormatException("this looks like a Python pstats file, not a speedkit profile");
                }
                if (i >= magic.length) {
                    throw new ProfileFormatException("truncated: " + magic.length + " bytes, too short for a speedkit profile header");
                }
                throw new ProfileFormatException("not a speedkit profile (the file does not start with the profile signature)");
            }
        }
        if (magic.length < ProfileFormat.MAGIC.length + 2) {
            throw new ProfileFormatException("truncated: the header ends before the format version");
        }
        int version = ((magic[8] & 0xFF) << 8) | (magic[9] & 0xFF);
        if (version > ProfileFormat.VERSION) {
            throw new ProfileFormatException("profile format version " + version + " is newer than this speedkit reads (version "
                    + ProfileFormat.VERSION + "); read it with a newer speedkit");
        }
        if (version < 1) {
            throw new ProfileFormatException("invalid profile format version " + version);
        }

        Payload meta = expect(ProfileFormat.TAG_METADATA);
        double secondsPerTick = meta.f64();
        int metaCount = meta.count(2);
        LinkedHashMap<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < metaCount; i++) {
            entries.put(meta.str(), meta.str());
        }
        meta.done();
        if (!(secondsPerTick > 0) || Double.isInfinite(secondsPerTick)) {
            throw new ProfileFormatException("corrupt metadata: clock tick of " + secondsPerTick + " seconds");
        }

        Payload fn = expect(ProfileFormat.TAG_FUNCTIONS);
        int fnCount = fn.count(3);
        List<FunctionKey> functions = new ArrayList<>(fnCount);
        // Functions of one class share their file name: one String for all of them saves memory, and
        // comparisons of equal file names end at the first reference check.
        java.util.HashMap<String, String> files = new java.util.HashMap<>();
        for (int i = 0; i < fnCount; i++) {
            String file = fn.str();
            String shared = files.putIfAbsent(file, file);
            file = shared != null ? shared : file;
            int line = fn.varint();
            String name = fn.str();
            if (line < 0) {
                throw fn.corrupt("function " + i + " has line " + line);
            }
            functions.add(new FunctionKey(file, line, name));
        }
        fn.done();

        List<ThreadProfile> threads = new ArrayList<>();
        while (true) {
            long at = offset;
            Payload p = block();
            if (p.tag == ProfileFormat.TAG_END) {
                p.done();
                break;
            }
            if (p.tag != ProfileFormat.TAG_THREAD) {
                throw new ProfileFormatException("corrupt: unexpected " + ProfileFormat.tagName(p.tag) + " block at byte " + at);
            }
            threads.add(readThread(p, fnCount));
        }
        if (in.read() != -1) {
            throw new ProfileFormatException("corrupt: data after the end block at byte " + offset);
        }
        return new ProfileData(functions, threads, secondsPerTick, Metadata.of(entries));
    }

    private ThreadProfile readThread(Payload p, int fnCount) throws ProfileFormatException {
        String name = p.str();
        long zig = p.varlong();
        long id = (zig >>> 1) ^ -(zig & 1);
        int flags = p.u8();
        long threadCount = p.varlong();
        int n = p.count(4);
        int[] parents = new int[n];
        int[] functions = new int[n];
        long[] counts = new long[n];
        long[] totals = new long[n];
        for (int i = 0; i < n; i++) {
            int parent = p.varint() - 1;
            int function = p.varint();
            if (parent < -1 || parent >= i) {
                throw p.corrupt("thread '" + name + "' node " + i + " has parent " + parent);
            }
            if (function < 0 || function >= fnCount) {
                throw p.corrupt("thread '" + name + "' node " + i + " names function " + function + " of " + fnCount);
            }
            parents[i] = parent;
            functions[i] = function;
            counts[i] = p.varlong();
            totals[i] = p.varlong();
            if (counts[i] < 0 || totals[i] < 0) {
                throw p.corrupt("thread '" + name + "' node " + i + " has a negative count or time");
            }
        }
        p.done();
        if (threadCount < 1) {
            throw p.corrupt("thread '" + name + "' holds " + threadCount + " threads");
        }
        return new ThreadProfile(name, id, (flags & 1) != 0, threadCount, CallTree.adopt(parents, functions, counts, totals));
    }

    private Payload expect(int tag) throws IOException {
        long at = offset;
        Payload p = block();
        if (p.tag != tag) {
            throw new ProfileFormatException("corrupt: expected the " + ProfileFormat.tagName(tag) + " block at byte " + at
                    + ", found a " + ProfileFormat.tagName(p.tag) + " block");
        }
        return p;
    }

    private Payload block() throws IOException {
        long at = offset;
        byte[] head = in.readNBytes(5);
        offset += head.length;
        if (head.length < 5) {
            throw new ProfileFormatException("truncated: the file ends at byte " + offset + " where a block was expected");
        }
        int tag = head[0] & 0xFF;
        long length = ((head[1] & 0xFFL) << 24) | ((head[2] & 0xFFL) << 16) | ((head[3] & 0xFFL) << 8) | (head[4] & 0xFFL);
        if (length > ProfileFormat.MAX_BLOCK) {
            throw new ProfileFormatException("corrupt: block at byte " + at + " claims " + length + " bytes");
        }
        byte[] payload = in.readNBytes((int) length);
        offset += payload.length;
        byte[] crcBytes = in.readNBytes(4);
        offset += crcBytes.length;
        if (payload.length < length || crcBytes.length < 4) {
            throw new ProfileFormatException("truncated: the " + ProfileFormat.tagName(tag) + " block at byte " + at
                    + " ends early (file ends at byte " + offset + ")");
        }
        CRC32 crc = new CRC32();
        crc.update(head, 0, 5);
        crc.update(payload, 0, payload.length);
        long expected = ((crcBytes[0] & 0xFFL) << 24) | ((crcBytes[1] & 0xFFL) << 16) | ((crcBytes[2] & 0xFFL) << 8)
                | (crcBytes[3] & 0xFFL);
        if (crc.getValue() != expected) {
            throw new ProfileFormatException("corrupt: checksum mismatch in the " + ProfileFormat.tagName(tag) + " block at byte " + at);
        }
        return new Payload(tag, payload, at);
    }

    /** Cursor over one checksummed block; every read is bounds-checked. */
    private static final class Payload {
        final int tag;
        private final byte[] b;
        private final long start;
        private int pos;

        Payload(int tag, byte[] b, long start) {
            this.tag = tag;
            this.b = b;
            this.start = start;
        }

        ProfileFormatException corrupt(String what) {
            return new ProfileFormatException("corrupt " + ProfileFormat.tagName(tag) + " block at byte " + start + ": " + what);
        }

        int u8() throws ProfileFormatException {
            if (pos >= b.length) {
                throw corrupt("ends early");
            }
            return b[pos++] & 0xFF;
        }

        long varlong() throws ProfileFormatException {
            // The hot loop of reading a million-node tree: one byte is the common case.
            byte[] buf = b;
            int at = pos;
            if (at < buf.length && buf[at] >= 0) {
                pos = at + 1;
                return buf[at];
            }
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= buf.length) {
                    throw corrupt("ends early");
                }
                int x = buf[at++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    pos = at;
                    return v;
                }
            }
            throw corrupt("malformed number");
        }

        int varint() throws ProfileFormatException {
            long v = varlong();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw corrupt("number " + v + " out of range");
            }
            return (int) v;
        }

        /** A element count, checked against the bytes left (each element takes at least {@code minBytes}). */
        int count(int minBytes) throws ProfileFormatException {
            int n = varint();
            if ((long) n * minBytes > b.length - pos) {
                throw corrupt("claims " + n + " entries in " + (b.length - pos) + " bytes");
            }
            return n;
        }

        double f64() throws ProfileFormatException {
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | u8();
            }
            return Double.longBitsToDouble(bits);
        }

        String str() throws ProfileFormatException {
            int n = varint();
            if (n > b.length - pos) {
                throw corrupt("string of " + n + " bytes runs past the block");
            }
            try {
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, pos, n));
                pos += n;
                return chars.toString();
            } catch (CharacterCodingException e) {
                throw corrupt("invalid UTF-8 text");
            }
        }

        void done() throws ProfileFormatException {
            if (pos != b.length) {
                throw corrupt((b.length - pos) + " unexpected bytes at its end");
            }
        }
    }
}

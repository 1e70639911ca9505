package io.speedkit.profiler.data;

/**
 * The saved-profile format, version 1. Every saved byte is versioned and every block is checksummed:
 *
 * <pre>
 * file    := magic version block* end
 * magic   := 89 53 50 4B 50 52 4F 46          ("\x89SPKPROF": the high byte catches 7-bit transfers)
 * version := u16                              (big-endian; this reader accepts 1)
 * block   := tag:u8 length:u32 payload crc:u32   (crc = CRC-32 of tag, length and payload)
 * end     := block with tag 'Z' and an empty payload; nothing may follow it
 *
 * 'M' metadata  := secondsPerTick:f64 count:varint (key:str value:str)*
 * 'F' functions := count:varint (file:str line:varint name:str)*
 * 'T' thread    := name:str id:zigzag-varlong flags:u8 (bit 0 = virtual) threads:varlong
 *                  nodes:varint (parent+1:varint function:varint count:varlong total:varlong)*
 * str           := byteLength:varint UTF-8 bytes
 * </pre>
 *
 * Exactly one 'M' and one 'F' block come first, then any number of 'T' blocks, then 'Z'.
 */
public final class ProfileFormat {
    /** The first eight bytes of every saved profile. */
    static final byte[] MAGIC = {(byte) 0x89, 'S', 'P', 'K', 'P', 'R', 'O', 'F'};
    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;

    static final int TAG_METADATA = 'M';
    static final int TAG_FUNCTIONS = 'F';
    static final int TAG_THREAD = 'T';
    static final int TAG_END = 'Z';

    /** Upper bound on one block's payload; a larger length can only come from corruption. */
    static final int MAX_BLOCK = Integer.MAX_VALUE - 16;

    private ProfileFormat() {
    }

    static String tagName(int tag) {
        switch (tag) {
            case TAG_METADATA:
                return "metadata";
            case TAG_FUNCTIONS:
                return "function table";
            case TAG_THREAD:
                return "thread";
            case TAG_END:
                return "end";
            default:
                return "unknown (0x" + Integer.toHexString(tag) + ")";
        }
    }
}

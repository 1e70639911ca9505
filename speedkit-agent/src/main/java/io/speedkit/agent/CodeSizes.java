package io.speedkit.agent;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * The bytecode length of every method of a class file, read straight from the Code attributes. ASM does
 * not expose it, and the instrumenter needs it to keep methods under HotSpot's 8000-byte JIT limit.
 */
final class CodeSizes {
    private CodeSizes() {
    }

    /** Code length by {@code name + descriptor}; methods without code are absent. */
    static Map<String, Integer> of(ClassReader cr) {
        char[] buf = new char[cr.getMaxStringLength()];
        int at = cr.header + 6;
        at += 2 + 2 * cr.readUnsignedShort(at); // interfaces
        int fields = cr.readUnsignedShort(at);
        at += 2;
        for (int i = 0; i < fields; i++) {
            at = skipMember(cr, at);
        }
        int methods = cr.readUnsignedShort(at);
        at += 2;
        Map<String, Integer> sizes = new HashMap<>();
        for (int i = 0; i < methods; i++) {
            String name = cr.readUTF8(at + 2, buf);
            String desc = cr.readUTF8(at + 4, buf);
            int attrs = cr.readUnsignedShort(at + 6);
            at += 8;
            for (int a = 0; a < attrs; a++) {
                String attr = cr.readUTF8(at, buf);
                int len = cr.readInt(at + 2);
                if ("Code".equals(attr)) {
                    sizes.put(name + desc, cr.readInt(at + 10));
                }
                at += 6 + len;
            }
        }
        return sizes;
    }

    private static int skipMember(ClassReader cr, int at) {
        int attrs = cr.readUnsignedShort(at + 6);
        at += 8;
        for (int a = 0; a < attrs; a++) {
            at += 6 + cr.readInt(at + 2);
        }
        return at;
    }
}

package io.speedkit.agent;

import io.speedkit.profiler.agent.AgentOptions;
import io.speedkit.profiler.agent.ClassGlobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.probe.Probe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The ClassFileTransformer: never lets a failure reach the program, and says why a class was left alone. */
class ProfilingTransformerTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final ClassLoader app = ProfilingTransformerTest.class.getClassLoader();

    private ProfilingTransformer transformer(boolean verbose) {
        Instrumenter instrumenter = InstrumentingLoader.instrumenter((f, l, n) -> 1, AgentOptions.JdkCalls.DEFAULT);
        ClassFilter filter = new ClassFilter(Agent.jdkPackages(), ClassGlobs.of(List.of()), ClassGlobs.of(List.of()));
        return new ProfilingTransformer(instrumenter, filter, verbose, new PrintStream(log, true, StandardCharsets.UTF_8),
                Probe.class);
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void transform_programClass_instrumentsIt() {
        byte[] out = transformer(false).transform(app, "com/acme/Hello", null, null, hello());

        assertNotNull(out);
        assertEquals("com/acme/Hello", new ClassReader(out).getClassName());
        assertEquals("", log());
    }

    @Test
    void transform_retransformation_leavesClassAlone() {
        assertNull(transformer(false).transform(app, "com/acme/Hello", Object.class, null, hello()));
    }

    @Test
    void transform_filteredClass_leavesClassAlone() {
        assertNull(transformer(false).transform(null, "com/acme/Hello", null, null, hello()));
        assertNull(transformer(false).transform(app, "io/speedkit/agent/Agent", null, null, hello()));
    }

    @Test
    void transform_brokenClassFile_returnsNullAndSaysWhy() {
        byte[] broken = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9};

        assertNull(transformer(false).transform(app, "com/acme/Broken", null, null, broken));
        assertTrue(log().startsWith("speedkit: left com.acme.Broken uninstrumented: "), log());
    }

    @Test
    void transform_manyFailures_logsThirtyThenOneSummaryLine() {
        ProfilingTransformer t = transformer(false);
        byte[] broken = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9};

        for (int i = 0; i < 40; i++) {
            assertNull(t.transform(app, "com/acme/Broken" + i, null, null, broken));
        }

        String[] lines = log().split("\n");
        assertEquals(31, lines.length, log());
        assertTrue(lines[29].startsWith("speedkit: left com.acme.Broken29 uninstrumented: "), lines[29]);
        assertEquals("speedkit: more classes left uninstrumented; the profile's metadata counts them (classes.skipped)",
                lines[30]);
    }

    @Test
    void transform_loaderThatCannotSeeTheProbe_leavesItsClassesAlone() throws Exception {
        try (URLClassLoader isolated = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            ProfilingTransformer t = transformer(false);

            assertNull(t.transform(isolated, "com/acme/Hello", null, null, hello()));
            assertNull(t.transform(isolated, "com/acme/Other", null, null, hello()));
            // Said once per loader.
            assertEquals(1, log().split("\n").length, log());
            assertTrue(log().contains("that class loader does not delegate io.speedkit.probe"), log());
        }
    }

    @Test
    void transform_verbose_printsTheDegradationNotes() {
        byte[] big = GeneratedClasses.bigMethod("Big7900", 7900);

        // The name only feeds the filter and the log (io/speedkit/agent/... is speedkit's own, never instrumented).
        byte[] out = transformer(true).transform(app, "com/acme/Big7900", null, null, big);

        assertNotNull(out);
        assertTrue(log().contains("big(I)I would grow past HotSpot's 8000-byte JIT limit: its JDK calls are not timed"), log());
    }

    @Test
    void transform_nothingToInstrument_returnsNull() {
        byte[] codeless = GeneratedClasses.codelessInterface();

        assertNull(transformer(false).transform(app, "com/acme/Codeless", null, null, codeless));
        assertArrayEquals(new byte[0], log.toByteArray());
    }

    /** {@code package com.acme; public class Hello { public static int one() { return 1; } }} */
    private static byte[] hello() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "com/acme/Hello", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "one", "()I", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}

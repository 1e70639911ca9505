package io.speedkit.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * Degradation, never failure: a method that would cross HotSpot's 8000-byte JIT limit or the 64 KiB
 * class-file limit loses its call-site timing, then its instrumentation; the class still loads.
 */
class SizeLimitsTest {
    @Test
    void method_7900Bytes_dropsCallSiteTimingToStayUnder8000() throws Throwable {
        String big = GeneratedClasses.binaryName("Big7900");
        InstrumentingLoader loader = new InstrumentingLoader().with(GeneratedClasses.bigMethod("Big7900", 7900));
        Recording r = Recording.of(() -> {
            loader.call(big, "big", 1);
            return loader.call(big, "small", 1);
        });

        assertEquals(Integer.reverse(1), r.result());
        // big: entry and exit only, its 1579 Integer.reverse calls untimed; small keeps its call-site timing.
        assertEquals("""
                Big7900.big count=1 total=0
                Big7900.small count=1 total=0
                  {built-in method java.lang.Integer.reverse} count=1 total=0
                """, r.tree());
        Instrumenter.Result result = loader.result(big);
        assertEquals(List.of("big(I)I would grow past HotSpot's 8000-byte JIT limit: its JDK calls are not timed"),
                result.notes());
        int size = codeSize(result.bytes(), "big(I)I");
        assertTrue(size > 7900 && size <= Instrumenter.HUGE_METHOD_LIMIT, "instrumented size " + size);
    }

    @Test
    void method_justUnder8000_leftUninstrumented() throws Throwable {
        String big = GeneratedClasses.binaryName("Big7995");
        InstrumentingLoader loader = new InstrumentingLoader().with(GeneratedClasses.bigMethod("Big7995", 7995));
        Recording r = Recording.of(() -> {
            loader.call(big, "big", 1);
            return loader.call(big, "small", 1);
        });

        assertEquals("""
                Big7995.small count=1 total=0
                  {built-in method java.lang.Integer.reverse} count=1 total=0
                """, r.tree());
        Instrumenter.Result result = loader.result(big);
        assertEquals(List.of(
                "big(I)I would grow past HotSpot's 8000-byte JIT limit: its JDK calls are not timed",
                "big(I)I would grow past HotSpot's 8000-byte JIT limit: left uninstrumented"), result.notes());
        assertEquals(7995, codeSize(result.bytes(), "big(I)I"));
    }

    @Test
    void method_close_to64KiB_degradesInsteadOfFailing() throws Throwable {
        String big = GeneratedClasses.binaryName("Big64K");
        InstrumentingLoader loader = new InstrumentingLoader().with(GeneratedClasses.bigMethod("Big64K", 65_000));
        Recording r = Recording.of(() -> loader.call(big, "big", 1));

        assertEquals(Integer.reverse(1), r.result()); // 12999 reversals: an odd number
        assertEquals("""
                Big64K.big count=1 total=0
                """, r.tree());
        Instrumenter.Result result = loader.result(big);
        assertEquals(List.of("big(I)I would exceed 64 KiB: its JDK calls are not timed"), result.notes());
        int size = codeSize(result.bytes(), "big(I)I");
        assertTrue(size > 65_000 && size < 65_536, "instrumented size " + size);
    }

    @Test
    void method_atTheLimit_leftUninstrumentedClassStillLoads() throws Throwable {
        String big = GeneratedClasses.binaryName("Big65530");
        InstrumentingLoader loader = new InstrumentingLoader().with(GeneratedClasses.bigMethod("Big65530", 65_530));
        Recording r = Recording.of(() -> {
            loader.call(big, "big", 1);
            return loader.call(big, "small", 2);
        });

        assertEquals(Integer.reverse(2), r.result());
        assertEquals("""
                Big65530.small count=1 total=0
                  {built-in method java.lang.Integer.reverse} count=1 total=0
                """, r.tree());
        assertEquals(List.of("big(I)I would exceed 64 KiB: its JDK calls are not timed",
                "big(I)I would exceed 64 KiB: left uninstrumented"), loader.result(big).notes());
        assertEquals(65_530, codeSize(loader.result(big).bytes(), "big(I)I"));
    }

    @Test
    void hugeStaticInitialiser_leftUninstrumentedOtherMethodsRecorded() throws Throwable {
        String huge = GeneratedClasses.binaryName("HugeInit");
        // 9 + 10 * 6552 = 65529 bytes: entry (6-7 bytes), exit (4) and catch-all (5) would cross 65535.
        InstrumentingLoader loader = new InstrumentingLoader().with(GeneratedClasses.hugeClinit("HugeInit", 6552));
        loader.loadUninitialised(huge);
        Recording r = Recording.of(() -> loader.call(huge, "get", 6550)); // initialises the class first

        assertEquals(6550 * 3 % 30000, r.result());
        assertEquals("""
                HugeInit.get count=1 total=0
                """, r.tree());
        assertEquals(List.of("<clinit>()V would exceed 64 KiB: its JDK calls are not timed",
                "<clinit>()V would exceed 64 KiB: left uninstrumented"), loader.result(huge).notes());
    }

    @Test
    void staticInitialiser_belowTheLimit_isRecordedAsStatic() throws Throwable {
        String table = GeneratedClasses.binaryName("TableInit");
        InstrumentingLoader loader = new InstrumentingLoader().with(GeneratedClasses.hugeClinit("TableInit", 3000));
        loader.loadUninitialised(table);
        Recording r = Recording.of(() -> loader.call(table, "get", 2));

        assertEquals(6, r.result());
        assertEquals("""
                TableInit.static count=1 total=0
                TableInit.get count=1 total=0
                """, r.tree());
        assertEquals(List.of(), loader.result(table).notes());
    }

    @Test
    void branch_spanningMoreThan32KiB_rewrittenWithWideJumpAndVerifies() throws Throwable {
        String jump = GeneratedClasses.binaryName("LongJump");
        InstrumentingLoader loader = new InstrumentingLoader().with(GeneratedClasses.longJump());
        Recording r = Recording.of(() -> (Integer) loader.call(jump, "jump", 0) + (Integer) loader.call(jump, "jump", 1));

        assertEquals(13_001, r.result());
        assertEquals("""
                LongJump.jump count=2 total=0
                """, r.tree());
        assertEquals(List.of(), loader.result(jump).notes());
    }

    private static int codeSize(byte[] classFile, String method) {
        Map<String, Integer> sizes = CodeSizes.of(new ClassReader(classFile));
        return sizes.get(method);
    }
}

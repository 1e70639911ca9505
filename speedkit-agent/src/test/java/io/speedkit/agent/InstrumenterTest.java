package io.speedkit.agent;

import io.speedkit.profiler.agent.AgentOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/** What the instrumenter returns and refuses, independent of any recording. */
class InstrumenterTest {
    private final Instrumenter instrumenter = InstrumentingLoader.instrumenter((file, line, name) -> 7,
            AgentOptions.JdkCalls.DEFAULT);

    @Test
    void instrument_alreadyInstrumentedClass_returnsNull() throws IOException {
        byte[] once = instrumenter.instrument(targetBytes("Recursion")).bytes();

        assertNull(instrumenter.instrument(once));
        assertTrue(hasAttribute(once, Instrumenter.MARKER));
    }

    @Test
    void instrument_moduleInfo_returnsNull() {
        assertNull(instrumenter.instrument(GeneratedClasses.moduleInfo()));
    }

    @Test
    void instrument_jdkDynamicProxy_returnsNull() {
        // What java.lang.reflect.Proxy generates: glue, like a lambda's class; the handler is instrumented.
        org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_MAXS);
        cw.visit(org.objectweb.asm.Opcodes.V21, org.objectweb.asm.Opcodes.ACC_PUBLIC | org.objectweb.asm.Opcodes.ACC_FINAL,
                "jdk/proxy1/$Proxy7", null, "java/lang/reflect/Proxy", new String[] {"java/lang/Runnable"});
        org.objectweb.asm.MethodVisitor mv = cw.visitMethod(org.objectweb.asm.Opcodes.ACC_PUBLIC, "run", "()V", null, null);
        mv.visitCode();
        mv.visitInsn(org.objectweb.asm.Opcodes.RETURN);
        mv.visitMaxs(0, 1);
        mv.visitEnd();
        cw.visitEnd();
        assertNull(instrumenter.instrument(cw.toByteArray()));
    }

    @Test
    void instrument_interfaceWithoutCode_returnsNull() {
        assertNull(instrumenter.instrument(GeneratedClasses.codelessInterface()));
    }

    @Test
    void instrument_keepsVersionAndAddsOnlyTheMarker() throws IOException {
        byte[] in = targetBytes("Exceptions");
        byte[] out = instrumenter.instrument(in).bytes();

        assertEquals(new ClassReader(in).readUnsignedShort(6), new ClassReader(out).readUnsignedShort(6));
        assertEquals(members(in), members(out), "no field or method added: retransformation must stay possible");
    }

    @Test
    void instrument_garbage_throwsForTheCallerToLeaveTheClassAlone() {
        assertThrows(RuntimeException.class, () -> instrumenter.instrument(new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1}));
    }

    /**
     * Every target class, instrumented, loads, links and initialises: HotSpot verifies classes of this
     * loader, so a frame or stack the instrumenter got wrong fails here with a VerifyError.
     */
    @Test
    void everyTarget_instrumentedClassVerifies() throws Exception {
        InstrumentingLoader loader = new InstrumentingLoader();
        List<String> names = targetClassNames();
        assertTrue(names.size() > 20, names.toString());
        for (String name : names) {
            if (name.equals("BadInit")) {
                // Verified, then its static initialiser throws, as it is written to.
                assertThrows(ExceptionInInitializerError.class, () -> loader.load(name));
                continue;
            }
            Class<?> c = loader.load(name);
            assertEquals(loader, c.getClassLoader(), name);
        }
        for (String name : names) {
            if (!name.endsWith("package-info") && !name.equals("Shape") && !name.equals("Proxies$Greeter")) {
                assertNotNull(loader.result(name), name + " had code to instrument");
            }
        }
    }

    /** The harness's premise: classes of a non-boot loader are verified, so bad bytecode cannot slip through. */
    @Test
    void harness_customLoaderVerifies_badBytecodeIsRejected() {
        org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, GeneratedClasses.PKG + "Bad", null, "java/lang/Object", null);
        org.objectweb.asm.MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "bad", "()Ljava/lang/Object;",
                null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.ARETURN); // an int returned as an Object
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        Class<?> c = InstrumentingLoader.defineUninstrumented(cw.toByteArray());

        assertThrows(VerifyError.class, () -> c.getMethod("bad").invoke(null));
    }

    @Test
    void handlerStartingWithStoredException_repairGoesFirst() throws Throwable {
        // javac always stores the caught exception first; repair then runs before the astore.
        InstrumentingLoader loader = new InstrumentingLoader();
        Recording r = Recording.of(() -> loader.call("Exceptions", "ownCatch"));

        assertEquals(1, r.result());
    }

    @Test
    void handlerStartingWithNew_uninstrumentedInput_isValid() throws Throwable {
        Class<?> c = InstrumentingLoader.defineUninstrumented(GeneratedClasses.newFirstInHandler());
        java.lang.reflect.Method wrap = c.getMethod("wrap", boolean.class);

        java.lang.reflect.InvocationTargetException e = assertThrows(java.lang.reflect.InvocationTargetException.class,
                () -> wrap.invoke(null, true));
        assertEquals(IllegalArgumentException.class, e.getCause().getClass());
        assertEquals("a", e.getCause().getMessage());
    }

    /**
     * BUG: repair is inserted between a handler's label and its first instruction. When that instruction
     * is a {@code new} whose object is still uninitialised at a later frame (a branch among the
     * constructor's arguments), the frame names it {@code Uninitialized(label)} — the handler's label,
     * which now points at the inserted {@code iload; invokestatic repair}, not at the {@code new}. HotSpot
     * rejects the class at definition: "StackMapTable format error: bad offset for Uninitialized", so the
     * program fails to load the class (a ClassFormatError, not a skipped class).
     */
    @Test
    void handlerStartingWithNew_uninitialisedTypeInFrames_verifies() throws Throwable {
        InstrumentingLoader loader = new InstrumentingLoader().with(GeneratedClasses.newFirstInHandler());
        String wrap = GeneratedClasses.binaryName("NewInHandler");
        Recording r = Recording.of(() -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loader.call(wrap, "wrap", true));
            return e.getMessage();
        });

        assertEquals("a", r.result());
        assertEquals("""
                NewInHandler.wrap count=1 total=0
                  NewInHandler.fail count=1 total=0
                    {method java.lang.IllegalStateException.new} count=1 total=0
                  {method java.lang.IllegalArgumentException.new} count=1 total=0
                """, r.tree());
    }

    @Test
    void method_with300Locals_tokenAndCallSiteUseWideLocals() throws Throwable {
        InstrumentingLoader loader = new InstrumentingLoader().with(GeneratedClasses.manyLocals());
        String many = GeneratedClasses.binaryName("ManyLocals");
        Recording r = Recording.of(() -> (Integer) loader.call(many, "many", "12") + (Integer) loader.call(many, "many", "x"));

        assertEquals(11, r.result());
        assertEquals("""
                ManyLocals.many count=2 total=0
                  {built-in method java.lang.Integer.parseInt} count=2 total=0
                """, r.tree());
    }

    @Test
    void jdkCalls_defaultMode_skipsTrivialCallsAndArrays() {
        List<String> registered = new ArrayList<>();
        JdkCalls calls = new JdkCalls(Agent.jdkPackages(), AgentOptions.JdkCalls.DEFAULT, (f, l, n) -> {
            registered.add(f + ":" + l + ":" + n);
            return registered.size() - 1;
        });

        assertEquals(-1, calls.functionFor(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>"));
        assertEquals(-1, calls.functionFor(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf"));
        assertEquals(-1, calls.functionFor(Opcodes.INVOKESTATIC, "java/lang/Math", "max"));
        assertEquals(-1, calls.functionFor(Opcodes.INVOKEVIRTUAL, "[I", "clone"));
        assertEquals(-1, calls.functionFor(Opcodes.INVOKESTATIC, "com/acme/Util", "parse"));
        assertEquals(-1, calls.functionFor(Opcodes.INVOKESTATIC, "Top", "parse")); // default package
        int parse = calls.functionFor(Opcodes.INVOKESTATIC, "java/lang/Integer", "parseInt");
        int split = calls.functionFor(Opcodes.INVOKEVIRTUAL, "java/lang/String", "split");
        int list = calls.functionFor(Opcodes.INVOKESPECIAL, "java/util/ArrayList", "<init>");
        assertEquals(parse, calls.functionFor(Opcodes.INVOKESTATIC, "java/lang/Integer", "parseInt"), "registered once");
        assertEquals(List.of("~:0:<built-in method java.lang.Integer.parseInt>", "~:0:<method java.lang.String.split>",
                "~:0:<method java.util.ArrayList.new>"), registered);
        assertEquals(List.of(0, 1, 2), List.of(parse, split, list));
    }

    @Test
    void jdkCalls_allAndNoneModes() {
        JdkCalls all = new JdkCalls(Agent.jdkPackages(), AgentOptions.JdkCalls.ALL, (f, l, n) -> 3);
        JdkCalls none = new JdkCalls(Agent.jdkPackages(), AgentOptions.JdkCalls.NONE, (f, l, n) -> 3);

        assertEquals(3, all.functionFor(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>"));
        assertEquals(3, all.functionFor(Opcodes.INVOKESTATIC, "java/lang/Math", "max"));
        assertEquals(-1, all.functionFor(Opcodes.INVOKEVIRTUAL, "[I", "clone"));
        assertEquals(-1, none.functionFor(Opcodes.INVOKESTATIC, "java/lang/Integer", "parseInt"));
    }

    @Test
    void jdkCallsNone_recordsProgramMethodsOnly() throws Throwable {
        InstrumentingLoader loader = new InstrumentingLoader(AgentOptions.JdkCalls.NONE);
        Recording r = Recording.of(() -> loader.call("Exceptions", "parseOrDefault"));

        assertEquals("""
                Exceptions.parseOrDefault count=1 total=4
                  Exceptions.after count=1 total=4
                """, r.tree());
    }

    static byte[] targetBytes(String simpleName) throws IOException {
        try (InputStream in = InstrumenterTest.class.getResourceAsStream("targets/" + simpleName + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Simple names of the compiled target classes (nested ones as Outer$Inner). */
    static List<String> targetClassNames() throws IOException, URISyntaxException {
        Path dir = Paths.get(InstrumenterTest.class.getResource("targets").toURI());
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length())).sorted().forEach(names::add);
        }
        names.remove("package-info");
        return names;
    }

    private static boolean hasAttribute(byte[] classFile, String type) {
        boolean[] seen = new boolean[1];
        new ClassReader(classFile).accept(new org.objectweb.asm.ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitAttribute(org.objectweb.asm.Attribute attribute) {
                seen[0] |= attribute.type.equals(type);
            }
        }, 0);
        return seen[0];
    }

    private static List<String> members(byte[] classFile) {
        List<String> out = new ArrayList<>();
        new ClassReader(classFile).accept(new org.objectweb.asm.ClassVisitor(Opcodes.ASM9) {
            @Override
            public org.objectweb.asm.FieldVisitor visitField(int access, String name, String desc, String sig, Object value) {
                out.add(access + " " + name + desc);
                return null;
            }

            @Override
            public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                out.add(access + " " + name + desc);
                return null;
            }
        }, 0);
        return out;
    }
}

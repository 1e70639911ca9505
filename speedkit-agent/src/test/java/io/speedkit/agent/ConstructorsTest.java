package io.speedkit.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.speedkit.profiler.data.Metadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Printer;

/**
 * Targets: {@code targets/Constructors.java} and the classes it builds; generated: the JEP 513 prologue
 * and the two-super() constructor of {@link GeneratedClasses}. The probe enters a constructor at offset 0
 * (a static call, legal before super()); its catch-all starts after super()/this().
 */
class ConstructorsTest {
    private final InstrumentingLoader loader = new InstrumentingLoader()
            .with(GeneratedClasses.prologue())
            .with(GeneratedClasses.twoSupers());

    @Test
    void constructor_ordinary_isNamedNew() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Constructors", "ordinary"));

        assertEquals(1, r.result());
        // Object.<init> is one of the untimed trivial JDK calls.
        assertEquals("""
                Constructors.ordinary count=1 total=1
                  Point.new count=1 total=1
                """, r.tree());
    }

    @Test
    void constructor_delegatingWithThis_nestsTheOtherConstructor() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Constructors", "delegating"));

        assertEquals(0, r.result());
        assertEquals("""
                Constructors.delegating count=1 total=3
                  Point.new count=1 total=3
                    Point.new count=1 total=1
                """, r.tree());
        assertEquals(2, loader.registered("Point.new").size()); // two keys: the two constructors' first lines differ
    }

    @Test
    void constructor_superIsArrayList_superCallTimedAsJdkCall() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Constructors", "bag"));

        assertEquals(2, r.result());
        // add("first") names Bag as owner: not a JDK call, its time stays in Bag.new; super.add is.
        assertEquals("""
                Constructors.bag count=1 total=0
                  Bag.new count=1 total=0
                    {method java.util.ArrayList.new} count=1 total=0
                    {method java.util.ArrayList.add} count=1 total=0
                """, r.tree());
    }

    @Test
    void constructor_superIsThread_runRecordedOnTheNewThread() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Constructors", "worker"));

        assertEquals("""
                Constructors.worker count=1 total=0
                  Worker.new count=1 total=0
                    {method java.lang.Thread.new} count=1 total=0
                """, r.tree());
        assertEquals("""
                Worker.run count=1 total=3
                """, r.tree("speedkit-worker"));
    }

    @Test
    void constructor_throwsAfterSuper_closedByItsOwnCatchAll() throws Throwable {
        Recording r = Recording.of(() -> {
            // Called from test code, which has no probes: only Fragile.new's own catch-all can close its frame.
            assertThrows(IllegalArgumentException.class, () -> loader.construct("Fragile", -1));
            return loader.call("Constructors", "ordinary"); // a root again, not a child of an open Fragile.new
        });

        assertEquals("""
                Fragile.new count=1 total=1
                  {method java.lang.IllegalArgumentException.new} count=1 total=0
                Constructors.ordinary count=1 total=1
                  Point.new count=1 total=1
                """, r.tree());
        assertEquals(0, r.metadataLong(Metadata.OPEN_FRAMES));
    }

    @Test
    void constructor_throwsAfterSuperCaughtByCaller_callerContinuesAtItsDepth() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Constructors", "fragile"));

        assertEquals(1, r.result());
        assertEquals("""
                Constructors.fragile count=1 total=5
                  Fragile.new count=1 total=1
                    {method java.lang.IllegalArgumentException.new} count=1 total=0
                  Constructors.after count=1 total=4
                """, r.tree());
    }

    @Test
    void constructor_jdkSuperConstructorThrows_bothFramesClosedByCallersRepair() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Constructors", "badCapacity"));

        assertEquals(1, r.result());
        // The super() call is not covered by Bag.new's catch-all (no handler may cover it): the exception
        // leaves Bag.new and the ArrayList.new pseudo-frame open, and repair in badCapacity closes both.
        assertEquals("""
                Constructors.badCapacity count=1 total=4
                  Bag.new count=1 total=0
                    {method java.util.ArrayList.new} count=1 total=0
                  Constructors.after count=1 total=4
                """, r.tree());
    }

    @Test
    void staticInitialiser_throws_closedAndCallerContinues() throws Throwable {
        loader.load("Constructors");
        Recording r = Recording.of(() -> loader.call("Constructors", "failedInit"));

        assertEquals(-1, r.result());
        assertEquals("""
                Constructors.failedInit count=1 total=6
                  BadInit.static count=1 total=2
                    BadInit.compute count=1 total=2
                      {method java.lang.IllegalStateException.new} count=1 total=0
                  Constructors.after count=1 total=4
                """, r.tree());
    }

    @Test
    void innerClassConstructor_storesOuterBeforeSuper_verifiesAndRuns() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Outer", "all"));

        assertEquals(6, r.result());
        assertEquals("""
                Outer.all count=1 total=0
                  Outer.new count=1 total=0
                  Outer$Inner.new count=1 total=0
                  Outer$Inner.value count=1 total=0
                  Outer$Nested.new count=1 total=0
                  Outer$Nested.value count=1 total=0
                  Outer.anonymous count=1 total=0
                    Outer$1.new count=1 total=0
                  {method java.util.function.Supplier.get} count=1 total=0
                    Outer$1.get count=1 total=0
                """, r.tree());
    }

    @Test
    void jep513Prologue_branchStaticCallAndThrowBeforeSuper_verifiesAndRuns() throws Throwable {
        Recording r = Recording.of(() -> {
            assertEquals(-1, loader.call(GeneratedClasses.binaryName("Prologue"), "make", -1));
            assertEquals(10, loader.call(GeneratedClasses.binaryName("Prologue"), "make", 5));
            return null;
        });

        // make(-1): the throw before super() is outside the constructor's catch-all (no handler may cover
        // code before super()), so Prologue.new stays open until repair in make's handler closes it.
        assertEquals("""
                Prologue.make count=2 total=7
                  Prologue.new count=2 total=3
                    {method java.lang.IllegalArgumentException.new} count=1 total=0
                    Prologue.twice count=1 total=2
                  Prologue.after count=1 total=4
                """, r.tree());
        assertEquals(0, r.metadataLong(Metadata.OPEN_FRAMES));
    }

    @Test
    void jep513Prologue_tryCatchAroundJdkCallBeforeSuper_repairsThere() throws Throwable {
        Recording r = Recording.of(() -> {
            assertEquals(12, loader.call(GeneratedClasses.binaryName("Prologue"), "makeFromString", "12"));
            assertEquals(-1, loader.call(GeneratedClasses.binaryName("Prologue"), "makeFromString", "zz"));
            return null;
        });

        assertEquals("""
                Prologue.makeFromString count=2 total=0
                  Prologue.new count=2 total=0
                    {built-in method java.lang.Integer.parseInt} count=2 total=0
                """, r.tree());
    }

    @Test
    void jep513Prologue_throwCalledFromUninstrumentedCode_leavesOneFrameOpenUntilTheEnd() throws Throwable {
        Recording r = Recording.of(() -> {
            // Nothing instrumented catches: no exit or repair can close the frame (a documented limit).
            assertThrows(IllegalArgumentException.class,
                    () -> loader.construct(GeneratedClasses.binaryName("Prologue"), -1));
            return null;
        });

        assertEquals("""
                Prologue.new count=1 total=0
                  {method java.lang.IllegalArgumentException.new} count=1 total=0
                """, r.tree());
        assertEquals(1, r.metadataLong(Metadata.OPEN_FRAMES));
    }

    @Test
    void twoSuperCallsOnBranches_verifiesRunsAndCatchAllCoversBoth() throws Throwable {
        String twoSupers = GeneratedClasses.binaryName("TwoSupers");
        Recording r = Recording.of(() -> {
            // From test code: if the catch-all missed the code after either super(), the throw would leave
            // TwoSupers.new open and the next call would nest under it.
            assertThrows(IllegalStateException.class, () -> loader.construct(twoSupers, true, true));
            assertThrows(IllegalStateException.class, () -> loader.construct(twoSupers, false, true));
            loader.construct(twoSupers, true, false);
            loader.construct(twoSupers, false, false);
            return null;
        });

        assertEquals("""
                TwoSupers.new count=4 total=4
                  {method java.util.ArrayList.new} count=4 total=0
                  {method java.lang.IllegalStateException.new} count=2 total=0
                """, r.tree());
        assertEquals(0, r.metadataLong(Metadata.OPEN_FRAMES));
    }

    @Test
    void initialisedThis_jep513Prologue_onlyCodeAfterSuper() throws Exception {
        assertEquals(List.of("LDC", "INVOKESTATIC", "RETURN"),
                initialisedOpcodes(GeneratedClasses.prologue(), "<init>", "(I)V"));
        assertEquals(List.of("RETURN"), initialisedOpcodes(GeneratedClasses.prologue(), "<init>", "(Ljava/lang/String;)V"));
    }

    @Test
    void initialisedThis_twoSuperCalls_bothBranchesAfterTheirSuper() throws Exception {
        // Branch one: the goto after super(10); then the join, reached initialised from both branches.
        assertEquals(List.of("GOTO", "LDC", "INVOKESTATIC", "ILOAD", "IFEQ", "NEW", "DUP", "INVOKESPECIAL", "ATHROW", "RETURN"),
                initialisedOpcodes(GeneratedClasses.twoSupers(), "<init>", "(ZZ)V"));
    }

    @Test
    void initialisedThis_innerClass_afterTheOuterStoreAndSuper() throws Exception {
        assertEquals(List.of("RETURN"),
                initialisedOpcodes(InstrumenterTest.targetBytes("Outer$Inner"), "<init>", "(Lio/speedkit/agent/targets/Outer;)V"));
    }

    /** The instructions Instrumenter.initialisedThis finds, in code order, as opcode names. */
    private static List<String> initialisedOpcodes(byte[] classFile, String name, String desc) throws Exception {
        ClassNode cn = new ClassNode();
        new ClassReader(classFile).accept(cn, ClassReader.EXPAND_FRAMES);
        for (MethodNode mn : cn.methods) {
            if (mn.name.equals(name) && mn.desc.equals(desc)) {
                var initialised = Instrumenter.initialisedThis(cn.name, mn);
                List<String> out = new ArrayList<>();
                for (AbstractInsnNode n : mn.instructions) {
                    if (initialised.contains(n)) {
                        out.add(Printer.OPCODES[n.getOpcode()]);
                    }
                }
                return out;
            }
        }
        throw new IllegalArgumentException("no method " + name + desc);
    }
}

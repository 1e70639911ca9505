package io.speedkit.agent;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.ModuleVisitor;

/**
 * Class files javac does not write (or not from Java 21 sources), generated with ASM for the test
 * corpus. All live in {@value #PKG} so that {@link InstrumentingLoader} instruments them. Expected counts
 * are comments, as in the Java targets.
 *
 * <p>The generator may compute frames (that is the input, not the code under test); its
 * {@code getCommonSuperClass} answers {@code java/lang/Object} instead of loading classes, which is right
 * for these classes because no two reference types ever merge in them.
 */
final class GeneratedClasses {
    static final String PKG = "io/speedkit/agent/targets/gen/";
    private static final String TICKS = "io/speedkit/agent/Ticks";
    private static final String OBJECT = "java/lang/Object";
    private static final String ISE = "java/lang/IllegalStateException";
    private static final String IAE = "java/lang/IllegalArgumentException";

    private GeneratedClasses() {
    }

    /** The binary name of a generated class, as the loader and the tests name it. */
    static String binaryName(String simpleName) {
        return (PKG + simpleName).replace('/', '.');
    }

    private static ClassWriter writer(int flags) {
        return new ClassWriter(flags) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return OBJECT;
            }
        };
    }

    private static void line(MethodVisitor mv, int line) {
        Label l = new Label();
        mv.visitLabel(l);
        mv.visitLineNumber(line, l);
    }

    private static void advance(MethodVisitor mv, long ticks) {
        mv.visitLdcInsn(ticks);
        mv.visitMethodInsn(INVOKESTATIC, TICKS, "advance", "(J)V", false);
    }

    private static void throwNew(MethodVisitor mv, String type, String message) {
        mv.visitTypeInsn(NEW, type);
        mv.visitInsn(DUP);
        if (message == null) {
            mv.visitMethodInsn(INVOKESPECIAL, type, "<init>", "()V", false);
        } else {
            mv.visitLdcInsn(message);
            mv.visitMethodInsn(INVOKESPECIAL, type, "<init>", "(Ljava/lang/String;)V", false);
        }
        mv.visitInsn(ATHROW);
    }

    /** {@code static void name() { Ticks.advance(ticks); }} */
    private static void tickMethod(ClassWriter cw, String name, long ticks) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, name, "()V", null, null);
        mv.visitCode();
        advance(mv, ticks);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * JEP 513 (final in Java 25): a class-file version 69 constructor with a branch, an {@code athrow}, a
     * static call and a field store BEFORE {@code super()}, and a second constructor whose prologue has
     * a try/catch around a JDK call.
     *
     * <pre>
     * Prologue(int n) {                    // calls=1 per make
     *     if (n &lt; 0) throw new IllegalArgumentException("negative");
     *     this.n = twice(n);               // static call on the early-construction path
     *     super();
     *     Ticks.advance(1);
     * }
     * Prologue(String s) {                 // calls=1 per makeFromString
     *     int v; try { v = Integer.parseInt(s); } catch (NumberFormatException e) { v = -1; }
     *     this.n = v;
     *     super();
     * }
     * static int make(int n) { try { return new Prologue(n).n; } catch (IllegalArgumentException e) { after(); return -1; } }
     * static int makeFromString(String s) { return new Prologue(s).n; }
     * static int twice(int n) { Ticks.advance(2); return 2 * n; }
     * static void after() { Ticks.advance(4); }
     * </pre>
     */
    static byte[] prologue() {
        String name = PKG + "Prologue";
        ClassWriter cw = writer(ClassWriter.COMPUTE_FRAMES);
        cw.visit(V25, ACC_PUBLIC | ACC_SUPER, name, null, OBJECT, null);
        cw.visitSource("Prologue.java", null);
        cw.visitField(ACC_FINAL, "n", "I", null, null).visitEnd();

        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "(I)V", null, null);
        mv.visitCode();
        line(mv, 10);
        Label ok = new Label();
        mv.visitVarInsn(ILOAD, 1);
        mv.visitJumpInsn(IFGE, ok);
        line(mv, 11);
        throwNew(mv, IAE, "negative");
        mv.visitLabel(ok);
        line(mv, 12);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitMethodInsn(INVOKESTATIC, name, "twice", "(I)I", false);
        mv.visitFieldInsn(PUTFIELD, name, "n", "I");
        line(mv, 13);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, OBJECT, "<init>", "()V", false);
        line(mv, 14);
        advance(mv, 1);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC, "<init>", "(Ljava/lang/String;)V", null, null);
        mv.visitCode();
        Label tryStart = new Label();
        Label tryEnd = new Label();
        Label handler = new Label();
        Label join = new Label();
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, "java/lang/NumberFormatException");
        line(mv, 20);
        mv.visitLabel(tryStart);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "parseInt", "(Ljava/lang/String;)I", false);
        mv.visitVarInsn(ISTORE, 2);
        mv.visitLabel(tryEnd);
        mv.visitJumpInsn(GOTO, join);
        mv.visitLabel(handler);
        mv.visitVarInsn(ASTORE, 3);
        mv.visitInsn(ICONST_M1);
        mv.visitVarInsn(ISTORE, 2);
        mv.visitLabel(join);
        line(mv, 21);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, 2);
        mv.visitFieldInsn(PUTFIELD, name, "n", "I");
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, OBJECT, "<init>", "()V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "make", "(I)I", null, null);
        mv.visitCode();
        Label s = new Label();
        Label e = new Label();
        Label h = new Label();
        mv.visitTryCatchBlock(s, e, h, IAE);
        line(mv, 30);
        mv.visitLabel(s);
        mv.visitTypeInsn(NEW, name);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, name, "<init>", "(I)V", false);
        mv.visitFieldInsn(GETFIELD, name, "n", "I");
        mv.visitLabel(e);
        mv.visitInsn(IRETURN);
        mv.visitLabel(h);
        mv.visitInsn(POP);
        mv.visitMethodInsn(INVOKESTATIC, name, "after", "()V", false);
        mv.visitInsn(ICONST_M1);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "makeFromString", "(Ljava/lang/String;)I", null, null);
        mv.visitCode();
        line(mv, 40);
        mv.visitTypeInsn(NEW, name);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, name, "<init>", "(Ljava/lang/String;)V", false);
        mv.visitFieldInsn(GETFIELD, name, "n", "I");
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_STATIC, "twice", "(I)I", null, null);
        mv.visitCode();
        line(mv, 50);
        advance(mv, 2);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitInsn(ICONST_2);
        mv.visitInsn(IMUL);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        tickMethod(cw, "after", 4);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * A constructor with two {@code super()} calls on different branches — legal bytecode, not Java — and
     * a throw after the join, inside the catch-all's range.
     *
     * <pre>
     * TwoSupers(boolean big, boolean fail) extends ArrayList {   // calls=1 per create
     *     if (big) super(10); else super();                     // {method java.util.ArrayList.new}
     *     Ticks.advance(1);
     *     if (fail) throw new IllegalStateException();
     * }
     * static void create(boolean big, boolean fail) { new TwoSupers(big, fail); }
     * </pre>
     */
    static byte[] twoSupers() {
        String name = PKG + "TwoSupers";
        ClassWriter cw = writer(ClassWriter.COMPUTE_FRAMES);
        cw.visit(V21, ACC_PUBLIC | ACC_SUPER, name, null, "java/util/ArrayList", null);
        cw.visitSource("TwoSupers.java", null);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "(ZZ)V", null, null);
        mv.visitCode();
        line(mv, 5);
        Label otherwise = new Label();
        Label join = new Label();
        Label ret = new Label();
        mv.visitVarInsn(ILOAD, 1);
        mv.visitJumpInsn(IFEQ, otherwise);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitIntInsn(BIPUSH, 10);
        mv.visitMethodInsn(INVOKESPECIAL, "java/util/ArrayList", "<init>", "(I)V", false);
        mv.visitJumpInsn(GOTO, join);
        mv.visitLabel(otherwise);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, "java/util/ArrayList", "<init>", "()V", false);
        mv.visitLabel(join);
        line(mv, 6);
        advance(mv, 1);
        mv.visitVarInsn(ILOAD, 2);
        mv.visitJumpInsn(IFEQ, ret);
        line(mv, 7);
        throwNew(mv, ISE, null);
        mv.visitLabel(ret);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "create", "(ZZ)V", null, null);
        mv.visitCode();
        line(mv, 10);
        mv.visitTypeInsn(NEW, name);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitMethodInsn(INVOKESPECIAL, name, "<init>", "(ZZ)V", false);
        mv.visitInsn(POP);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * Class-file version 49 (Java 5) with a JSR/RET {@code finally}, as javac 1.4 wrote it; no frames,
     * no source file, no line numbers.
     *
     * <pre>
     * static int body(int x) { if (x &lt; 0) throw new IllegalStateException(); Ticks.advance(1); return x; }
     * static void cleanup() { Ticks.advance(8); }
     * public static int withJsr(int x) { try { return body(x); } finally { cleanup(); } }   // jsr/ret
     * public static int run() {                               // calls=1, returns 15
     *     int r = withJsr(5);
     *     try { withJsr(-1); } catch (IllegalStateException e) { r += 10; }
     *     return r;
     * }
     * </pre>
     */
    static byte[] jsr() {
        String name = PKG + "Jsr";
        ClassWriter cw = writer(ClassWriter.COMPUTE_MAXS);
        cw.visit(V1_5, ACC_PUBLIC | ACC_SUPER, name, null, OBJECT, null);

        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "body", "(I)I", null, null);
        mv.visitCode();
        Label ok = new Label();
        mv.visitVarInsn(ILOAD, 0);
        mv.visitJumpInsn(IFGE, ok);
        throwNew(mv, ISE, null);
        mv.visitLabel(ok);
        advance(mv, 1);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        tickMethod(cw, "cleanup", 8);

        mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "withJsr", "(I)I", null, null);
        mv.visitCode();
        Label l0 = new Label();
        Label l1 = new Label();
        Label handler = new Label();
        Label sub = new Label();
        mv.visitTryCatchBlock(l0, l1, handler, null);
        mv.visitLabel(l0);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitMethodInsn(INVOKESTATIC, name, "body", "(I)I", false);
        mv.visitVarInsn(ISTORE, 1);
        mv.visitLabel(l1);
        mv.visitJumpInsn(JSR, sub);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitInsn(IRETURN);
        mv.visitLabel(handler);
        mv.visitVarInsn(ASTORE, 2);
        mv.visitJumpInsn(JSR, sub);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitInsn(ATHROW);
        mv.visitLabel(sub);
        mv.visitVarInsn(ASTORE, 3);
        mv.visitMethodInsn(INVOKESTATIC, name, "cleanup", "()V", false);
        mv.visitVarInsn(RET, 3);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "run", "()I", null, null);
        mv.visitCode();
        Label s = new Label();
        Label e = new Label();
        Label h = new Label();
        Label end = new Label();
        mv.visitTryCatchBlock(s, e, h, ISE);
        mv.visitInsn(ICONST_5);
        mv.visitMethodInsn(INVOKESTATIC, name, "withJsr", "(I)I", false);
        mv.visitVarInsn(ISTORE, 0);
        mv.visitLabel(s);
        mv.visitInsn(ICONST_M1);
        mv.visitMethodInsn(INVOKESTATIC, name, "withJsr", "(I)I", false);
        mv.visitInsn(POP);
        mv.visitLabel(e);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(h);
        mv.visitInsn(POP);
        mv.visitIincInsn(0, 10);
        mv.visitLabel(end);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * Version 49 with a JSR/RET subroutine of 2,202 bytes called from four exits: 2,243 bytes as written,
     * about 8,850 once the instrumenter has inlined the subroutine at each call.
     *
     * <pre>
     * public static int heavy(int x) { try { return x == 0 ? 1 : x == 1 ? 2 : x == 2 ? 3 : 4; } finally { x += 733; } }
     * public static int small() { return 7; }
     * </pre>
     */
    static byte[] jsrHeavy() {
        String name = PKG + "JsrHeavy";
        ClassWriter cw = writer(ClassWriter.COMPUTE_MAXS);
        cw.visit(V1_5, ACC_PUBLIC | ACC_SUPER, name, null, OBJECT, null);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "heavy", "(I)I", null, null);
        mv.visitCode();
        Label sub = new Label();
        for (int k = 0; k < 3; k++) {
            Label next = new Label();
            mv.visitVarInsn(ILOAD, 0);
            mv.visitIntInsn(BIPUSH, k);
            mv.visitJumpInsn(IF_ICMPNE, next);
            mv.visitJumpInsn(JSR, sub);
            mv.visitIntInsn(BIPUSH, k + 1);
            mv.visitInsn(IRETURN);
            mv.visitLabel(next);
        }
        mv.visitJumpInsn(JSR, sub);
        mv.visitInsn(ICONST_4);
        mv.visitInsn(IRETURN);
        mv.visitLabel(sub);
        mv.visitVarInsn(ASTORE, 1);
        for (int i = 0; i < 733; i++) {
            mv.visitIincInsn(0, 1);
        }
        mv.visitVarInsn(RET, 1);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "small", "()I", null, null);
        mv.visitCode();
        mv.visitIntInsn(BIPUSH, 7);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * Class-file version 50 (Java 6), with a StackMapTable or without one (the verifier then falls back
     * to type inference, which only version 50 allows). Every method has a branch, so with frames every
     * method has a StackMapTable.
     *
     * <pre>
     * static int step(int k) { if (k &lt; 0) return 0; Ticks.advance(1); return k; }
     * static void check(int v) { if (v == 2) throw new IllegalStateException(); }
     * public static int loop(int n) {                         // calls=1; loop(4) returns 0+1+2+3+100
     *     int sum = 0;
     *     for (int k = 0; k &lt; n; k++) {
     *         try { sum += step(k); check(k); } catch (IllegalStateException e) { sum += 100; }
     *     }
     *     return sum;
     * }
     * </pre>
     */
    static byte[] version50(String simpleName, boolean frames) {
        String name = PKG + simpleName;
        ClassWriter cw = writer(frames ? ClassWriter.COMPUTE_FRAMES : ClassWriter.COMPUTE_MAXS);
        cw.visit(V1_6, ACC_PUBLIC | ACC_SUPER, name, null, OBJECT, null);
        cw.visitSource(simpleName + ".java", null);

        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "step", "(I)I", null, null);
        mv.visitCode();
        line(mv, 3);
        Label pos = new Label();
        mv.visitVarInsn(ILOAD, 0);
        mv.visitJumpInsn(IFGE, pos);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(IRETURN);
        mv.visitLabel(pos);
        advance(mv, 1);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_STATIC, "check", "(I)V", null, null);
        mv.visitCode();
        line(mv, 4);
        Label ok = new Label();
        mv.visitVarInsn(ILOAD, 0);
        mv.visitInsn(ICONST_2);
        mv.visitJumpInsn(IF_ICMPNE, ok);
        throwNew(mv, ISE, null);
        mv.visitLabel(ok);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "loop", "(I)I", null, null);
        mv.visitCode();
        line(mv, 5);
        Label cond = new Label();
        Label end = new Label();
        Label s = new Label();
        Label e = new Label();
        Label h = new Label();
        Label next = new Label();
        mv.visitTryCatchBlock(s, e, h, ISE);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, 1);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, 2);
        mv.visitLabel(cond);
        mv.visitVarInsn(ILOAD, 2);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitJumpInsn(IF_ICMPGE, end);
        mv.visitLabel(s);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitVarInsn(ILOAD, 2);
        mv.visitMethodInsn(INVOKESTATIC, name, "step", "(I)I", false);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ISTORE, 1);
        mv.visitVarInsn(ILOAD, 2);
        mv.visitMethodInsn(INVOKESTATIC, name, "check", "(I)V", false);
        mv.visitLabel(e);
        mv.visitJumpInsn(GOTO, next);
        mv.visitLabel(h);
        mv.visitInsn(POP);
        mv.visitIincInsn(1, 100);
        mv.visitLabel(next);
        mv.visitIincInsn(2, 1);
        mv.visitJumpInsn(GOTO, cond);
        mv.visitLabel(end);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * A class whose method {@code static int big(int x)} has exactly {@code codeSize} bytes of code:
     * {@code x = Integer.reverse(x)} repeated (5 bytes each, a timed JDK call), padded with nops; and a
     * small method {@code static int small(int x)} that is instrumented whatever happens to big.
     */
    static byte[] bigMethod(String simpleName, int codeSize) {
        String name = PKG + simpleName;
        ClassWriter cw = writer(ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_SUPER, name, null, OBJECT, null);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "big", "(I)I", null, null);
        mv.visitCode();
        int units = (codeSize - 2) / 5;
        for (int i = 0; i < units; i++) {
            mv.visitVarInsn(ILOAD, 0);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "reverse", "(I)I", false);
            mv.visitVarInsn(ISTORE, 0);
        }
        for (int i = 0; i < (codeSize - 2) % 5; i++) {
            mv.visitInsn(NOP);
        }
        mv.visitVarInsn(ILOAD, 0);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "small", "(I)I", null, null);
        mv.visitCode();
        mv.visitVarInsn(ILOAD, 0);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "reverse", "(I)I", false);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * A class with a generated lookup table in a {@code <clinit>} of {@code 9 + 10 * entries} bytes, and
     * {@code static int get(int i) { return TABLE[i]; }}.
     */
    static byte[] hugeClinit(String simpleName, int entries) {
        String name = PKG + simpleName;
        ClassWriter cw = writer(ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_SUPER, name, null, OBJECT, null);
        cw.visitField(ACC_STATIC | ACC_FINAL, "TABLE", "[I", null, null).visitEnd();
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitIntInsn(SIPUSH, entries);                       // 3 bytes
        mv.visitIntInsn(NEWARRAY, T_INT);                       // 2
        mv.visitFieldInsn(PUTSTATIC, name, "TABLE", "[I");      // 3
        for (int i = 0; i < entries; i++) {
            mv.visitFieldInsn(GETSTATIC, name, "TABLE", "[I");  // 3
            mv.visitIntInsn(SIPUSH, i);                         // 3
            mv.visitIntInsn(SIPUSH, i * 3 % 30000);             // 3
            mv.visitInsn(IASTORE);                              // 1
        }
        mv.visitInsn(RETURN);                                   // 1
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "get", "(I)I", null, null);
        mv.visitCode();
        mv.visitFieldInsn(GETSTATIC, name, "TABLE", "[I");
        mv.visitVarInsn(ILOAD, 0);
        mv.visitInsn(IALOAD);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * {@code static int jump(int x)}: a conditional branch over 39,000 bytes of {@code x++}. No 16-bit
     * branch offset reaches that far: ASM writes {@code ifne +8; goto_w}, and must do so again (with a
     * frame for the instruction it inserts) when the instrumenter writes the class.
     * {@code jump(0) == 0}, {@code jump(1) == 13001}.
     */
    static byte[] longJump() {
        String name = PKG + "LongJump";
        ClassWriter cw = writer(ClassWriter.COMPUTE_FRAMES);
        cw.visit(V17, ACC_PUBLIC | ACC_SUPER, name, null, OBJECT, null);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "jump", "(I)I", null, null);
        mv.visitCode();
        Label far = new Label();
        mv.visitVarInsn(ILOAD, 0);
        mv.visitJumpInsn(IFEQ, far);
        for (int i = 0; i < 13_000; i++) {
            mv.visitIincInsn(0, 1);
        }
        mv.visitLabel(far);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code public static String concat(int n) { return "n=" + n; }} as javac 9+ compiles it: invokedynamic. */
    static byte[] indyConcat() {
        String name = PKG + "Concat";
        ClassWriter cw = writer(ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_SUPER, name, null, OBJECT, null);
        cw.visitSource("Concat.java", null);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "concat", "(I)Ljava/lang/String;", null, null);
        mv.visitCode();
        line(mv, 3);
        mv.visitVarInsn(ILOAD, 0);
        Handle bsm = new Handle(H_INVOKESTATIC, "java/lang/invoke/StringConcatFactory", "makeConcatWithConstants",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                        + "Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;", false);
        mv.visitInvokeDynamicInsn("makeConcatWithConstants", "(I)Ljava/lang/String;", bsm, "n=\u0001");
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * A method with 300 locals, so the probe's token (local 300) and call-site local (301) need
     * {@code wide} loads and stores, and every frame is long.
     *
     * <pre>
     * static int many(String s) { String t = s; int v; try { v = Integer.parseInt(t); } catch (NumberFormatException e) { v = -1; } return v; }
     * </pre>
     * with {@code t} in local 299 and {@code v} in local 298.
     */
    static byte[] manyLocals() {
        String name = PKG + "ManyLocals";
        ClassWriter cw = writer(ClassWriter.COMPUTE_FRAMES);
        cw.visit(V17, ACC_PUBLIC | ACC_SUPER, name, null, OBJECT, null);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "many", "(Ljava/lang/String;)I", null, null);
        mv.visitCode();
        Label s = new Label();
        Label e = new Label();
        Label h = new Label();
        Label join = new Label();
        mv.visitTryCatchBlock(s, e, h, "java/lang/NumberFormatException");
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ASTORE, 299);
        mv.visitLabel(s);
        mv.visitVarInsn(ALOAD, 299);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "parseInt", "(Ljava/lang/String;)I", false);
        mv.visitVarInsn(ISTORE, 298);
        mv.visitLabel(e);
        mv.visitJumpInsn(GOTO, join);
        mv.visitLabel(h);
        mv.visitInsn(POP);
        mv.visitInsn(ICONST_M1);
        mv.visitVarInsn(ISTORE, 298);
        mv.visitLabel(join);
        mv.visitVarInsn(ILOAD, 298);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A module descriptor, {@code module speedkit.test { requires java.base; }}. */
    static byte[] moduleInfo() {
        ClassWriter cw = writer(0);
        cw.visit(V9, ACC_MODULE, "module-info", null, null, null);
        ModuleVisitor mv = cw.visitModule("speedkit.test", 0, null);
        mv.visitRequire("java.base", ACC_MANDATED, null);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code interface Codeless { int size(); }}: no method has code. */
    static byte[] codelessInterface() {
        ClassWriter cw = writer(0);
        cw.visit(V17, ACC_PUBLIC | ACC_ABSTRACT | ACC_INTERFACE, PKG + "Codeless", null, OBJECT, null);
        cw.visitMethod(ACC_PUBLIC | ACC_ABSTRACT, "size", "()I", null, null).visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * An exception handler whose first instruction is {@code new} — the exception stays on the stack,
     * unused — with a branch between the {@code new} and its {@code <init>}, so a stack-map frame names
     * the uninitialised object by the offset of that {@code new}, which is also the handler's offset.
     * javac always stores the exception first; other compilers and obfuscators need not.
     *
     * <pre>
     * static void fail() { throw new IllegalStateException(); }
     * public static void wrap(boolean b) {
     *     try { fail(); } catch (IllegalStateException e) { throw new IllegalArgumentException(b ? "a" : "b"); }
     * }
     * </pre>
     */
    static byte[] newFirstInHandler() {
        String name = PKG + "NewInHandler";
        ClassWriter cw = writer(ClassWriter.COMPUTE_FRAMES);
        cw.visit(V17, ACC_PUBLIC | ACC_SUPER, name, null, OBJECT, null);
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "fail", "()V", null, null);
        mv.visitCode();
        throwNew(mv, ISE, null);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "wrap", "(Z)V", null, null);
        mv.visitCode();
        Label s = new Label();
        Label e = new Label();
        Label h = new Label();
        Label other = new Label();
        Label join = new Label();
        mv.visitTryCatchBlock(s, e, h, ISE);
        mv.visitLabel(s);
        mv.visitMethodInsn(INVOKESTATIC, name, "fail", "()V", false);
        mv.visitLabel(e);
        mv.visitInsn(RETURN);
        mv.visitLabel(h);
        mv.visitTypeInsn(NEW, IAE);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitJumpInsn(IFEQ, other);
        mv.visitLdcInsn("a");
        mv.visitJumpInsn(GOTO, join);
        mv.visitLabel(other);
        mv.visitLdcInsn("b");
        mv.visitLabel(join);
        mv.visitMethodInsn(INVOKESPECIAL, IAE, "<init>", "(Ljava/lang/String;)V", false);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * A class named like a JDK proxy ({@code $Proxy12}), without a SourceFile attribute, as
     * {@code java.lang.reflect.Proxy} generates them; one method {@code int greet()}.
     */
    static byte[] proxyNamed() {
        ClassWriter cw = writer(ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, PKG + "$Proxy12", null, OBJECT, null);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "greet", "()I", null, null);
        mv.visitCode();
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Overloads without line numbers or source file: {@code f(int)}, {@code f(String)}, and {@code g()}. */
    static byte[] overloadsWithoutLines() {
        String name = PKG + "Overloads";
        ClassWriter cw = writer(ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_SUPER, name, null, OBJECT, null);
        for (String desc : new String[] {"(I)V", "(Ljava/lang/String;)V"}) {
            MethodVisitor mv = cw.visitMethod(ACC_STATIC, "f", desc, null, null);
            mv.visitCode();
            mv.visitInsn(RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "g", "()V", null, null);
        mv.visitCode();
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}

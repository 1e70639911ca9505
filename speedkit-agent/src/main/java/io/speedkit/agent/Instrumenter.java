package io.speedkit.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.JSRInlinerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Adds probe calls to every method of a class, without ever computing a stack-map frame:
 *
 * <pre>
 *   int t = Probe.enter(ID)          offset 0; t lives in a new local after all existing ones
 *   Probe.exit(t)                    before every return (the return value stays on the stack)
 *   Probe.repair(t)                  first instruction of every existing exception handler
 *   int s = Probe.enter(JDK_ID)      just before a timed call into the JDK (its arguments already
 *   invoke...                        pushed), then Probe.exit(s) just after it — no handler: if the
 *   Probe.exit(s)                    call throws, repair or the catch-all closes its frame
 *   catch-all handler, LAST in the exception table so the method's own handlers keep priority:
 *       Probe.exit(t); athrow        its frame: every local TOP except t, stack [Throwable]
 * </pre>
 *
 * Every existing frame only gains {@code t} as an int (and TOPs up to it); the one new frame is the
 * catch-all's, whose contents are known without analysis. So no class is ever loaded to merge types.
 *
 * <p>Constructors: the catch-all covers only instructions that run after {@code super()}/{@code this()}
 * (JDK 25 allows statements, branches and throws before it; the verifier rejects a handler there).
 * An exception before it leaves the frame open, and the caller's exit or repair closes it.
 *
 * <p>Degradation, never failure: a method that would exceed 64 KiB, or grow past HotSpot's 8000-byte
 * limit for JIT compilation, loses its call-site timing, then its instrumentation; a class that cannot be
 * written at all is reported to the caller, which leaves it as it was.
 */
public final class Instrumenter {
    /** A class attribute (ignored by the JVM) marking classes this agent already instrumented. */
    static final String MARKER = "io.speedkit.Instrumented";
    /** HotSpot does not JIT-compile larger methods ({@code -XX:+DontCompileHugeMethods}, the default). */
    static final int HUGE_METHOD_LIMIT = 8000;

    private final String probe;
    private final FunctionTable table;
    private final JdkCalls jdk;

    /**
     * @param probe internal name of the probe class the inserted code calls ({@code java/lang/SpeedkitProbe}
     *              in a profiled JVM)
     */
    Instrumenter(String probe, FunctionTable table, JdkCalls jdk) {
        this.probe = probe;
        this.table = table;
        this.jdk = jdk;
    }

    /** The instrumented class, and what had to be given up on the way. */
    record Result(byte[] bytes, List<String> notes) {
    }

    /**
     * Instruments a class file.
     *
     * @return the new class, or null when there is nothing to instrument (an interface without code,
     *         a module descriptor, a JDK proxy, a class already instrumented)
     * @throws RuntimeException when the class cannot be instrumented at all; the caller leaves it alone
     */
    Result instrument(byte[] classfile) {
        ClassReader cr = new ClassReader(classfile);
        if ((cr.getAccess() & Opcodes.ACC_MODULE) != 0 || "java/lang/reflect/Proxy".equals(cr.getSuperName())) {
            // A module descriptor; or a JDK dynamic proxy: generated glue like a lambda's class (those never
            // reach a transformer), whose InvocationHandler is the program's code and is instrumented.
            return null;
        }
        Map<String, Integer> originalSizes = originalSizes(cr);
        Map<String, Integer> ids = null;
        Set<String> noCallSites = new HashSet<>();
        Set<String> untouched = new HashSet<>();
        List<String> notes = new ArrayList<>();
        for (int attempt = 0; attempt < 64; attempt++) {
            ClassNode cn = read(cr);
            if (isMarked(cn)) {
                return null;
            }
            if (ids == null) {
                ids = register(cn);
                if (ids.isEmpty()) {
                    return null;
                }
            }
            boolean frames = (cn.version & 0xFFFF) >= Opcodes.V1_7;
            for (MethodNode mn : cn.methods) {
                String key = mn.name + mn.desc;
                Integer id = ids.get(key);
                if (id == null || untouched.contains(key)) {
                    continue;
                }
                try {
                    instrumentMethod(cn.name, mn, id, !noCallSites.contains(key), frames || hasFrames(mn, cn.version));
                } catch (AnalyzerException | RuntimeException e) {
                    throw new IllegalStateException("cannot analyse " + mn.name + mn.desc + ": " + e.getMessage(), e);
                }
            }
            if (cn.attrs == null) {
                cn.attrs = new ArrayList<>();
            }
            cn.attrs.add(new Marker());
            byte[] out;
            try {
                out = write(cn);
            } catch (MethodTooLargeException e) {
                String key = e.getMethodName() + e.getDescriptor();
                notes.add(degrade(key, noCallSites, untouched, "would exceed 64 KiB"));
                continue;
            } catch (ClassTooLargeException e) {
                throw new IllegalStateException("the instrumented class would exceed the class-file limits ("
                        + e.getConstantPoolCount() + " constants)", e);
            }
            boolean again = false;
            for (Map.Entry<String, Integer> e : CodeSizes.of(new ClassReader(out)).entrySet()) {
                Integer before = originalSizes.get(e.getKey());
                if (before != null && before <= HUGE_METHOD_LIMIT && e.getValue() > HUGE_METHOD_LIMIT) {
                    notes.add(degrade(e.getKey(), noCallSites, untouched, "would grow past HotSpot's 8000-byte JIT limit"));
                    again = true;
                }
            }
            if (!again) {
                return new Result(out, notes);
            }
        }
        throw new IllegalStateException("could not fit the instrumented methods in the class-file limits");
    }

    /**
     * Method sizes before instrumentation, as this instrumenter will write them: for a class file older
     * than Java 7 that is after JSR/RET inlining, which alone may take a method past 8000 bytes — a size
     * the instrumentation must not be blamed (and degraded) for.
     */
    private static Map<String, Integer> originalSizes(ClassReader cr) {
        if (cr.readUnsignedShort(6) >= Opcodes.V1_7) {
            return CodeSizes.of(cr);
        }
        try {
            return CodeSizes.of(new ClassReader(write(read(cr))));
        } catch (RuntimeException e) {
            return CodeSizes.of(cr);
        }
    }

    private static String degrade(String key, Set<String> noCallSites, Set<String> untouched, String why) {
        if (noCallSites.add(key)) {
            return key + " " + why + ": its JDK calls are not timed";
        }
        untouched.add(key);
        return key + " " + why + ": left uninstrumented";
    }

    private static ClassNode read(ClassReader cr) {
        boolean old = (cr.readUnsignedShort(6)) < Opcodes.V1_7;
        ClassNode cn = new ClassNode(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
                // Class files before Java 7 may use JSR/RET for finally blocks; inlining them leaves code
                // that the rest of the instrumenter (and the analyzer) can treat like any other.
                return old ? new JSRInlinerAdapter(mv, access, name, desc, signature, exceptions) : mv;
            }
        };
        cr.accept(cn, ClassReader.EXPAND_FRAMES);
        return cn;
    }

    private static byte[] write(ClassNode cn) {
        ClassWriter cw = new ClassWriter(0) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                // HAZARD: answering would load classes inside the transformer (wrong loader, circularity,
                // duplicate definitions). Frames are never computed, so this is never needed.
                throw new IllegalStateException("frames are never computed: " + type1 + ", " + type2);
            }
        };
        cn.accept(cw);
        return cw.toByteArray();
    }

    private static boolean isMarked(ClassNode cn) {
        if (cn.attrs != null) {
            for (Attribute a : cn.attrs) {
                if (MARKER.equals(a.type)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Version-50 methods may carry frames or not; the verifier falls back to inference for those without. */
    private static boolean hasFrames(MethodNode mn, int version) {
        if ((version & 0xFFFF) < Opcodes.V1_6) {
            return false;
        }
        for (AbstractInsnNode n = mn.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof FrameNode) {
                return true;
            }
        }
        return false;
    }

    /** Registers every instrumentable method; returns their ids by name + descriptor. */
    private Map<String, Integer> register(ClassNode cn) {
        String file = MethodNames.file(cn.name, cn.sourceFile);
        List<MethodNode> methods = new ArrayList<>();
        Map<String, Integer> sameName = new HashMap<>();
        for (MethodNode mn : cn.methods) {
            if ((mn.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) != 0 || mn.instructions.size() == 0) {
                continue; // no code, or a bridge: counting a bridge would count every call through it twice
            }
            methods.add(mn);
            String lineAndName = firstLine(mn) + " " + MethodNames.name(cn.name, mn.name, mn.desc, false);
            Integer seen = sameName.get(lineAndName);
            sameName.put(lineAndName, seen == null ? 1 : seen + 1);
        }
        Map<String, Integer> ids = new HashMap<>();
        for (MethodNode mn : methods) {
            int line = firstLine(mn);
            String plain = MethodNames.name(cn.name, mn.name, mn.desc, false);
            // Overloads that share a first line (generated code, no debug info) would merge into one row.
            boolean clash = sameName.get(line + " " + plain) > 1;
            ids.put(mn.name + mn.desc, table.register(file, line, clash ? MethodNames.name(cn.name, mn.name, mn.desc, true) : plain));
        }
        return ids;
    }

    private static int firstLine(MethodNode mn) {
        int min = Integer.MAX_VALUE;
        for (AbstractInsnNode n = mn.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof LineNumberNode ln) {
                min = Math.min(min, ln.line);
            }
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    private void instrumentMethod(String owner, MethodNode mn, int id, boolean timeCalls, boolean frames) throws AnalyzerException {
        InsnList insns = mn.instructions;
        int token = mn.maxLocals;
        int site = token + 1;
        if (site + 1 > 0xFFFF) {
            return;
        }
        boolean ctor = "<init>".equals(mn.name);
        // Computed on the untouched code: which instructions run with `this` initialised.
        Set<AbstractInsnNode> initialised = ctor ? initialisedThis(owner, mn) : null;
        List<TryCatchBlockNode> ownHandlers = new ArrayList<>(mn.tryCatchBlocks);
        AbstractInsnNode[] code = insns.toArray();

        // The catch-all's ranges: the whole body, or, in a constructor, each run of initialised instructions.
        List<LabelNode[]> ranges = new ArrayList<>();
        if (!ctor) {
            LabelNode start = new LabelNode();
            LabelNode end = new LabelNode();
            insns.insert(start);
            insns.add(end);
            ranges.add(new LabelNode[] {start, end});
        } else {
            AbstractInsnNode runStart = null;
            AbstractInsnNode runEnd = null;
            for (AbstractInsnNode n : code) {
                if (n.getOpcode() < 0) {
                    continue;
                }
                if (initialised.contains(n)) {
                    if (runStart == null) {
                        runStart = n;
                    }
                    runEnd = n;
                } else if (runStart != null) {
                    ranges.add(bracket(insns, runStart, runEnd));
                    runStart = null;
                }
            }
            if (runStart != null) {
                ranges.add(bracket(insns, runStart, runEnd));
            }
        }

        if (frames) {
            for (AbstractInsnNode n : code) {
                if (n instanceof FrameNode f) {
                    addTokenToFrame(f, token);
                }
            }
        }
        for (AbstractInsnNode n : code) {
            int op = n.getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                insns.insertBefore(n, exit(token));
            } else if (timeCalls && n instanceof MethodInsnNode m) {
                int f = jdk.functionFor(op, m.owner, m.name);
                if (f >= 0) {
                    InsnList before = new InsnList();
                    before.add(pushInt(f));
                    before.add(new MethodInsnNode(Opcodes.INVOKESTATIC, probe, "enter", "(I)I", false));
                    before.add(new VarInsnNode(Opcodes.ISTORE, site));
                    insns.insertBefore(m, before);
                    insns.insert(m, exit(site));
                }
            }
        }
        Set<LabelNode> handlerLabels = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TryCatchBlockNode tcb : ownHandlers) {
            if (handlerLabels.add(tcb.handler)) {
                insertRepair(mn, tcb.handler, token);
            }
        }

        InsnList entry = new InsnList();
        entry.add(pushInt(id));
        entry.add(new MethodInsnNode(Opcodes.INVOKESTATIC, probe, "enter", "(I)I", false));
        entry.add(new VarInsnNode(Opcodes.ISTORE, token));
        insns.insert(entry);

        if (!ranges.isEmpty()) {
            LabelNode handler = new LabelNode();
            insns.add(handler);
            if (frames) {
                Object[] locals = new Object[token + 1];
                java.util.Arrays.fill(locals, Opcodes.TOP);
                locals[token] = Opcodes.INTEGER;
                insns.add(new FrameNode(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"}));
            }
            insns.add(exit(token));
            insns.add(new InsnNode(Opcodes.ATHROW));
            for (LabelNode[] r : ranges) {
                // Added last: the JVM takes the first matching entry, so the method's own handlers stay first.
                mn.tryCatchBlocks.add(new TryCatchBlockNode(r[0], r[1], handler, null));
            }
        }
        mn.maxLocals = token + 2;
        mn.maxStack = Math.max(mn.maxStack + 1, 2);
    }

    /**
     * Inserts {@code Probe.repair(t)} as the first instruction of a handler. HAZARD: a label that marks a
     * {@code new} may name an uninitialised object in later frames ({@code Uninitialized(label)}); such a
     * label must stay on the {@code new}, so frames referring to the handler's labels are pointed at a
     * fresh label placed after the inserted code. (javac stores the exception first; other compilers and
     * obfuscators need not.)
     */
    private void insertRepair(MethodNode mn, LabelNode handler, int token) {
        InsnList insns = mn.instructions;
        Set<LabelNode> labels = Collections.newSetFromMap(new IdentityHashMap<>());
        AbstractInsnNode first = handler;
        while (first != null && first.getOpcode() < 0) {
            if (first instanceof LabelNode l) {
                labels.add(l);
            }
            first = first.getNext();
        }
        if (first == null) {
            return;
        }
        InsnList repair = new InsnList();
        repair.add(new VarInsnNode(Opcodes.ILOAD, token));
        repair.add(new MethodInsnNode(Opcodes.INVOKESTATIC, probe, "repair", "(I)V", false));
        insns.insertBefore(first, repair);
        if (first.getOpcode() == Opcodes.NEW) {
            LabelNode atNew = new LabelNode();
            insns.insertBefore(first, atNew);
            for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
                if (n instanceof FrameNode f) {
                    f.local = relabel(f.local, labels, atNew);
                    f.stack = relabel(f.stack, labels, atNew);
                }
            }
        }
    }

    private static List<Object> relabel(List<Object> types, Set<LabelNode> from, LabelNode to) {
        if (types == null) {
            return null;
        }
        List<Object> out = new ArrayList<>(types.size());
        for (Object t : types) {
            out.add(t instanceof LabelNode l && from.contains(l) ? to : t);
        }
        return out;
    }

    private static LabelNode[] bracket(InsnList insns, AbstractInsnNode first, AbstractInsnNode last) {
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        insns.insertBefore(first, start);
        insns.insert(last, end);
        return new LabelNode[] {start, end};
    }

    private InsnList exit(int local) {
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.ILOAD, local));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, probe, "exit", "(I)V", false));
        return l;
    }

    /** Declares the token local (an int at slot {@code token}) in an existing frame, with TOP up to it. */
    private static void addTokenToFrame(FrameNode f, int token) {
        List<Object> locals = f.local == null ? new ArrayList<>() : new ArrayList<>(f.local);
        int slots = 0;
        for (Object o : locals) {
            slots += (o == Opcodes.LONG || o == Opcodes.DOUBLE) ? 2 : 1;
        }
        if (slots > token) {
            throw new IllegalStateException("a frame declares " + slots + " locals but the method has " + token);
        }
        while (slots < token) {
            locals.add(Opcodes.TOP);
            slots++;
        }
        locals.add(Opcodes.INTEGER);
        f.local = locals;
    }

    /** Constants ids as the smallest instruction: no constant-pool entry below 32768. */
    private static AbstractInsnNode pushInt(int v) {
        if (v >= -1 && v <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + v);
        }
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, v);
        }
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, v);
        }
        return new LdcInsnNode(v);
    }

    /**
     * The instructions of a constructor that run with {@code this} initialised on every path: those after a
     * {@code super(...)}/{@code this(...)} call, i.e. an {@code invokespecial <init>} whose receiver is the
     * (never reassigned) local 0. A must-analysis over the control flow, exception edges included.
     */
    static Set<AbstractInsnNode> initialisedThis(String owner, MethodNode mn) throws AnalyzerException {
        AbstractInsnNode[] code = mn.instructions.toArray();
        int n = code.length;
        Set<AbstractInsnNode> result = Collections.newSetFromMap(new IdentityHashMap<>());
        for (AbstractInsnNode x : code) {
            if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE && v.var == 0) {
                return result; // `this` reassigned: no safe range; exits on returns only
            }
        }
        Frame<SourceValue>[] frames = new Analyzer<>(new SourceInterpreter()).analyze(owner, mn);
        boolean[] isSuperCall = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (code[i] instanceof MethodInsnNode m && m.getOpcode() == Opcodes.INVOKESPECIAL && "<init>".equals(m.name)
                    && frames[i] != null) {
                Frame<SourceValue> f = frames[i];
                SourceValue receiver = f.getStack(f.getStackSize() - 1 - Type.getArgumentTypes(m.desc).length);
                boolean fromThis = !receiver.insns.isEmpty();
                for (AbstractInsnNode src : receiver.insns) {
                    if (!(src instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == 0)) {
                        fromThis = false;
                    }
                }
                isSuperCall[i] = fromThis;
            }
        }
        Map<AbstractInsnNode, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(code[i], i);
        }
        List<List<Integer>> handlersOf = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            handlersOf.add(null);
        }
        for (TryCatchBlockNode t : mn.tryCatchBlocks) {
            int h = index.get(t.handler);
            for (int i = index.get(t.start); i < index.get(t.end); i++) {
                if (handlersOf.get(i) == null) {
                    handlersOf.set(i, new ArrayList<>());
                }
                handlersOf.get(i).add(h);
            }
        }
        // in[i]: `this` is initialised whenever control reaches i. Starts true ("not yet disproved")
        // everywhere but the entry, and only ever turns false.
        boolean[] in = new boolean[n];
        java.util.Arrays.fill(in, true);
        int[] work = new int[n + 1];
        int top = 0;
        if (n > 0) {
            in[0] = false;
            work[top++] = 0;
        }
        boolean[] queued = new boolean[n];
        while (top > 0) {
            int i = work[--top];
            queued[i] = false;
            boolean out = in[i] || isSuperCall[i];
            if (handlersOf.get(i) != null && !in[i]) {
                for (int h : handlersOf.get(i)) {
                    if (in[h]) {
                        in[h] = false;
                        if (!queued[h]) {
                            queued[h] = true;
                            work[top++] = h;
                        }
                    }
                }
            }
            if (out) {
                continue;
            }
            for (int s : successors(code, i, index)) {
                if (in[s]) {
                    in[s] = false;
                    if (!queued[s]) {
                        queued[s] = true;
                        work[top++] = s;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (in[i] && frames[i] != null && code[i].getOpcode() >= 0) {
                result.add(code[i]);
            }
        }
        return result;
    }

    private static int[] successors(AbstractInsnNode[] code, int i, Map<AbstractInsnNode, Integer> index) {
        AbstractInsnNode x = code[i];
        int op = x.getOpcode();
        if (x instanceof JumpInsnNode j) {
            int target = index.get(j.label);
            return op == Opcodes.GOTO || i + 1 >= code.length ? new int[] {target} : new int[] {target, i + 1};
        }
        if (x instanceof TableSwitchInsnNode t) {
            int[] out = new int[t.labels.size() + 1];
            out[0] = index.get(t.dflt);
            for (int k = 0; k < t.labels.size(); k++) {
                out[k + 1] = index.get(t.labels.get(k));
            }
            return out;
        }
        if (x instanceof LookupSwitchInsnNode l) {
            int[] out = new int[l.labels.size() + 1];
            out[0] = index.get(l.dflt);
            for (int k = 0; k < l.labels.size(); k++) {
                out[k + 1] = index.get(l.labels.get(k));
            }
            return out;
        }
        if ((op >= Opcodes.IRETURN && op <= Opcodes.RETURN) || op == Opcodes.ATHROW || op == Opcodes.RET) {
            return new int[0];
        }
        return i + 1 < code.length ? new int[] {i + 1} : new int[0];
    }

    /** The marker attribute: empty; the JVM ignores attributes it does not know. */
    static final class Marker extends Attribute {
        Marker() {
            super(MARKER);
        }

        @Override
        protected ByteVector write(ClassWriter classWriter, byte[] code, int codeLength, int maxStack, int maxLocals) {
            return new ByteVector();
        }
    }
}

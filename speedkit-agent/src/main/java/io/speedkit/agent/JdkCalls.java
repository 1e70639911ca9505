package io.speedkit.agent;

import io.speedkit.profiler.agent.AgentOptions;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Opcodes;

/**
 * Decides which call sites into the JDK are timed, and names them in cProfile's braces style:
 * {@code {method java.lang.String.split}} for instance methods, {@code {built-in method java.lang.Math.max}}
 * for static ones, {@code {method java.util.ArrayList.new}} for constructors.
 *
 * <p>A call is a JDK call when the owner named at the call site is in a package of a JDK module; the
 * owner is taken from the bytecode, never resolved (resolving would load classes inside the transformer).
 * So {@code list.add(x)} on a {@code List} is a JDK call even when the list is the program's own class:
 * the program's {@code add} then shows under the JDK row, as a Python method shows under a built-in that
 * called it.
 *
 * <p>In the default mode a few calls are not timed: methods so cheap that the two clock reads would be the
 * whole cost and the row noise — {@code Object.<init>}, {@code Record.<init>}, {@code Enum.<init>} (the
 * super call of every constructor, record and enum), boxing and
 * unboxing, the for-each loop's {@code Iterator.hasNext/next}, {@code Math}, {@code String.length/charAt},
 * the clocks. Their time stays in the caller's tottime, like an inlined operation; the list is saved in
 * the profile's metadata.
 */
final class JdkCalls {
    /** The untimed calls of the default mode, as {@code owner.name}; "owner.*" covers every method of a class. */
    static final Set<String> TRIVIAL = Set.of(
            "java/lang/Object.<init>", "java/lang/Record.<init>", "java/lang/Enum.<init>",
            "java/lang/Integer.valueOf", "java/lang/Long.valueOf", "java/lang/Short.valueOf", "java/lang/Byte.valueOf",
            "java/lang/Character.valueOf", "java/lang/Boolean.valueOf", "java/lang/Float.valueOf", "java/lang/Double.valueOf",
            "java/lang/Integer.intValue", "java/lang/Long.longValue", "java/lang/Short.shortValue", "java/lang/Byte.byteValue",
            "java/lang/Character.charValue", "java/lang/Boolean.booleanValue", "java/lang/Float.floatValue",
            "java/lang/Double.doubleValue", "java/lang/Number.intValue", "java/lang/Number.longValue",
            "java/lang/Number.doubleValue", "java/lang/Number.floatValue",
            "java/util/Iterator.hasNext", "java/util/Iterator.next",
            "java/lang/Math.*", "java/lang/StrictMath.*",
            "java/lang/String.length", "java/lang/String.charAt", "java/lang/String.isEmpty",
            "java/lang/System.nanoTime", "java/lang/System.currentTimeMillis", "java/lang/System.arraycopy",
            "java/lang/System.identityHashCode", "java/util/Objects.requireNonNull",
            "java/lang/Thread.currentThread", "java/lang/Thread.onSpinWait");

    /** How {@link #TRIVIAL} reads in the profile's metadata. */
    static final String TRIVIAL_DESCRIPTION = "Object/Record/Enum.<init>, boxing and unboxing, Iterator.hasNext/next, Math.*, StrictMath.*, "
            + "String.length/charAt/isEmpty, System.nanoTime/currentTimeMillis/arraycopy/identityHashCode, "
            + "Objects.requireNonNull, Thread.currentThread/onSpinWait";

    private final Set<String> jdkPackages;
    private final AgentOptions.JdkCalls mode;
    private final FunctionTable table;
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();

    JdkCalls(Set<String> jdkPackages, AgentOptions.JdkCalls mode, FunctionTable table) {
        this.jdkPackages = jdkPackages;
        this.mode = mode;
        this.table = table;
    }

    /** True when {@code internalName} is a class of a JDK module. */
    boolean isJdkClass(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash > 0 && jdkPackages.contains(internalName.substring(0, slash));
    }

    /** The function id to time a call to {@code owner.name} with, or -1 when the call is not timed. */
    int functionFor(int opcode, String owner, String name) {
        if (mode == AgentOptions.JdkCalls.NONE || owner.startsWith("[") || !isJdkClass(owner)) {
            return -1;
        }
        if (mode == AgentOptions.JdkCalls.DEFAULT && (TRIVIAL.contains(owner + "." + name) || TRIVIAL.contains(owner + ".*"))) {
            return -1;
        }
        String kind;
        String member;
        if ("<init>".equals(name)) {
            kind = "method ";
            member = "new";
        } else {
            kind = opcode == Opcodes.INVOKESTATIC ? "built-in method " : "method ";
            member = name;
        }
        String description = kind + owner.replace('/', '.') + "." + member;
        Integer id = ids.get(description);
        if (id == null) {
            synchronized (ids) {
                id = ids.get(description);
                if (id == null) {
                    id = table.register("~", 0, "<" + description + ">");
                    ids.put(description, id);
                }
            }
        }
        return id;
    }
}

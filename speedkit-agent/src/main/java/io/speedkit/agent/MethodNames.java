package io.speedkit.agent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.Type;

/**
 * Readable names for profile rows: {@code Class.method}, with the class named as in a stack trace but
 * without its package (the package is in the row's file name, {@code com/acme/Foo.java}).
 *
 * <ul>
 *   <li>constructors: {@code Point.<init>} reads {@code Point.new};
 *   <li>static initialisers: {@code Point.<clinit>} reads {@code Point.static};
 *   <li>lambda bodies: javac's {@code lambda$main$0} in {@code Main} reads {@code Main.main.lambda$0}
 *       ({@code lambda$new$0} and {@code lambda$static$0} follow the two rules above);
 *   <li>generated classes whose names change on every run ({@code $Proxy12},
 *       {@code Foo$$EnhancerByCGLIB$$1a2b3c}, {@code Foo$ByteBuddy$abc123}) lose the changing suffix, so two
 *       runs can be compared.
 * </ul>
 */
final class MethodNames {
    private static final Pattern LAMBDA = Pattern.compile("lambda\\$(.+)\\$(\\d+)");
    private static final Pattern GENERATED = Pattern.compile(
            "(\\$Proxy)\\d+|(\\$\\$[A-Za-z]+By[A-Za-z]+\\$\\$)[0-9a-fA-F]+|(\\$ByteBuddy\\$)[A-Za-z0-9]+|(\\$\\$Lambda)[$/].*");

    private MethodNames() {
    }

    /** The class part: internal name without package, generated suffixes removed. */
    static String className(String internalName) {
        String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
        Matcher m = GENERATED.matcher(simple);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String keep = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            m.appendReplacement(sb, Matcher.quoteReplacement(keep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The member part for a method name. */
    static String member(String methodName) {
        switch (methodName) {
            case "<init>":
                return "new";
            case "<clinit>":
                return "static";
            default:
                Matcher m = LAMBDA.matcher(methodName);
                if (m.matches()) {
                    return member(enclosing(m.group(1))) + ".lambda$" + m.group(2);
                }
                return methodName;
        }
    }

    private static String enclosing(String javacName) {
        switch (javacName) {
            case "new":
                return "<init>";
            case "static":
                return "<clinit>";
            default:
                return javacName;
        }
    }

    /** {@code Class.member}, with the parameter types appended when {@code withParameters} (overloads on one line). */
    static String name(String internalClassName, String methodName, String descriptor, boolean withParameters) {
        String base = className(internalClassName) + "." + member(methodName);
        if (!withParameters) {
            return base;
        }
        StringBuilder sb = new StringBuilder(base).append('(');
        Type[] args = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String t = args[i].getClassName();
            sb.append(t.substring(t.lastIndexOf('.') + 1));
        }
        return sb.append(')').toString();
    }

    /**
     * The file part of the key: package path plus the source file, {@code com/acme/Foo.java}. A source
     * file name that is a path already (Jython writes {@code json/encoder.py}) is used as it is. A class
     * without one (generated at run time, or stripped) is named after its class file,
     * {@code org/mozilla/javascript/gen/script_1.class}: there is no source to point to.
     */
    static String file(String internalClassName, String sourceFile) {
        int slash = internalClassName.lastIndexOf('/');
        String pkg = slash < 0 ? "" : internalClassName.substring(0, slash + 1);
        if (sourceFile == null || sourceFile.isEmpty()) {
            return pkg + className(internalClassName) + ".class"; // $Proxy12 -> $Proxy: the same file in every run
        }
        return sourceFile.indexOf('/') >= 0 ? sourceFile : pkg + sourceFile;
    }
}

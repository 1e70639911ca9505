package io.speedkit.timeit.snippet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compile tests, as JMH has them: programs the snippet compiler accepts (and what it makes of them) and
 * programs it rejects (with javac's message against the snippet's own lines).
 */
class SnippetCompilerTest {
    private static final SnippetCompiler COMPILER = new SnippetCompiler();

    private static CompiledSnippet compile(String setup, String statement) throws SnippetCompileException {
        return COMPILER.compile(new Snippet(setup, statement));
    }

    private static String rejected(String setup, String statement) {
        return assertThrows(SnippetCompileException.class, () -> compile(setup, statement)).getMessage();
    }

    /** The body of a generated method, one trimmed line per element, blank lines dropped. */
    private static List<String> body(CompiledSnippet c, String method) {
        String src = c.source();
        int start = src.indexOf('\n', src.indexOf(method)) + 1;
        int end = src.indexOf("\n    }\n", start);
        return src.substring(start, end).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    // ---------------------------------------------------------------------------------------------
    // accepted

    @Test
    void seedSwap_consumesAssignmentsAndLocals() throws Exception {
        CompiledSnippet c = compile("", "int a = 42, b = 101; int t = a; a = b; b = t;");
        assertEquals(List.of("int a = 42, b = 101; int t = a; $consume(a = b); $consume(b = t);",
                "$consume(a); $consume(b); $consume(t);"), body(c, "void $stmt()"));
        assertEquals(List.of(), c.fields());
        assertEquals("statement:1", c.where(lineOf(c, "$consume(a); $consume(b)")));
    }

    @Test
    void setupVariables_becomeNonFinalFieldsAssignedOnTheirOwnLines() throws Exception {
        CompiledSnippet c = compile("double x = 2.0;\nfinal long k\n   = 5;", "Math.sqrt(x) + k");
        assertEquals(List.of("double x", "long k"), c.fields());
        assertEquals(List.of("x = 2.0;", "k = 5;"), body(c, "void $setup()"));
        assertEquals(List.of("$consume(Math.sqrt(x) + k);"), body(c, "void $stmt()"));
        assertEquals("setup:1", c.where(lineOf(c, "x = 2.0;")));
        assertEquals("setup:3", c.where(lineOf(c, "k = 5;")), "an initialiser stays on its line");
    }

    @Test
    void setupVariables_areNotConstantFolded() throws Throwable {
        // With `final int k = 3` as a local, javac itself folds k + 1 to 4 and the JIT never sees a read.
        CompiledSnippet c = compile("final int k = 3; double x = 2;", "Math.sqrt(x) + k + 1");
        Class<?> cls = load(c);
        for (String name : List.of("k", "x")) {
            Field f = cls.getDeclaredField(name);
            assertFalse(Modifier.isFinal(f.getModifiers()), name + " must not be final: a final field of a constant is folded");
            assertFalse(Modifier.isStatic(f.getModifiers()), name + " must be an instance field");
        }
        assertTrue(Modifier.isVolatile(SnippetBase.class.getDeclaredField("$halt").getModifiers()));
        // the hoisting guard: the loop's exit test reads the volatile flag in every iteration
        List<String> loop = body(c, "void $loop(long $n)");
        assertTrue(loop.contains("$stmt();"), loop.toString());
        assertTrue(loop.contains("} while (!$halt & $i != 0);"), loop.toString());
        SnippetBase s = (SnippetBase) cls.getDeclaredConstructor().newInstance();
        s.$setup();
        Field k = cls.getDeclaredField("k");
        k.setAccessible(true);
        assertEquals(3, k.getInt(s));
    }

    @Test
    void var_getsTheInferredType() throws Exception {
        CompiledSnippet c = compile("var l = new ArrayList<Integer>(List.of(1, 2, 3)); var m = Map.of(\"a\", 1);\n"
                + "List<? extends Number> nums = List.of(1, 2.0); var n = nums.get(0);", "l.size() + m.size() + n.intValue()");
        assertEquals(List.of("java.util.ArrayList<java.lang.Integer> l", "java.util.Map<java.lang.String, java.lang.Integer> m",
                "java.util.List<? extends java.lang.Number> nums", "java.lang.Number n"), c.fields());
    }

    @Test
    void arrayInitialisersAndDeclarationsWithoutValue() throws Exception {
        CompiledSnippet c = compile("int[] arr = {1, 2}, none; int plain; plain = 4;", "arr[0] + plain");
        assertEquals(List.of("int[] arr", "int[] none", "int plain"), c.fields());
        assertEquals(List.of("arr = new int[] {1, 2};  plain = 4;"), body(c, "void $setup()"));
        // Definite assignment is Java's, as if the setup's variables were still locals:
        assertTrue(rejected("int count;", "count++").contains("variable count might not have been initialized"));
    }

    @Test
    void localClassesOfTheSetupBecomeMembers() throws Exception {
        CompiledSnippet c = compile("record P(int x) {}\nP p = new P(3);", "p.x()");
        assertEquals(List.of("P p"), c.fields());
        assertTrue(c.source().contains("\nrecord P(int x) {}\n"), c.source());
        assertTrue(c.classes().containsKey("$Snippet$P"), c.classes().keySet().toString());
    }

    @Test
    void imports_fromTheSetupAndTheOptions() throws Exception {
        CompiledSnippet c = COMPILER.compile(new Snippet("import java.util.concurrent.atomic.*; var a = new AtomicLong();",
                "a.incrementAndGet() + sqrt(2.0)", List.of("static java.lang.Math.*")));
        assertEquals(List.of("java.util.concurrent.atomic.AtomicLong a"), c.fields());
        assertTrue(c.source().startsWith("import java.io.*;"), "JShell's default imports");
        assertTrue(c.source().contains("import static java.lang.Math.*;\nimport java.util.concurrent.atomic.*;\n"));
    }

    @Test
    void expressions_onlyValuesAreConsumedAndOnlyAtTheTopLevel() throws Exception {
        CompiledSnippet c = compile("List<Integer> l = new ArrayList<>();",
                "l.add(4); l.clear(); for (int i = 0; i < 3; i++) { l.add(i); }\nl.size()");
        assertEquals(List.of("$consume(l.add(4)); l.clear(); for (int i = 0; i < 3; i++) { l.add(i); }",
                "$consume(l.size());"), body(c, "void $stmt()"));
        CompiledSnippet bare = compile("int x = 1;", "x + 1");
        assertEquals(List.of("$consume(x + 1);"), body(bare, "void $stmt()"));
        CompiledSnippet voidCall = compile("List<Integer> l = new ArrayList<>();", "l.clear()");
        assertEquals(List.of("l.clear();"), body(voidCall, "void $stmt()"));
        CompiledSnippet empty = compile("", "");
        assertEquals(List.of(), body(empty, "void $stmt()"));
    }

    @Test
    void snippetOf_addsTheSemicolonAShellUserLeavesOut() throws Exception {
        Snippet s = Snippet.of(List.of("double x = 2", "double y = 3"), List.of("double z = x * y", "z + 1"), List.of());
        assertEquals("double x = 2;\ndouble y = 3;", s.setup());
        assertEquals("double z = x * y;\nz + 1", s.statement());
        COMPILER.compile(s);
        assertEquals("'java util' is not an import; give a class (java.util.List), a package with .* (java.util.*) or "
                + "static and a member (static java.lang.Math.*)",
                assertThrows(IllegalArgumentException.class, () -> new Snippet("", "", List.of("java util"))).getMessage());
    }

    // ---------------------------------------------------------------------------------------------
    // rejected

    @Test
    void unknownVariable_javacsMessageAgainstTheStatement() {
        assertEquals("""
                statement:1: error: cannot find symbol
                Math.sqrt(y)
                          ^
                  symbol:   variable y
                1 error""", rejected("double x = 2;", "Math.sqrt(y)"));
    }

    @Test
    void typeError_inTheSecondSetupLine() {
        assertEquals("""
                setup:2: error: incompatible types: String cannot be converted to int
                int b = "x";
                        ^
                1 error""", rejected("int a = 1;\nint b = \"x\";", "a + b"));
    }

    @Test
    void syntaxErrors_areAllReported() {
        assertEquals("""
                statement:1: error: illegal start of expression
                int x = ;
                        ^
                statement:2: error: ';' expected
                x++ x++;
                   ^
                2 errors""", rejected("", "int x = ;\nx++ x++;"));
    }

    @Test
    void redeclaringASetupVariable_isJavasError() {
        assertEquals("""
                statement:1: error: variable a is already defined in the snippet
                int a = 2;
                    ^
                1 error""", rejected("int a = 1;", "int a = 2;"));
    }

    @Test
    void anonymousTypes_cannotBeKept() {
        assertEquals("""
                setup:1: error: cannot keep 'o' between runs: its type has no name (an anonymous class?)
                var o = new Object() { int f; };
                ^
                  declare it with a class or interface type, e.g. Runnable o = ...
                1 error""", rejected("var o = new Object() { int f; };", "o.f"));
    }

    @Test
    void anIncompleteSetup_doesNotSwallowTheStatement() {
        assertEquals("""
                setup:1: error: the setup's last statement is not complete
                if (true)
                         ^
                1 error""", rejected("if (true)", "int x = 1;"));
    }

    @Test
    void aBareStatementThatIsNoExpression_isAnError() {
        String m = rejected("", "int x = 1; if (x > 0) x++ else x--");
        assertTrue(m.startsWith("statement:1: error: "), m);
    }

    private static int lineOf(CompiledSnippet c, String text) {
        List<String> lines = c.source().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in\n" + c.source());
    }

    static Class<?> load(CompiledSnippet c) throws ClassNotFoundException {
        Map<String, byte[]> classes = c.classes();
        ClassLoader loader = new ClassLoader(SnippetCompilerTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
        return loader.loadClass(c.className());
    }
}

package io.speedkit.timeit.snippet;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.speedkit.timeit.internal.JavaText;
import io.speedkit.timeit.internal.SourceBuilder;
import io.speedkit.timeit.internal.SourceBuilder.Origin;
import io.speedkit.timeit.internal.SourceBuilder.Section;
import io.speedkit.timeit.internal.TypeNames;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a {@link Snippet} in memory with the JDK's compiler into a {@link SnippetBase} whose timing
 * loop runs the statement (see {@link SnippetBase} for the generated class).
 *
 * <h2>Two passes</h2>
 * <ol>
 *   <li><b>Attribution.</b> The snippet exactly as Python's template has it — the setup, then the statement
 *       in a block after it, in one method — is parsed and attributed (javac's Trees API). Errors here are
 *       the user's and are reported against the user's lines. The attributed trees say which top-level
 *       setup statements declare variables and with which types ({@code var} included), which top-level
 *       expression statements of the statement have a value, and which locals it declares.</li>
 *   <li><b>Generation.</b> The real class: setup variables become non-final instance fields (HAZARD:
 *       constant folding — a local or final initialised with a constant is a constant to the JIT, a
 *       field it must load), their declarations in the setup become assignments on the same lines; the
 *       setup's local classes become member classes; top-level expression statements with a value, a
 *       bare trailing expression and the statement's top-level locals (at its end) go to
 *       {@code $consume} (HAZARD: dead-code elimination). Nested statements are left alone: consuming
 *       inside a user's loop would change what it costs.</li>
 * </ol>
 * A bare trailing expression ({@code Math.sqrt(x)}, no semicolon) is tried as an expression statement
 * first (it may be a void call); if it is none ({@code a + b}), it is wrapped in {@code $consume(...)}.
 *
 * <p>Imports: {@link #DEFAULT_IMPORTS} (JShell's), the snippet's, and {@code import} declarations at the
 * start of top-level setup statements. The class path is speedkit's own plus the one given.
 */
public final class SnippetCompiler {
    /** The generated class's name (in the unnamed package; the {@code $} keeps it off user names). */
    public static final String CLASS_NAME = "$Snippet";

    /** Imported into every snippet: the packages JShell imports by default, but for java.util.prefs. */
    public static final List<String> DEFAULT_IMPORTS = List.of("import java.io.*;", "import java.math.*;",
            "import java.net.*;", "import java.nio.file.*;", "import java.util.*;", "import java.util.concurrent.*;",
            "import java.util.function.*;", "import java.util.regex.*;", "import java.util.stream.*;");

    private static final String BASE = SnippetBase.class.getName();

    private final JavaCompiler javac;
    private final StandardJavaFileManager files;
    private final String classPath;

    /** A compiler with speedkit's class path. */
    public SnippetCompiler() {
        this(List.of());
    }

    /**
     * A compiler that also sees {@code extraClassPath} (for {@code --class-path}).
     *
     * @throws IllegalStateException when this runtime has no Java compiler (a JRE, or a jlink image
     *                               without jdk.compiler)
     */
    public SnippetCompiler(List<Path> extraClassPath) {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler (" + System.getProperty("java.home")
                    + "); speedkit timeit needs a JDK, not a JRE");
        }
        this.files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        List<String> cp = new ArrayList<>();
        cp.add(ownClassPath());
        for (Path p : extraClassPath) {
            cp.add(p.toString());
        }
        this.classPath = String.join(File.pathSeparator, cp);
    }

    /** Where this class was loaded from: a jar or a classes directory, which the child JVM also needs. */
    public static String ownClassPath() {
        try {
            return Path.of(SnippetBase.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return System.getProperty("java.class.path");
        }
    }

    /** The class path the snippet was compiled against (speedkit's and the extra one). */
    public String classPath() {
        return classPath;
    }

    /**
     * Compiles the snippet.
     *
     * @throws SnippetCompileException with javac's messages against the snippet's lines
     */
    public CompiledSnippet compile(Snippet snippet) throws SnippetCompileException {
        String setup = snippet.setup();
        String statement = snippet.statement();

        // Imports written in the setup: out of the method body, into the compilation unit.
        List<String> imports = new ArrayList<>(DEFAULT_IMPORTS);
        imports.addAll(snippet.imports());
        for (JavaText.Import i : JavaText.of(setup).imports()) {
            imports.add(i.declaration());
            setup = JavaText.blank(setup, i.start(), i.end());
        }
        Texts texts = new Texts(snippet.setup(), snippet.statement(), setup);

        // Pass 1: attribute. A bare trailing expression first as an expression statement.
        int[] tail = JavaText.of(statement).bareTail();
        Pass1 pass1 = pass1(imports, setup, statement, tail, false);
        List<Diagnostic<? extends JavaFileObject>> syntax = pass1.parse();
        boolean consumeTail = false;
        if (tail != null && anyIn(syntax, pass1.source, tail)) {
            Pass1 wrapped = pass1(imports, setup, statement, tail, true);
            if (wrapped.parse().isEmpty()) {
                pass1 = wrapped;
                syntax = List.of();
                consumeTail = true;
            }
        }
        if (!syntax.isEmpty()) {
            throw new SnippetCompileException(format(syntax, pass1.source, texts));
        }
        List<Diagnostic<? extends JavaFileObject>> errors = pass1.analyze();
        if (!errors.isEmpty()) {
            throw new SnippetCompileException(format(errors, pass1.source, texts));
        }
        Plan plan = pass1.plan(texts);

        // Pass 2: generate and compile.
        SourceBuilder out = new SourceBuilder();
        for (String i : imports) {
            out.scaffold(i + "\n");
        }
        out.scaffold("public final class " + CLASS_NAME + " extends " + BASE + " {\n");
        for (Plan.Field f : plan.fields) {
            out.synth("    " + f.type + " " + f.name + ";\n", Section.SETUP, f.anchor);
        }
        for (int[] c : plan.hoisted) {
            out.user(Section.SETUP, setup, c[0], c[1]).scaffold("\n");
        }
        out.scaffold("    @Override\n    public void $setup() throws Throwable {\n");
        emit(out, Section.SETUP, setup, plan.setupEdits);
        out.scaffold("\n    }\n\n    private void $stmt() throws Throwable {\n");
        List<Edit> stmtEdits = new ArrayList<>(plan.statementEdits);
        if (tail != null) {
            if (consumeTail) {
                stmtEdits.add(new Edit(tail[0], tail[0], "$consume("));
                stmtEdits.add(new Edit(tail[1], tail[1], ");"));
            } else {
                stmtEdits.add(new Edit(tail[1], tail[1], ";"));
            }
        }
        emit(out, Section.STATEMENT, statement, stmtEdits);
        out.scaffold("\n");
        if (!plan.locals.isEmpty()) {
            StringBuilder consume = new StringBuilder();
            for (String local : plan.locals) {
                consume.append("$consume(").append(local).append("); ");
            }
            out.synth(consume.toString().stripTrailing(), Section.STATEMENT, Math.max(0, lastCodeOffset(statement)));
            out.scaffold("\n");
        }
        out.scaffold("""
                    }

                    @Override
                    public void $loop(long $n) throws Throwable {
                        // JMH's loop shape: one exit, tested at the bottom, on the volatile flag and the count.
                        // HAZARD: reading $halt every iteration stops the JIT from hoisting the statement's
                        // reads of the setup's fields (and the work on them) out of the loop.
                        if ($n <= 0) {
                            return;
                        }
                        long $i = $n;
                        do {
                            $stmt();
                            $i--;
                        } while (!$halt & $i != 0);
                    }
                }
                """);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<Diagnostic<? extends JavaFileObject>> generated = generate(out.text(), classes);
        if (!generated.isEmpty()) {
            throw new SnippetCompileException(format(generated, out, texts));
        }
        List<String> fieldList = new ArrayList<>();
        for (Plan.Field f : plan.fields) {
            fieldList.add(f.type + " " + f.name);
        }
        return new CompiledSnippet(snippet, out, classes, fieldList);
    }

    // ---------------------------------------------------------------------------------------------
    // Pass 1

    private Pass1 pass1(List<String> imports, String setup, String statement, int[] tail, boolean consumeTail) {
        SourceBuilder b = new SourceBuilder();
        for (String i : imports) {
            b.scaffold(i + "\n");
        }
        b.scaffold("public abstract class " + CLASS_NAME + " extends " + BASE + " {\n"
                + "void $pass1() throws Throwable {\n");
        b.user(Section.SETUP, setup, 0, setup.length());
        b.scaffold("\n");
        int block = b.length();
        b.scaffold("{\n");
        if (tail == null) {
            b.user(Section.STATEMENT, statement, 0, statement.length());
        } else {
            b.user(Section.STATEMENT, statement, 0, tail[0]);
            if (consumeTail) {
                b.synth("$consume(", Section.STATEMENT, tail[0]);
            }
            b.user(Section.STATEMENT, statement, tail[0], tail[1]);
            b.synth(consumeTail ? ");" : ";", Section.STATEMENT, tail[1]);
            b.user(Section.STATEMENT, statement, tail[1], statement.length());
        }
        b.scaffold("\n}\n}\n}\n");
        return new Pass1(b, block);
    }

    /** Pass 1's task, kept between parsing, attributing and reading the trees. */
    private final class Pass1 {
        final SourceBuilder source;
        final int blockStart;
        final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        final JavacTask task;
        CompilationUnitTree unit;

        Pass1(SourceBuilder source, int blockStart) {
            this.source = source;
            this.blockStart = blockStart;
            this.task = (JavacTask) javac.getTask(new StringWriter(), files, diagnostics,
                    options(), null, List.of(new Source(source.text())));
        }

        List<Diagnostic<? extends JavaFileObject>> parse() {
            try {
                for (CompilationUnitTree u : task.parse()) {
                    unit = u;
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("javac could not read the generated source", e);
            }
            return errors(diagnostics);
        }

        List<Diagnostic<? extends JavaFileObject>> analyze() {
            try {
                task.analyze();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("javac could not read the generated source", e);
            }
            return errors(diagnostics);
        }

        Plan plan(Texts texts) throws SnippetCompileException {
            Trees trees = Trees.instance(task);
            SourcePositions sp = trees.getSourcePositions();
            ClassTree cls = (ClassTree) unit.getTypeDecls().get(0);
            MethodTree method = null;
            for (Tree m : cls.getMembers()) {
                if (m instanceof MethodTree mt && mt.getName().contentEquals("$pass1")) {
                    method = mt;
                }
            }
            if (method == null) {
                throw new IllegalStateException("the generated method is missing from\n" + source.text());
            }
            List<? extends StatementTree> all = method.getBody().getStatements();
            int blockIndex = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i) instanceof BlockTree && sp.getStartPosition(unit, all.get(i)) == blockStart) {
                    blockIndex = i;
                }
            }
            if (blockIndex < 0) {
                // e.g. a setup ending in "if (x)": the statement became its body
                int end = Math.max(0, texts.setup.stripTrailing().length());
                throw new SnippetCompileException(List.of(block(Section.SETUP, texts.setup, end,
                        "the setup's last statement is not complete", List.of())));
            }
            Plan plan = new Plan();
            // setup: variables become fields, local classes members
            List<VariableTree> group = new ArrayList<>();
            for (int i = 0; i < blockIndex; i++) {
                StatementTree s = all.get(i);
                if (s instanceof VariableTree v) {
                    if (!group.isEmpty() && sp.getStartPosition(unit, group.get(0)) != sp.getStartPosition(unit, v)) {
                        declarationGroup(group, trees, sp, texts, plan);
                        group.clear();
                    }
                    group.add(v);
                    continue;
                }
                if (!group.isEmpty()) {
                    declarationGroup(group, trees, sp, texts, plan);
                    group.clear();
                }
                if (s instanceof ClassTree c) {
                    int start = setupOffset(sp.getStartPosition(unit, c));
                    int end = setupOffset(sp.getEndPosition(unit, c));
                    plan.hoisted.add(new int[] {start, end});
                    plan.setupEdits.add(new Edit(start, end, ""));
                }
            }
            if (!group.isEmpty()) {
                declarationGroup(group, trees, sp, texts, plan);
            }
            // statement: values and locals are consumed
            BlockTree block = (BlockTree) all.get(blockIndex);
            List<? extends StatementTree> stmts = block.getStatements();
            for (StatementTree s : stmts) {
                if (s instanceof ExpressionStatementTree es) {
                    ExpressionTree e = es.getExpression();
                    TypeMirror t = trees.getTypeMirror(TreePath.getPath(unit, e));
                    Origin from = source.origin(sp.getStartPosition(unit, e));
                    Origin to = source.origin(sp.getEndPosition(unit, e) - 1);
                    boolean ours = from == null || to == null || source.text().startsWith("$consume(", (int) sp.getStartPosition(unit, e));
                    if (!ours && t != null && t.getKind() != TypeKind.VOID && t.getKind() != TypeKind.ERROR) {
                        plan.statementEdits.add(new Edit(from.offset(), from.offset(), "$consume("));
                        plan.statementEdits.add(new Edit(to.offset() + 1, to.offset() + 1, ")"));
                    }
                } else if (s instanceof VariableTree v && v.getInitializer() != null) {
                    plan.locals.add(v.getName().toString());
                }
            }
            if (!stmts.isEmpty()) {
                Tree.Kind last = stmts.get(stmts.size() - 1).getKind();
                if (last == Tree.Kind.RETURN || last == Tree.Kind.THROW) {
                    plan.locals.clear(); // nothing after them is reachable
                }
            }
            return plan;
        }

        /** {@code int a = 42, b = 101;}: fields a and b, and in the setup {@code a = 42; b = 101;} on the same lines. */
        private void declarationGroup(List<VariableTree> group, Trees trees, SourcePositions sp, Texts texts, Plan plan)
                throws SnippetCompileException {
            int start = setupOffset(sp.getStartPosition(unit, group.get(0)));
            int end = setupOffset(sp.getEndPosition(unit, group.get(group.size() - 1)));
            // the group ends with its semicolon; find it if javac's end position stops before it
            String setup = texts.setupBlanked;
            JavaText lex = JavaText.of(setup);
            while (end < setup.length() && !(setup.charAt(end - 1) == ';' && lex.isCode(end - 1))) {
                end++;
            }
            List<Edit> parts = new ArrayList<>();
            int cursor = start;
            for (VariableTree v : group) {
                Element element = trees.getElement(TreePath.getPath(unit, v));
                String type = element == null ? null : TypeNames.denote(element.asType());
                String name = v.getName().toString();
                if (type == null) {
                    throw new SnippetCompileException(List.of(block(Section.SETUP, texts.setup, start,
                            "cannot keep '" + name + "' between runs: its type has no name (an anonymous class?)",
                            List.of("  declare it with a class or interface type, e.g. Runnable " + name + " = ..."))));
                }
                plan.fields.add(new Plan.Field(type, name, start));
                ExpressionTree init = v.getInitializer();
                if (init == null) {
                    continue;
                }
                int initStart = setupOffset(sp.getStartPosition(unit, init));
                int initEnd = setupOffset(sp.getEndPosition(unit, init));
                boolean arrayInitializer = init instanceof NewArrayTree na && na.getType() == null;
                parts.add(new Edit(cursor, initStart, name + " = " + (arrayInitializer ? "new " + type + " " : "")));
                cursor = initEnd;
                parts.add(new Edit(cursor, cursor, ";"));
            }
            parts.add(new Edit(cursor, end, ""));
            plan.setupEdits.addAll(parts);
        }

        private int setupOffset(long pos) {
            Origin o = source.origin(pos);
            if (o == null || o.section() != Section.SETUP) {
                throw new IllegalStateException("position " + pos + " is not in the setup");
            }
            return o.offset();
        }
    }

    /** What pass 1 found out, in offsets of the user's texts. */
    private static final class Plan {
        record Field(String type, String name, int anchor) {
        }

        final List<Field> fields = new ArrayList<>();
        final List<int[]> hoisted = new ArrayList<>();
        final List<Edit> setupEdits = new ArrayList<>();
        final List<Edit> statementEdits = new ArrayList<>();
        final List<String> locals = new ArrayList<>();
    }

    /** Replace {@code [start, end)} of a user text by generated text; the range's line breaks stay. */
    private record Edit(int start, int end, String text) {
    }

    /** The user's texts for messages, and the setup with its imports blanked out (same offsets). */
    private record Texts(String setup, String statement, String setupBlanked) {
    }

    /** Copies a user text into the generated source, applying the edits (sorted, not overlapping). */
    private static void emit(SourceBuilder out, Section section, String text, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
        int at = 0;
        for (Edit e : sorted) {
            if (e.start > at) {
                out.user(section, text, at, e.start);
            }
            // a removed range keeps its line breaks, before the new text, so that lines stay where they were
            String breaks = newlines(text, Math.max(at, e.start), Math.max(at, e.end));
            if (!breaks.isEmpty()) {
                out.synth(breaks, section, e.start);
            }
            if (!e.text.isEmpty()) {
                // after a removed line break, the new text belongs to the line it now stands on
                out.synth(e.text, section, breaks.isEmpty() ? e.start : text.lastIndexOf('\n', e.end - 1) + 1);
            }
            at = Math.max(at, e.end);
        }
        if (at < text.length()) {
            out.user(section, text, at, text.length());
        }
    }

    private static String newlines(String text, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static int lastCodeOffset(String text) {
        int i = text.length() - 1;
        while (i > 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    // ---------------------------------------------------------------------------------------------
    // Pass 2

    private List<Diagnostic<? extends JavaFileObject>> generate(String source, Map<String, byte[]> classes) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        ForwardingJavaFileManager<StandardJavaFileManager> memory = new ForwardingJavaFileManager<>(files) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        out.put(className, bytes);
                        return bytes;
                    }
                };
            }
        };
        boolean ok = javac.getTask(new StringWriter(), memory, diagnostics, options(), null, List.of(new Source(source)))
                .call();
        List<Diagnostic<? extends JavaFileObject>> errors = errors(diagnostics);
        if (ok && errors.isEmpty()) {
            out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        }
        return errors;
    }

    private List<String> options() {
        return List.of("-proc:none", "-Xlint:none", "-nowarn", "-g:source,lines", "-implicit:none",
                "-classpath", classPath);
    }

    private static List<Diagnostic<? extends JavaFileObject>> errors(DiagnosticCollector<JavaFileObject> collector) {
        List<Diagnostic<? extends JavaFileObject>> out = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean anyIn(List<Diagnostic<? extends JavaFileObject>> errors, SourceBuilder source, int[] range) {
        for (Diagnostic<? extends JavaFileObject> d : errors) {
            Origin o = d.getPosition() == Diagnostic.NOPOS ? null : source.origin(d.getPosition());
            if (o != null && o.section() == Section.STATEMENT && o.offset() >= range[0] && o.offset() <= range[1]) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------
    // Messages

    private static List<String> format(List<Diagnostic<? extends JavaFileObject>> errors, SourceBuilder source, Texts texts) {
        List<String> out = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : errors) {
            // "... already defined in method $pass1()": the method is ours; the user wrote a snippet
            String[] lines = simpleNames(d.getMessage(Locale.ROOT).replace("method $pass1()", "the snippet")).split("\n");
            List<String> details = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                // "location: class $Snippet" names our class, not the user's code
                if (!lines[i].contains(CLASS_NAME)) {
                    details.add(lines[i]);
                }
            }
            Origin o = d.getPosition() == Diagnostic.NOPOS ? null : source.origin(d.getPosition());
            if (o == null) {
                StringBuilder b = new StringBuilder("error: ").append(lines[0]);
                details.forEach(l -> b.append('\n').append(l));
                out.add(b.toString());
            } else {
                String text = o.section() == Section.SETUP ? texts.setup : texts.statement;
                out.add(block(o.section(), text, o.offset(), lines[0], details));
            }
        }
        return out;
    }

    /**
     * {@code java.lang.String} as {@code String}: javac's command line prints simple names (its "rich"
     * formatter), the compiler API's diagnostics qualified ones.
     */
    static String simpleNames(String message) {
        return QUALIFIED.matcher(message).replaceAll("$1");
    }

    private static final java.util.regex.Pattern QUALIFIED =
            java.util.regex.Pattern.compile("\\b(?:[a-z_][\\w$]*\\.)+([A-Z][\\w$]*)");

    /** javac's layout: {@code where:line: error: message}, the source line, a caret, the details. */
    private static String block(Section section, String text, int offset, String message, List<String> details) {
        int at = Math.min(Math.max(0, offset), text.length());
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = text.indexOf('\n', lineStart);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        StringBuilder caret = new StringBuilder();
        for (int i = lineStart; i < at && i - lineStart < line.length(); i++) {
            caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        StringBuilder b = new StringBuilder();
        b.append(section.label()).append(':').append(lineOf(text, at)).append(": error: ").append(message)
                .append('\n').append(line).append('\n').append(caret).append('^');
        details.forEach(l -> b.append('\n').append(l));
        return b.toString();
    }

    /** The line (from 1) of {@code offset} in {@code text}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String text) {
            super(URI.create("string:///" + CLASS_NAME + ".java"), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}

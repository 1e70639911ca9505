package io.speedkit.timeit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaTextTest {
    @Test
    void bareTail_isTheExpressionAfterTheLastTopLevelStatement() {
        String s = "int a = 1; a + 2";
        assertArrayEquals(new int[] {11, 16}, JavaText.of(s).bareTail());
        assertArrayEquals(new int[] {0, 12}, JavaText.of("Math.sqrt(x)  // root").bareTail());
        assertArrayEquals(new int[] {37, 38}, JavaText.of("for (int i = 0; i < 3; i++) { s++; } s").bareTail());
    }

    @Test
    void bareTail_isNullWhenTheTextEndsAStatement() {
        assertNull(JavaText.of("int a = 1;").bareTail());
        assertNull(JavaText.of("for (int i = 0; i < 3; i++) { s++; }  /* done */").bareTail());
        assertNull(JavaText.of("  \n ").bareTail());
    }

    @Test
    void literalsAndCommentsHideBracesAndSemicolons() {
        JavaText t = JavaText.of("String s = \"};\"; char c = ';'; /* ; } */ String b = \"\"\"\n  };\n  \"\"\"; x");
        assertEquals(List.of(16, 30, 67), t.boundaries());
        assertArrayEquals(new int[] {68, 69}, t.bareTail());
    }

    @Test
    void imports_areFoundAtStatementStarts() {
        String setup = "import java.util.concurrent.atomic.*; import static java.lang.Math .sqrt ;\nvar a = new AtomicLong();";
        List<JavaText.Import> imports = JavaText.of(setup).imports();
        assertEquals(List.of("import java.util.concurrent.atomic.*;", "import static java.lang.Math.sqrt;"),
                imports.stream().map(JavaText.Import::declaration).toList());
        assertEquals("                                                                          \nvar a = new AtomicLong();",
                JavaText.blank(JavaText.blank(setup, imports.get(0).start(), imports.get(0).end()), imports.get(1).start(),
                        imports.get(1).end()));
        assertEquals(List.of(), JavaText.of("String s = \"import x.Y;\";").imports());
    }

    @Test
    void importDeclaration_acceptsWhatUsersWrite() {
        assertEquals("import java.util.*;", JavaText.importDeclaration("java.util.*"));
        assertEquals("import java.util.List;", JavaText.importDeclaration("import java.util.List;"));
        assertEquals("import static java.lang.Math.*;", JavaText.importDeclaration("static java.lang.Math.*"));
        assertNull(JavaText.importDeclaration("java util"));
        assertNull(JavaText.importDeclaration("java.util.*; System.exit(1)"));
    }
}

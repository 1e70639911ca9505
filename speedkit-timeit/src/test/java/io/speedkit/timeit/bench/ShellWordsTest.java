package io.speedkit.timeit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void split_blanksSeparateWords() {
        assertEquals(List.of("-Xint"), ShellWords.split("-Xint"));
        assertEquals(List.of("-Xmx1g", "-XX:+UseSerialGC"), ShellWords.split("  -Xmx1g \t -XX:+UseSerialGC\n"));
        assertEquals(List.of(), ShellWords.split(""));
        assertEquals(List.of(), ShellWords.split("   "));
    }

    @Test
    void split_quotesAsAShell() {
        assertEquals(List.of("-Dname=two words"), ShellWords.split("-Dname='two words'"));
        assertEquals(List.of("-Dname=two words", "-Xint"), ShellWords.split("\"-Dname=two words\" -Xint"));
        assertEquals(List.of("a\"b", "c\\d", "$HOME", "x\\y"), ShellWords.split("'a\"b' \"c\\\\d\" '$HOME' \"x\\y\""));
        assertEquals(List.of("it's"), ShellWords.split("it\\'s"));
        assertEquals(List.of("say \"hi\""), ShellWords.split("\"say \\\"hi\\\"\""));
        assertEquals(List.of("", "-Xint"), ShellWords.split("'' -Xint"));
        assertEquals(List.of("ab cd"), ShellWords.split("a'b c'd"));
    }

    @Test
    void split_leavesVariablesAndGlobsAlone() {
        assertEquals(List.of("$JAVA_OPTS", "*.jar", "~/x"), ShellWords.split("$JAVA_OPTS *.jar ~/x"));
    }

    @Test
    void split_unclosedQuote_namesTheTextAndTheQuote() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShellWords.split("-Dx='a b"));
        assertEquals("cannot split '-Dx='a b' into words: unclosed single quote ('); quote as a shell would, "
                + "e.g. \"-Dname='two words'\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ShellWords.split("\"-Xint"));
        assertEquals("cannot split '\"-Xint' into words: unclosed double quote (\"); quote as a shell would, "
                + "e.g. \"-Dname='two words'\"", e.getMessage());
    }

    @Test
    void split_trailingBackslash_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShellWords.split("-Xint \\"));
        assertEquals("cannot split '-Xint \\' into words: it ends with a backslash; write \\\\ for a backslash", e.getMessage());
    }

    @Test
    void join_quotesWhatNeedsIt_andSplitsBack() {
        List<String> words = List.of("-Xint", "-Dname=two words", "it's", "", "-XX:TieredStopAtLevel=1");
        String joined = ShellWords.join(words);
        assertEquals("-Xint '-Dname=two words' 'it'\\''s' '' -XX:TieredStopAtLevel=1", joined);
        assertEquals(words, ShellWords.split(joined));
    }

    @Test
    void optionSet_labels() {
        assertEquals("(no options)", OptionSet.parse("").label());
        assertEquals("(no options)", OptionSet.DEFAULTS.label());
        assertEquals("-Xint -Xmx64m", OptionSet.parse(" -Xint   -Xmx64m ").label());
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), OptionSet.parse("-XX:TieredStopAtLevel=1").options());
    }
}

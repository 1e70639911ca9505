package io.speedkit.it;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Small text helpers for assertions on what programs and speedkit print. */
final class Texts {
    /** A Java stack-trace line, {@code \tat com.acme.Foo.bar(Foo.java:12)}. */
    private static final Pattern STACK_LINE = Pattern.compile("(?m)^\\s+at \\S");
    /** An exception's class name as a stack trace or toString prints it. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Za-z.$]*(Exception|Error)\\b");

    private Texts() {
    }

    /** The first 6000 characters, for assertion messages. */
    static String head(String s) {
        return s.length() <= 6000 ? s : s.substring(0, 6000) + "\n... (" + (s.length() - 6000) + " more characters)";
    }

    static List<String> lines(String s) {
        List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static boolean hasStackTrace(String s) {
        return STACK_LINE.matcher(s).find();
    }

    static boolean namesAnException(String s) {
        return EXCEPTION_NAME.matcher(s).find();
    }
}

package io.speedkit.it.targets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints its arguments (each in brackets), the system property foo, then echoes every line of stdin: checks that
 * arguments, -J options and stdin reach the program unchanged.
 */
public final class Echo {
    private Echo() {
    }

    public static void main(String[] args) throws IOException {
        StringBuilder shown = new StringBuilder("args=");
        for (String a : args) {
            shown.append('[').append(a).append(']');
        }
        System.out.println(shown);
        System.out.println("foo=" + System.getProperty("foo"));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            System.out.println("echo: " + line);
        }
    }
}

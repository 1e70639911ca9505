package io.speedkit.profiler.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Plain lines from a stream that is not a terminal (a pipe, a file, a test's script), with each prompt
 * printed to {@code prompts} and the line read not echoed. That is what {@code python -m pstats} does with a
 * non-terminal stdin: {@code input(prompt)} writes the prompt to stdout and reads a line, so a piped
 * session's output reads {@code % Welcome...}, {@code x.prof% <report>}, and so on. No completion.
 */
public final class ReaderLines implements LineSource {

    private final BufferedReader in;
    private final PrintStream prompts;

    /** Lines of {@code in}; the reader is not closed by this class. */
    public ReaderLines(BufferedReader in, PrintStream prompts) {
        if (in == null || prompts == null) {
            throw new IllegalArgumentException("plain lines need a reader and a stream for the prompts, got in=" + in
                    + ", prompts=" + prompts);
        }
        this.in = in;
        this.prompts = prompts;
    }

    /** Lines of {@code in} decoded with {@code charset}; the stream is not closed by this class. */
    public ReaderLines(InputStream in, Charset charset, PrintStream prompts) {
        this(new BufferedReader(new InputStreamReader(in, charset)), prompts);
    }

    /** Prints {@code prompt} (no newline), then reads a line ending in \n, \r\n or \r; null at the end. */
    @Override
    public String readLine(String prompt) throws IOException {
        prompts.print(prompt);
        prompts.flush();
        return in.readLine();
    }
}

/**
 * {@code speedkit timeit}'s machinery: Java snippets compiled in memory and timed in a fresh JVM.
 *
 * <ol>
 *   <li>{@link io.speedkit.timeit.snippet.Snippet}: the setup, the statement and imports, joined as Python
 *       joins its arguments;</li>
 *   <li>{@link io.speedkit.timeit.snippet.SnippetCompiler}: javac, twice — attribute the snippet as
 *       written, then generate a {@link io.speedkit.timeit.snippet.SnippetBase} whose setup variables are
 *       fields and whose values are consumed — errors against the snippet's own lines
 *       ({@link io.speedkit.timeit.snippet.SnippetCompileException});</li>
 *   <li>{@link io.speedkit.timeit.snippet.SnippetFork}: the JVM that times it, started before compiling
 *       ({@link io.speedkit.timeit.snippet.ForkMain} inside, running
 *       {@link io.speedkit.timeit.snippet.SnippetRunner}); the answer is a
 *       {@link io.speedkit.timeit.snippet.Measurement} or a
 *       {@link io.speedkit.timeit.snippet.SnippetException}.</li>
 * </ol>
 */
package io.speedkit.timeit.snippet;

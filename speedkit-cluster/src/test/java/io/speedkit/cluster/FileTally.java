package io.speedkit.cluster;

import io.speedkit.pool.contract.Tally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link Tally} every JVM on this machine can reach, and that outlives the pool: a long in a file, changed
 * under an exclusive file lock (between JVMs) and a JVM-wide monitor (between the threads of one JVM, which
 * file locks do not separate).
 */
record FileTally(String path) implements Tally {
    private static final Object JVM_LOCK = new Object();

    static FileTally fresh() {
        try {
            Path p = Files.createTempFile("speedkit-tally-", ".bin");
            p.toFile().deleteOnExit();
            return new FileTally(p.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long increment() {
        return update(1);
    }

    @Override
    public long get() {
        return update(0);
    }

    private long update(long delta) {
        synchronized (JVM_LOCK) {
            try (FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                ByteBuffer b = ByteBuffer.allocate(Long.BYTES);
                long value = ch.read(b, 0) == Long.BYTES ? b.flip().getLong() : 0;
                if (delta != 0) {
                    value += delta;
                    ch.write(ByteBuffer.allocate(Long.BYTES).putLong(0, value), 0);
                }
                return value;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

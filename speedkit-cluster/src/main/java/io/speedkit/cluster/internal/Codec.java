package io.speedkit.cluster.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;

/**
 * Java serialization of what crosses JVMs — functions, items, outcomes — done by speedkit rather than by
 * Hazelcast, so that a value that cannot travel is caught where it is made, with a message saying what to do,
 * and classes are resolved through the loader that knows the application's classes.
 */
public final class Codec {
    private Codec() {
    }

    /** Thrown when a value cannot be serialized; the message names the class that is not serializable. */
    public static final class NotSendableException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String className;

        NotSendableException(String className, Throwable cause) {
            super(className, cause);
            this.className = className;
        }

        /** The class that is not {@link java.io.Serializable}. */
        public String className() {
            return className;
        }
    }

    public static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new NotSendableException(e.getMessage(), e);
        } catch (InvalidClassException e) {
            throw new NotSendableException(e.classname == null ? e.getMessage() : e.classname, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a value, resolving classes through {@code loader} (then the system class loader).
     *
     * @throws ClassNotFoundException a class of the value is not known here
     */
    public static Object deserialize(byte[] bytes, ClassLoader loader) throws ClassNotFoundException {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall through: primitives and classes of other loaders
                }
            }
            return super.resolveClass(desc);
        }
    }
}

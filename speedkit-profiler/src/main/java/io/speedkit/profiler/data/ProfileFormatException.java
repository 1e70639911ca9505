package io.speedkit.profiler.data;

import java.io.IOException;

/** A saved profile that cannot be read: not a profile, truncated, corrupt or from a newer format. */
public final class ProfileFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProfileFormatException(String message) {
        super(message);
    }
}

package io.speedkit.agent.targets;

/** The implementation of {@link Shape}. */
public final class Square implements Shape {
    private final int side;

    Square(int side) {                              // calls=1
        this.side = side;
    }

    @Override
    public int side() {                             // calls=1
        return side;
    }

    public static int run() {                       // calls=1
        return Shape.unit().doubled();
    }
}

package dev.mcpauth.runtime.transport;

import java.util.function.Supplier;

/** A value computed on first use and kept: how JAX-RS singletons reach the application's CDI beans. */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> source;
    private volatile T value;

    private Lazy(Supplier<T> source) {
        this.source = source;
    }

    static <T> Lazy<T> of(Supplier<T> source) {
        return new Lazy<>(source);
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            // two threads may both look up on the first request; both get the same application-scoped proxy
            result = source.get();
            value = result;
        }
        return result;
    }
}

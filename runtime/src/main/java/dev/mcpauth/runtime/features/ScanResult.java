package dev.mcpauth.runtime.features;

import java.util.List;

/**
 * What scanning one feature method at deployment gives, for every kind: its definition, or the problems that
 * prevent one (each a complete message naming the method), all of them at once so a user fixes them in one go.
 *
 * @param definition the definition, or null when there are problems
 * @param problems the problems, empty when the definition was made
 * @param <D> the kind's definition
 */
public record ScanResult<D>(D definition, List<String> problems) {

    /** Copies the problems. */
    public ScanResult {
        problems = List.copyOf(problems);
    }

    /**
     * A method that serves as it is.
     *
     * @param definition its definition
     * @param <D> the kind's definition
     * @return the result
     */
    public static <D> ScanResult<D> of(D definition) {
        return new ScanResult<>(definition, List.of());
    }

    /**
     * A method that cannot serve.
     *
     * @param problems why, each a complete message
     * @param <D> the kind's definition
     * @return the result
     */
    public static <D> ScanResult<D> refused(List<String> problems) {
        return new ScanResult<>(null, problems);
    }
}

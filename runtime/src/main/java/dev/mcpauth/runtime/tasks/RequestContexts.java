package dev.mcpauth.runtime.tasks;

/**
 * Carries the request's caller to the thread that runs its task: captured on the request's thread, re-established
 * on the worker's (a CDI request context with the same caller, so {@code @RequiresScope} beans and an injected
 * {@code McpCaller} or {@code JsonWebToken} see who created the task).
 */
@FunctionalInterface
public interface RequestContexts {

    /** Nothing to carry (tests, a runtime without CDI). */
    RequestContexts NONE = work -> work;

    /**
     * Captures the current request's caller.
     *
     * @param work what runs later
     * @return {@code work} inside a request context with the captured caller
     */
    Runnable carry(Runnable work);
}

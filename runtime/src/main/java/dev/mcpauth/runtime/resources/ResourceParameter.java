package dev.mcpauth.runtime.resources;

/**
 * A parameter of a resource method: a template variable (converted to the parameter's type), or the caller or
 * client of the request.
 *
 * @param variable the template variable it binds, or null for the caller or client
 * @param source where the value comes from
 */
record ResourceParameter(String variable, Source source) {

    /** Where a parameter's value comes from. */
    enum Source {
        /** A template variable, as a {@code String}. */
        STRING,
        /** A template variable, as an {@code int} or {@code Integer}. */
        INT,
        /** A template variable, as a {@code long} or {@code Long}. */
        LONG,
        /** The verified caller. */
        CALLER,
        /** The client of the request. */
        CLIENT
    }
}

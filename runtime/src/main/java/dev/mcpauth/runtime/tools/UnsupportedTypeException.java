package dev.mcpauth.runtime.tools;

/** A Java type that has no JSON Schema mapping; the message says which type and why. */
final class UnsupportedTypeException extends Exception {

    private static final long serialVersionUID = 1L;

    UnsupportedTypeException(String message) {
        super(message);
    }
}

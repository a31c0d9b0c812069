package dev.mcpauth.runtime.features;

/**
 * A feature method failed; the message is what the client may see: the text of a {@code McpException}, or a
 * generic text with an incident id whose details are in the log. Carries no stack trace.
 */
public final class FeatureFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FeatureFailure(String clientMessage) {
        super(clientMessage, null, false, false);
    }
}

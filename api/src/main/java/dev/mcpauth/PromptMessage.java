package dev.mcpauth;

import java.util.Objects;

/**
 * One message of a prompt: who says it and what (MCP, Prompts, {@code PromptMessage}).
 *
 * @param role {@link Role#USER} or {@link Role#ASSISTANT}
 * @param content text, an image, audio or an embedded resource
 */
public record PromptMessage(Role role, Content content) {

    /** Who speaks. */
    public enum Role {
        /** The user. */
        USER,
        /** The model. */
        ASSISTANT
    }

    /**
     * Both are required.
     *
     * @param role who says it, not null
     * @param content what is said, not null
     * @throws NullPointerException when either is null
     */
    public PromptMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /**
     * A user message with text.
     *
     * @param text the text
     * @return the message
     */
    public static PromptMessage user(String text) {
        return new PromptMessage(Role.USER, Content.text(text));
    }

    /**
     * A user message with any content.
     *
     * @param content the content
     * @return the message
     */
    public static PromptMessage user(Content content) {
        return new PromptMessage(Role.USER, content);
    }

    /**
     * An assistant message with text.
     *
     * @param text the text
     * @return the message
     */
    public static PromptMessage assistant(String text) {
        return new PromptMessage(Role.ASSISTANT, Content.text(text));
    }
}

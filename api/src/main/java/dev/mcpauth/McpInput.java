package dev.mcpauth;

import java.util.Map;
import java.util.Optional;

/**
 * Asks the user or the client something in the middle of a call, with the same code in both eras. Declare a
 * {@link Tool} method parameter of this type to receive it.
 *
 * <p>The tool asks, then uses the answer. On 2026-07-28 (Multi Round-Trip Requests, no session) reading an answer
 * that is not there yet ends this round: the client gets an {@code InputRequiredResult} with every question asked so
 * far, answers them, and calls the tool again with the same arguments; the method then runs again from the start and
 * finds the answers. Everything that must survive between rounds — the answers and what the tool {@link #keep keeps}
 * — travels in a {@code requestState} the server seals (authenticated encryption), binds to the caller, the tool and
 * its arguments, lets expire and accepts once, so any instance of the deployment can continue the call and nobody
 * else can. A 2025-era client in a session ({@code mcp.sessions.enabled=true}) gets each question live, on the
 * call's stream, and the method simply waits for the answer.
 *
 * <pre>{@code
 * @Tool(description = "Draft a reply, after the user confirms it")
 * public String draftReply(McpInput input, String ticketId, String text) {
 *     McpInput.Answer confirm = input.elicit("confirm", "Record this reply to " + ticketId + "?",
 *             Map.of("type", "object", "properties", Map.of("ok", Map.of("type", "boolean")), "required", List.of("ok")));
 *     if (!confirm.accepted() || !Boolean.TRUE.equals(confirm.content().get("ok"))) {
 *         return "Nothing recorded.";
 *     }
 *     ...
 * }
 * }</pre>
 *
 * <p>Never catch {@link InputRequired} (or a bare {@code RuntimeException} around the questions): it is how a
 * round ends. Questions the client did not declare a capability for are never sent: asking them throws
 * {@link MissingClientCapabilityException}; check {@link #canAsk} first to offer another way. A 2025-era client
 * without a session cannot be asked anything: asking throws {@link MissingClientCapabilityException} too, and
 * {@link #canAsk} says so.
 */
public interface McpInput {

    /** The client capability an elicitation needs. */
    String ELICITATION = "elicitation";
    /** The client capability a sampling request needs. */
    String SAMPLING = "sampling";
    /** The client capability a roots request needs. */
    String ROOTS = "roots";
    /**
     * What a URL-mode elicitation needs: the client declared the {@code url} mode of its {@code elicitation}
     * capability (MCP 2025-11-25 and later). {@link #ELICITATION} itself stands for the form mode.
     */
    String URL_ELICITATION = "elicitation.url";

    /**
     * Whether a question of this kind can be asked in this call: the client declared the capability, and the call
     * can carry a question (a 2026-07-28 round, or a 2025-era session with a stream). Not the same as
     * {@link McpClient#hasCapability}, which says only what the client declared.
     *
     * @param capability {@link #ELICITATION} (form mode), {@link #URL_ELICITATION}, {@link #SAMPLING} or
     *     {@link #ROOTS}
     * @return true when such a question would be sent
     */
    boolean canAsk(String capability);

    /**
     * Asks the user to fill in a form ({@code elicitation/create}).
     *
     * @param key names the question across rounds; unique within the call
     * @param message what to ask
     * @param requestedSchema the form, a flat JSON Schema object as JSON-like Java values
     * @return the answer; reading it ends the round while it is not there
     * @throws MissingClientCapabilityException when the client cannot elicit
     */
    Answer elicit(String key, String message, Map<String, Object> requestedSchema);

    /**
     * Sends the user to a URL, for what must not pass through the client: a payment, a consent at a third party,
     * credentials ({@code elicitation/create} in URL mode). The answer says whether the user agreed to open it
     * ({@link Answer#accepted()}), not that the interaction there is finished: the tool learns that from its own
     * side (the page it sent the user to).
     *
     * @param key names the question across rounds
     * @param message why the user should open it
     * @param url the URL to open, https in production
     * @return the answer; reading it ends the round while it is not there
     * @throws MissingClientCapabilityException when the client cannot open URLs ({@link #URL_ELICITATION})
     */
    default Answer elicitUrl(String key, String message, String url) {
        throw new MissingClientCapabilityException(java.util.List.of(URL_ELICITATION));
    }

    /**
     * Asks the client's model ({@code sampling/createMessage}) with one user message.
     *
     * @param key names the question across rounds
     * @param prompt the user message's text
     * @param maxTokens the most tokens to generate
     * @return the answer; reading it ends the round while it is not there
     * @throws MissingClientCapabilityException when the client cannot sample
     */
    Answer sample(String key, String prompt, int maxTokens);

    /**
     * Asks the client for its roots ({@code roots/list}).
     *
     * @param key names the question across rounds
     * @return the answer; reading it ends the round while it is not there
     * @throws MissingClientCapabilityException when the client declared no roots
     */
    Answer roots(String key);

    /**
     * A value the tool kept in an earlier round.
     *
     * @param name the name
     * @return the value, if kept
     */
    Optional<String> kept(String name);

    /**
     * Keeps a small value for the next rounds (sealed into the request state, never visible to the client).
     *
     * @param name the name
     * @param value the value
     */
    void keep(String name, String value);

    /** The client's answer to one question. Reading any part of it before it arrived ends the round. */
    interface Answer {

        /**
         * The whole response as JSON-like Java values: an {@code ElicitResult}, a {@code CreateMessageResult} or a
         * {@code ListRootsResult}.
         *
         * @return the response
         * @throws InputRequired when the answer has not arrived yet
         */
        Map<String, Object> result();

        /**
         * Whether the user accepted an elicitation ({@code action: "accept"}).
         *
         * @return true when accepted
         * @throws InputRequired when the answer has not arrived yet
         */
        default boolean accepted() {
            return "accept".equals(result().get("action"));
        }

        /**
         * The form's content of an accepted elicitation.
         *
         * @return the content, empty when declined or cancelled
         * @throws InputRequired when the answer has not arrived yet
         */
        @SuppressWarnings("unchecked")
        default Map<String, Object> content() {
            return result().get("content") instanceof Map<?, ?> content ? (Map<String, Object>) content : Map.of();
        }

        /**
         * The text of a sampling answer.
         *
         * @return the text, or empty when the answer carries none
         * @throws InputRequired when the answer has not arrived yet
         */
        default String text() {
            return result().get("content") instanceof Map<?, ?> content && content.get("text") instanceof String text
                    ? text
                    : "";
        }
    }

    /**
     * Ends the current round because an answer is missing. Thrown by {@link Answer}; the runtime turns it into an
     * {@code InputRequiredResult}. Tool code never throws or catches it.
     */
    final class InputRequired extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** A round's end; carries no stack trace. */
        public InputRequired() {
            super("input required", null, false, false);
        }
    }
}

package dev.mcpauth.runtime.features;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.McpInput;
import dev.mcpauth.McpProgress;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A parameter that a feature method receives from the request rather than from the client's arguments, recognised
 * by its type: one model for every kind of feature, with the kinds each makes sense for.
 *
 * <ul>
 *   <li>{@link McpCaller} and {@link McpClient}: every kind; who calls and with which client.</li>
 *   <li>{@link McpInput}: tools and prompts, the two methods that can end a round with questions for the client
 *       (MCP 2026-07-28, Multi Round-Trip Requests: {@code tools/call} and {@code prompts/get} here); a resource read
 *       or a completion has no rounds, so a question could never be answered.</li>
 *   <li>{@link McpProgress}: tools only, the one method whose answer can be a stream of progress; a prompt, a read
 *       or a completion is answered in one piece, so reports would go nowhere.</li>
 * </ul>
 *
 * A parameter of one of these types on a kind that cannot take it fails the deployment
 * ({@code Message.CONTEXT_ARGUMENT_NOT_ALLOWED}).
 */
public enum ContextArgument {
    /** The verified caller. */
    CALLER(McpCaller.class, EnumSet.allOf(FeatureKind.class), CallContext::caller),
    /** The client of the request. */
    CLIENT(McpClient.class, EnumSet.allOf(FeatureKind.class), CallContext::client),
    /** The round's questions and answers. */
    INPUT(McpInput.class, EnumSet.of(FeatureKind.TOOL, FeatureKind.PROMPT), CallContext::input),
    /** Progress reports and log messages to the client. */
    PROGRESS(McpProgress.class, EnumSet.of(FeatureKind.TOOL), CallContext::progress);

    private final Class<?> type;
    private final Set<FeatureKind> kinds;
    private final Function<CallContext, Object> value;

    ContextArgument(Class<?> type, Set<FeatureKind> kinds, Function<CallContext, Object> value) {
        this.type = type;
        this.kinds = kinds;
        this.value = value;
    }

    /**
     * The context argument a parameter of this type receives.
     *
     * @param parameterType the parameter's type
     * @return the context argument, or empty for an ordinary parameter
     */
    public static Optional<ContextArgument> of(Class<?> parameterType) {
        return Arrays.stream(values())
                .filter(argument -> argument.type == parameterType)
                .findFirst();
    }

    /** Whether a method of this kind may take the argument. */
    public boolean isValidFor(FeatureKind kind) {
        return kinds.contains(kind);
    }

    /** The kinds that may take it, for messages: {@code tool, prompt}. */
    public String kinds() {
        return kinds.stream().map(FeatureKind::label).collect(Collectors.joining(", "));
    }

    /** The Java type, for messages. */
    public String typeName() {
        return type.getSimpleName();
    }

    /**
     * The value a call hands to a parameter of this kind.
     *
     * @param context the call's context
     * @return the caller, client, input or progress sink
     */
    public Object value(CallContext context) {
        return value.apply(context);
    }
}

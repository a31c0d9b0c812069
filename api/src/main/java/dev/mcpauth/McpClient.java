package dev.mcpauth;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The MCP client of the current request: the protocol revision it speaks, its name and version, and the optional
 * protocol capabilities it declared (MCP 2026-07-28, Basic, per-request {@code _meta}).
 *
 * <p>Declare a {@link Tool} method parameter of this type to receive it; such a parameter is not part of the
 * tool's input schema. A tool that needs a capability of the client (say, {@code sampling}) states it first:
 *
 * <pre>{@code
 * @Tool(description = "Summarize the ticket with the client's model")
 * public String summarize(McpClient client, String ticketId) {
 *     client.requireCapability("sampling");   // 2026-07-28: -32021 MissingRequiredClientCapability if not declared
 *     ...
 * }
 * }</pre>
 *
 * <p>A 2026-07-28 request carries the client's name, version and capabilities in every request, so they are
 * always known. A 2025-era client declares them once, in {@code initialize}: in a session
 * ({@code mcp.sessions.enabled=true}) they are known on every later request; without one they are unknown
 * ({@link #capabilitiesKnown()} is false) and every capability counts as missing.
 *
 * @param protocolVersion the revision of the request, such as {@code 2026-07-28} or {@code 2025-11-25}
 * @param name the client's name ({@code clientInfo.name}), or null when not given
 * @param version the client's version, or null when not given
 * @param capabilities the declared capabilities as JSON-like Java values, each keyed by its name
 * @param capabilitiesKnown whether the request told which capabilities the client has
 */
public record McpClient(
        String protocolVersion,
        String name,
        String version,
        Map<String, Object> capabilities,
        boolean capabilitiesKnown) {

    /**
     * Copies the map so a client cannot change after construction.
     *
     * @param protocolVersion the revision of the request, not null
     * @param name the client's name, or null when not given
     * @param version the client's version, or null when not given
     * @param capabilities the declared capabilities, each keyed by its name
     * @param capabilitiesKnown whether the request told which capabilities the client has
     */
    public McpClient {
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        capabilities = Map.copyOf(capabilities);
    }

    /**
     * Whether the client declared a capability.
     *
     * @param capability a top-level capability name such as {@code sampling}, {@code elicitation} or {@code roots}
     * @return true when declared
     */
    public boolean hasCapability(String capability) {
        return capabilities.containsKey(capability);
    }

    /**
     * Ends the call unless the client declared every one of {@code required}: the client then learns which
     * capabilities the tool needs (MCP 2026-07-28: {@code MissingRequiredClientCapabilityError}, -32021).
     *
     * @param required the capability names
     * @throws MissingClientCapabilityException naming the missing ones
     */
    public void requireCapability(String... required) {
        List<String> missing = List.of(required).stream()
                .filter(capability -> !hasCapability(capability))
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingClientCapabilityException(missing);
        }
    }
}

package dev.mcpauth.runtime.protocol;

import java.util.List;

/** The MCP protocol revisions this server speaks, newest first (MCP 2025-11-25, Lifecycle, Version Negotiation). */
public final class ProtocolVersions {

    /** Newest first; the first is offered when a client asks for one we do not speak. */
    public static final List<String> SUPPORTED = List.of("2025-11-25", "2025-06-18", "2025-03-26");

    /** What a request without an {@code MCP-Protocol-Version} header is assumed to speak (Transports, Protocol Version Header). */
    public static final String ASSUMED_WITHOUT_HEADER = "2025-03-26";

    private ProtocolVersions() {
    }

    public static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /** The version to answer {@code initialize} with: the client's if we speak it, else our newest. */
    static String negotiate(String requested) {
        return isSupported(requested) ? requested : SUPPORTED.get(0);
    }
}

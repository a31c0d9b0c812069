package dev.mcpauth.runtime.protocol;

import java.util.List;

/**
 * The MCP protocol revisions this server speaks (MCP 2026-07-28, Basic, Versioning): the modern, stateless
 * revision, whose requests carry their version in {@code params._meta}, and the legacy revisions, which open
 * with an {@code initialize} handshake. The server is dual-era: it serves both on one endpoint.
 */
public final class ProtocolVersions {

    /** The modern revision: no handshake, no sessions, version and client in every request. */
    public static final String MODERN = "2026-07-28";

    /** The legacy revisions, newest first; the first is offered when an {@code initialize} asks for one we do not speak. */
    public static final List<String> LEGACY = List.of("2025-11-25", "2025-06-18", "2025-03-26");

    /** Every revision, newest first: {@code server/discover}'s {@code supportedVersions} and the version errors' {@code supported}. */
    public static final List<String> SUPPORTED = List.of(MODERN, "2025-11-25", "2025-06-18", "2025-03-26");

    /** What a legacy request without an {@code MCP-Protocol-Version} header is assumed to speak (2025-11-25, Transports). */
    public static final String ASSUMED_WITHOUT_HEADER = "2025-03-26";

    private ProtocolVersions() {}

    /** Whether {@code version} is one of the legacy revisions served. */
    public static boolean isLegacy(String version) {
        return LEGACY.contains(version);
    }

    /** Whether {@code version} is any revision this server speaks. */
    public static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /** The version to answer {@code initialize} with: the client's legacy revision if we speak it, else our newest legacy one. */
    static String negotiate(String requested) {
        return isLegacy(requested) ? requested : LEGACY.get(0);
    }
}

package dev.mcpauth.runtime.protocol;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.McpProgress;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.session.Session;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;

/**
 * One JSON-RPC request as the protocol sees it: its method and params, the metadata headers beside it, and the
 * era it belongs to (MCP 2026-07-28, Versioning, Backward Compatibility). Nothing is remembered between requests,
 * so the era is read from each request on its own: a request that signals a modern revision, in
 * {@code params._meta} or in {@code MCP-Protocol-Version}, is modern; any other request, {@code initialize}
 * included, is legacy.
 *
 * @param method the JSON-RPC method
 * @param params the params, {@code {}} when absent
 * @param metadata the request metadata headers
 * @param modern whether the 2026-07-28 rules apply
 * @param protocolVersion the revision the request claims (for modern requests and audit lines; may be unsupported)
 * @param client the client as far as the request tells
 * @param caller who sends it: the verified caller (or {@link McpCaller#ANONYMOUS} with authentication off)
 * @param roles the caller's roles
 * @param progress where the call's progress reports go ({@link McpProgress#NONE} unless the transport streams)
 * @param session the 2025-era session the request belongs to ({@code Mcp-Session-Id}), or null
 */
public record McpRequest(
        String method,
        JsonObject params,
        RequestMetadata metadata,
        boolean modern,
        String protocolVersion,
        McpClient client,
        McpCaller caller,
        Set<String> roles,
        McpProgress progress,
        Session session) {

    /**
     * This request sent by {@code caller}: resolved once by the transport, read by every check and handler.
     *
     * @param sender the verified caller
     * @param senderRoles the caller's roles
     * @return the request
     */
    public McpRequest by(McpCaller sender, Set<String> senderRoles) {
        return new McpRequest(
                method,
                params,
                metadata,
                modern,
                protocolVersion,
                client,
                sender,
                Set.copyOf(senderRoles),
                progress,
                session);
    }

    /**
     * This request in a 2025-era session: the client is the one the session's {@code initialize} declared, so its
     * capabilities are known.
     *
     * @param found the session, found for the request's caller
     * @return the request
     */
    public McpRequest inSession(Session found) {
        return new McpRequest(
                method, params, metadata, modern, protocolVersion, found.client(), caller, roles, progress, found);
    }

    /**
     * This request with its progress reports going to {@code stream}.
     *
     * @param stream the response stream
     * @return the request
     */
    public McpRequest withProgress(McpProgress stream) {
        return new McpRequest(
                method, params, metadata, modern, protocolVersion, client, caller, roles, stream, session);
    }

    /**
     * The request as the audit line shows it: method, what it names (under the method's field: {@code tool},
     * {@code resource} or {@code prompt}), revision and client.
     *
     * @return the audit view
     */
    public AuditLog.Request audit() {
        String field = McpMethod.of(method).flatMap(McpMethod::auditField).orElse(null);
        return new AuditLog.Request(
                method, field, McpMethod.target(method, params), protocolVersion, client.name(), client.version());
    }

    /**
     * The log level the client asked for, or null: in {@code _meta["io.modelcontextprotocol/logLevel"]} of a
     * 2026-07-28 request, or with {@code logging/setLevel} for the request's 2025-era session.
     */
    public String logLevel() {
        if (!modern) {
            return session == null ? null : session.logLevel();
        }
        return modern
                        && params.get("_meta") instanceof JsonObject meta
                        && meta.get(META_LOG_LEVEL) instanceof JsonString level
                        && McpProgress.LEVELS.contains(level.getString())
                ? level.getString()
                : null;
    }

    /** The client's {@code _meta.progressToken}, or null when it asked for no progress. */
    public JsonValue progressToken() {
        JsonValue token = params.get("_meta") instanceof JsonObject meta ? meta.get("progressToken") : null;
        return token instanceof JsonString || token instanceof jakarta.json.JsonNumber ? token : null;
    }

    /** The {@code _meta} key of the request's revision. */
    static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    /** The {@code _meta} key of the client's name and version. */
    static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    /** The {@code _meta} key of the log level a request asks for. */
    static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    /** The {@code _meta} key of the client's capabilities. */
    static final String META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";

    /**
     * Reads a request; its sender is {@link McpCaller#ANONYMOUS} until {@link #by} names the verified one.
     *
     * @param method the JSON-RPC method
     * @param params the params, {@code {}} when absent
     * @param metadata the request metadata headers
     * @return the request with its era
     */
    public static McpRequest of(String method, JsonObject params, RequestMetadata metadata) {
        String header = metadata.protocolVersion();
        JsonObject meta = params.get("_meta") instanceof JsonObject object ? object : JsonObject.EMPTY_JSON_OBJECT;
        String claimed = meta.get(META_PROTOCOL_VERSION) instanceof JsonString version ? version.getString() : null;
        boolean headerLegacy = header == null || ProtocolVersions.isLegacy(header);
        boolean metaLegacy = claimed == null || ProtocolVersions.isLegacy(claimed);
        if (headerLegacy && metaLegacy) {
            return legacy(method, params, metadata, header);
        }
        JsonObject info =
                meta.get(META_CLIENT_INFO) instanceof JsonObject object ? object : JsonObject.EMPTY_JSON_OBJECT;
        Map<String, Object> capabilities =
                meta.get(META_CLIENT_CAPABILITIES) instanceof JsonObject object ? Jsonp.toJava(object) : Map.of();
        String version = claimed != null ? claimed : header;
        return new McpRequest(
                method,
                params,
                metadata,
                true,
                version,
                new McpClient(version, string(info, "name"), string(info, "version"), capabilities, true),
                McpCaller.ANONYMOUS,
                Set.of(),
                McpProgress.NONE,
                null);
    }

    private static McpRequest legacy(String method, JsonObject params, RequestMetadata metadata, String header) {
        if (McpMethod.INITIALIZE.wireName().equals(method)) {
            // the handshake is the one legacy request that says who the client is and what it can do
            JsonObject info =
                    params.get("clientInfo") instanceof JsonObject object ? object : JsonObject.EMPTY_JSON_OBJECT;
            String requested = params.get("protocolVersion") instanceof JsonString version ? version.getString() : null;
            Map<String, Object> capabilities =
                    params.get("capabilities") instanceof JsonObject object ? Jsonp.toJava(object) : Map.of();
            String version = requested != null ? ProtocolVersions.negotiate(requested) : ProtocolVersions.LEGACY.get(0);
            return new McpRequest(
                    method,
                    params,
                    metadata,
                    false,
                    version,
                    new McpClient(version, string(info, "name"), string(info, "version"), capabilities, true),
                    McpCaller.ANONYMOUS,
                    Set.of(),
                    McpProgress.NONE,
                    null);
        }
        String version = header != null ? header : ProtocolVersions.ASSUMED_WITHOUT_HEADER;
        return new McpRequest(
                method,
                params,
                metadata,
                false,
                version,
                new McpClient(version, null, null, Map.of(), false),
                McpCaller.ANONYMOUS,
                Set.of(),
                McpProgress.NONE,
                null);
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }
}

package dev.mcpauth.runtime.protocol;

import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The 2026-07-28 result envelope (MCP 2026-07-28, Basic): every result says {@code resultType: "complete"} and
 * names the server in {@code _meta["io.modelcontextprotocol/serverInfo"]}; list and discover results also say how
 * long and by whom they may be reused ({@code CacheableResult}: {@code ttlMs}, {@code cacheScope}).
 */
final class ModernResults {

    /** The {@code _meta} key naming the server. */
    static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";

    private final JsonObject serverInfo;
    private final int ttlMs;

    ModernResults(ServerSettings settings) {
        this.serverInfo = InitializeHandler.serverInfo(settings).build();
        this.ttlMs = settings.cacheTtlMs();
    }

    /** {@code result} as a complete 2026-07-28 result. */
    JsonObject complete(JsonObject result) {
        return envelope(result).build();
    }

    /**
     * {@code result} as a complete, cacheable 2026-07-28 result.
     *
     * @param result the result
     * @param privateToCaller whether the result depends on who asked (a list filtered by the caller's scopes and
     *     roles), so only the same authorization context may reuse it
     * @return the result with {@code ttlMs} and {@code cacheScope}
     */
    JsonObject cacheable(JsonObject result, boolean privateToCaller) {
        return envelope(result)
                .add("ttlMs", ttlMs)
                .add("cacheScope", privateToCaller ? "private" : "public")
                .build();
    }

    /** {@code server/discover}'s result: every revision this server speaks, its capabilities and instructions. */
    JsonObject discover(ServerSettings settings, Features features, boolean privateToCaller) {
        JsonArrayBuilder versions = Jsonp.array();
        ProtocolVersions.SUPPORTED.forEach(versions::add);
        JsonObjectBuilder result = Jsonp.object()
                .add("supportedVersions", versions)
                .add("capabilities", InitializeHandler.modernCapabilities(features));
        settings.instructions().ifPresent(text -> result.add("instructions", text));
        return cacheable(result.build(), privateToCaller);
    }

    private JsonObjectBuilder envelope(JsonObject result) {
        JsonObjectBuilder meta =
                result.get("_meta") instanceof JsonObject existing ? Jsonp.object(existing) : Jsonp.object();
        JsonObjectBuilder envelope = Jsonp.object(result).add("_meta", meta.add(META_SERVER_INFO, serverInfo));
        // an InputRequiredResult says so itself; everything else is complete
        return result.containsKey("resultType") ? envelope : envelope.add("resultType", "complete");
    }
}

package dev.mcpauth.runtime.protocol;

import dev.mcpauth.McpProgress;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Printable;
import dev.mcpauth.runtime.session.Session;
import dev.mcpauth.runtime.session.Sessions;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The 2025-era methods that change a session: {@code logging/setLevel} (MCP 2025-11-25, Logging) and
 * {@code resources/subscribe} / {@code unsubscribe} (Resources, Subscriptions). Each needs the session that
 * {@code initialize} opened; subscribing needs read access to the resource, decided by reading it as the caller.
 */
final class SessionMethods {

    private final Sessions sessions;
    private final Features features;
    private final Authorizer authorizer;

    SessionMethods(Sessions sessions, Features features, Authorizer authorizer) {
        this.sessions = sessions;
        this.features = features;
        this.authorizer = authorizer;
    }

    boolean enabled() {
        return sessions.enabled();
    }

    JsonObject setLevel(McpRequest request) {
        Session session = session(request);
        if (!(request.params().get("level") instanceof JsonString level)
                || !McpProgress.LEVELS.contains(level.getString())) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS, "logging/setLevel needs params.level, one of " + McpProgress.LEVELS);
        }
        sessions.setLogLevel(session, level.getString());
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    JsonObject subscribe(McpRequest request, boolean subscribed) {
        Session session = session(request);
        if (!(request.params().get("uri") instanceof JsonString uri)) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS, Printable.of(request.method()) + " needs params.uri, a string");
        }
        if (subscribed) {
            // read access, decided as resources/read decides it (scopes, then the application's own answer): an
            // unknown resource and someone else's answer alike, and a missing scope is a step-up challenge
            ResourcesHandler.read(request, features, authorizer);
        }
        sessions.subscribe(session, uri.getString(), subscribed);
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    private static Session session(McpRequest request) {
        if (request.session() == null) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_REQUEST,
                    Printable.of(request.method())
                            + " needs a session: send the Mcp-Session-Id header that initialize returned",
                    null,
                    400);
        }
        return request.session();
    }
}

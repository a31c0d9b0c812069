package dev.mcpauth.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mcpauth.McpCaller;
import dev.mcpauth.RequiresScope;
import dev.mcpauth.Tool;
import dev.mcpauth.runtime.auth.AccessForbiddenException;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.auth.DecisionMetrics;
import dev.mcpauth.runtime.auth.InsufficientScopeException;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.tools.TestTools;
import dev.mcpauth.runtime.tools.ToolRegistry;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher asks the one authorizer before it invokes a tool and filters {@code tools/list} by the same
 * decision, with scopes and roles: the production path the endpoint uses.
 */
class McpDispatcherTest {

    @RequiresScope("tickets:read")
    public static class DeskTools {
        @Tool
        public String listTickets() {
            return "";
        }

        @Tool
        @RequiresScope("tickets:write")
        public String draftReply() {
            return "";
        }

        @Tool
        @RolesAllowed("ticket-admin")
        public String purgeDrafts() {
            return "";
        }

        @Tool
        @DenyAll
        public String dropEverything() {
            return "";
        }
    }

    private static final McpDispatcher DISPATCHER = new McpDispatcher(
            new ServerSettings("desk", "1", Optional.empty(), Optional.empty(), 100, 1000),
            Features.toolsOnly(new ToolRegistry(TestTools.defineAll(DeskTools.class)), null),
            new Authorizer(true),
            new AuditLog(DecisionMetrics.NONE));

    /** A request of a 2025-era client: no metadata headers, no {@code _meta}. */
    private static McpRequest legacy(String method, JsonObject params) {
        return McpRequest.of(method, params, RequestMetadata.NONE);
    }

    private static McpCaller caller(String... scopes) {
        return new McpCaller("alice", "desk-app", Set.of(scopes), Map.of());
    }

    private static List<String> visible(McpCaller caller, Set<String> roles) {
        JsonObject result = DISPATCHER.dispatch(
                legacy("tools/list", JsonValue.EMPTY_JSON_OBJECT).by(caller, roles));
        return result.getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                .map(tool -> tool.getString("name"))
                .toList();
    }

    private static JsonObject call(String tool, McpCaller caller, Set<String> roles) {
        return DISPATCHER.dispatch(legacy(
                        "tools/call",
                        Json.createObjectBuilder().add("name", tool).build())
                .by(caller, roles));
    }

    @Test
    void theListShowsExactlyWhatTheCallerMayCall() {
        assertEquals(List.of(), visible(caller(), Set.of()));
        assertEquals(List.of("list_tickets"), visible(caller("tickets:read"), Set.of()));
        assertEquals(
                List.of("draft_reply", "list_tickets"), visible(caller("tickets:read", "tickets:write"), Set.of()));
        assertEquals(
                List.of("draft_reply", "list_tickets", "purge_drafts"),
                visible(caller("tickets:read", "tickets:write"), Set.of("ticket-admin")));
    }

    @Test
    void aCallIsRefusedBeforeTheToolIsInvoked() {
        // the invoker is null: reaching it would be a NullPointerException, not a refusal
        InsufficientScopeException scope = assertThrows(
                InsufficientScopeException.class, () -> call("draft_reply", caller("tickets:read"), Set.of()));
        assertEquals(List.of("tickets:write"), scope.missing());
        assertThrows(
                AccessForbiddenException.class,
                () -> call("purge_drafts", caller("tickets:read"), Set.of("ticket-reader")));
        assertThrows(
                AccessForbiddenException.class,
                () -> call("drop_everything", caller("tickets:read"), Set.of("ticket-admin")));
    }

    @Test
    void unknownMethodsAndToolsAreProtocolErrors() {
        JsonRpcException method = assertThrows(
                JsonRpcException.class,
                () -> DISPATCHER.dispatch(
                        legacy("tools/nope", JsonValue.EMPTY_JSON_OBJECT).by(caller(), Set.of())));
        assertEquals(JsonRpcError.METHOD_NOT_FOUND, method.error());
        JsonRpcException tool =
                assertThrows(JsonRpcException.class, () -> call("no_such_tool", caller("tickets:read"), Set.of()));
        assertEquals(JsonRpcError.INVALID_PARAMS, tool.error());
    }
}

package dev.mcpauth.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.Tool;
import dev.mcpauth.ToolArg;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.auth.DecisionMetrics;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.tools.TestTools;
import dev.mcpauth.runtime.tools.ToolRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 2026-07-28 era through the dispatcher: which requests are modern, the checks in the revision's order with
 * their codes and statuses, the result envelope, cache hints, and the mirror headers of tool arguments.
 */
class ModernEraTest {

    public static class RegionTools {
        @Tool
        public String echo(
                @ToolArg(header = "Region") String region,
                @ToolArg(header = "Count", required = false) Integer count,
                @ToolArg(header = "Dry", required = false) Boolean dry) {
            return region + "/" + count + "/" + dry;
        }
    }

    private static final ServerSettings SETTINGS =
            new ServerSettings("desk", "1.2", Optional.of("Desk"), Optional.of("Be kind"), 100, 4242);
    private static final McpCaller CALLER = new McpCaller("alice", "app", Set.of(), Map.of());

    private static McpDispatcher dispatcher(boolean authEnforced) {
        // the invoker is null: tests that reach a tool call it through the echo stub below
        return new McpDispatcher(
                SETTINGS,
                Features.toolsOnly(new ToolRegistry(TestTools.defineAll(RegionTools.class)), null),
                new Authorizer(authEnforced),
                new AuditLog(DecisionMetrics.NONE));
    }

    /** Params with the modern {@code _meta} of {@code version}. */
    private static JsonObjectBuilder params(String version) {
        return Json.createObjectBuilder()
                .add(
                        "_meta",
                        Json.createObjectBuilder()
                                .add("io.modelcontextprotocol/protocolVersion", version)
                                .add(
                                        "io.modelcontextprotocol/clientInfo",
                                        Json.createObjectBuilder()
                                                .add("name", "inspector")
                                                .add("version", "2.12.0"))
                                .add(
                                        "io.modelcontextprotocol/clientCapabilities",
                                        Json.createObjectBuilder().add("elicitation", JsonObject.EMPTY_JSON_OBJECT)));
    }

    private static RequestMetadata headers(String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i].toLowerCase(Locale.ROOT), namesAndValues[i + 1]);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            names.add(namesAndValues[i]);
        }
        return new RequestMetadata(
                name -> values.containsKey(name.toLowerCase(Locale.ROOT))
                        ? List.of(values.get(name.toLowerCase(Locale.ROOT)))
                        : null,
                () -> names);
    }

    private static RequestMetadata modernHeaders(String method) {
        return headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", method);
    }

    private static JsonRpcException refused(McpRequest request) {
        return assertThrows(JsonRpcException.class, () -> dispatcher(true).dispatch(request.by(CALLER, Set.of())));
    }

    @Test
    void theEraIsReadFromEachRequest() {
        assertFalse(McpRequest.of("initialize", JsonObject.EMPTY_JSON_OBJECT, RequestMetadata.NONE)
                .modern());
        assertFalse(
                McpRequest.of("tools/list", JsonObject.EMPTY_JSON_OBJECT, headers("MCP-Protocol-Version", "2025-11-25"))
                        .modern());
        assertTrue(McpRequest.of("tools/list", params("2026-07-28").build(), modernHeaders("tools/list"))
                .modern());
        assertTrue(
                McpRequest.of("initialize", JsonObject.EMPTY_JSON_OBJECT, headers("MCP-Protocol-Version", "2026-07-28"))
                        .modern());
        McpClient client = McpRequest.of("tools/list", params("2026-07-28").build(), modernHeaders("tools/list"))
                .client();
        assertEquals("inspector", client.name());
        assertEquals("2.12.0", client.version());
        assertTrue(client.hasCapability("elicitation"));
        assertFalse(client.hasCapability("sampling"));
    }

    @Test
    void discoverListsBothErasCapabilitiesAndIdentity() {
        JsonObject result = dispatcher(false)
                .dispatch(
                        McpRequest.of("server/discover", params("2026-07-28").build(), modernHeaders("server/discover"))
                                .by(CALLER, Set.of()));
        assertEquals(
                List.of("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26"),
                result.getJsonArray("supportedVersions").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        assertEquals(
                "{\"tools\":{\"listChanged\":false}}",
                result.getJsonObject("capabilities").toString());
        assertEquals("Be kind", result.getString("instructions"));
        assertEquals("complete", result.getString("resultType"));
        assertEquals(4242, result.getInt("ttlMs"));
        assertEquals("public", result.getString("cacheScope"));
        assertEquals(
                "{\"name\":\"desk\",\"version\":\"1.2\",\"title\":\"Desk\"}",
                result.getJsonObject("_meta")
                        .getJsonObject("io.modelcontextprotocol/serverInfo")
                        .toString());
    }

    @Test
    void aListFilteredPerCallerIsPrivateAndAnUnfilteredOnePublic() {
        McpRequest list = McpRequest.of("tools/list", params("2026-07-28").build(), modernHeaders("tools/list"));
        assertEquals(
                "private", dispatcher(true).dispatch(list.by(CALLER, Set.of())).getString("cacheScope"));
        JsonObject open = dispatcher(false).dispatch(list.by(CALLER, Set.of()));
        assertEquals("public", open.getString("cacheScope"));
        assertEquals("complete", open.getString("resultType"));
        assertEquals(
                "Region",
                open.getJsonArray("tools")
                        .getJsonObject(0)
                        .getJsonObject("inputSchema")
                        .getJsonObject("properties")
                        .getJsonObject("region")
                        .getString("x-mcp-header"));
    }

    @Test
    void aMissingVersionHeaderIsAHeaderMismatch() {
        JsonRpcException e =
                refused(McpRequest.of("tools/list", params("2026-07-28").build(), headers("Mcp-Method", "tools/list")));
        assertEquals(JsonRpcError.HEADER_MISMATCH, e.error());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void aMissingMetaIsInvalidParams() {
        JsonRpcException e =
                refused(McpRequest.of("tools/list", JsonObject.EMPTY_JSON_OBJECT, modernHeaders("tools/list")));
        assertEquals(JsonRpcError.INVALID_PARAMS, e.error());
        assertEquals(400, e.httpStatus());
        JsonObject noCapabilities = Json.createObjectBuilder()
                .add("_meta", Json.createObjectBuilder().add("io.modelcontextprotocol/protocolVersion", "2026-07-28"))
                .build();
        assertEquals(
                JsonRpcError.INVALID_PARAMS,
                refused(McpRequest.of("tools/list", noCapabilities, modernHeaders("tools/list")))
                        .error());
    }

    @Test
    void aHeaderThatDiffersFromTheBodysVersionIsAHeaderMismatch() {
        JsonRpcException e =
                refused(McpRequest.of("tools/list", params("v999.0.0").build(), modernHeaders("tools/list")));
        assertEquals(JsonRpcError.HEADER_MISMATCH, e.error());
    }

    @Test
    void anUnknownVersionNamesTheSupportedOnesAndTheRequestedOne() {
        JsonRpcException e = refused(McpRequest.of(
                "tools/list",
                params("v999.0.0").build(),
                headers("MCP-Protocol-Version", "v999.0.0", "Mcp-Method", "tools/list")));
        assertEquals(JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION, e.error());
        assertEquals(400, e.httpStatus());
        assertEquals(
                "{\"supported\":[\"2026-07-28\",\"2025-11-25\",\"2025-06-18\",\"2025-03-26\"],\"requested\":\"v999.0.0\"}",
                e.data().toString());
        // a version header of neither era without any _meta: the same answer
        assertEquals(
                JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION,
                refused(McpRequest.of(
                                "tools/list",
                                JsonObject.EMPTY_JSON_OBJECT,
                                headers("MCP-Protocol-Version", "1999-01-01")))
                        .error());
    }

    @Test
    void methodHeaderMustMatch() {
        assertEquals(
                JsonRpcError.HEADER_MISMATCH,
                refused(McpRequest.of("tools/list", params("2026-07-28").build(), modernHeaders("tools/call")))
                        .error());
        assertEquals(
                JsonRpcError.HEADER_MISMATCH,
                refused(McpRequest.of(
                                "tools/list",
                                params("2026-07-28").build(),
                                headers("MCP-Protocol-Version", "2026-07-28")))
                        .error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"initialize", "ping", "logging/setLevel", "resources/subscribe", "unknown/method"})
    void removedAndUnknownMethodsAre404MethodNotFound(String method) {
        JsonRpcException e = refused(McpRequest.of(method, params("2026-07-28").build(), modernHeaders(method)));
        assertEquals(JsonRpcError.METHOD_NOT_FOUND, e.error());
        assertEquals(404, e.httpStatus());
    }

    @Test
    void theNameHeaderMustNameTheBodysToolBase64WhereNeeded() {
        JsonObject call = params("2026-07-28")
                .add("name", "echo")
                .add("arguments", Json.createObjectBuilder().add("region", "eu"))
                .build();
        assertEquals(
                JsonRpcError.HEADER_MISMATCH,
                refused(McpRequest.of("tools/call", call, modernHeaders("tools/call")))
                        .error());
        assertEquals(
                JsonRpcError.HEADER_MISMATCH,
                refused(McpRequest.of(
                                "tools/call",
                                call,
                                headers(
                                        "MCP-Protocol-Version",
                                        "2026-07-28",
                                        "Mcp-Method",
                                        "tools/call",
                                        "Mcp-Name",
                                        "other")))
                        .error());
        assertEquals(
                JsonRpcError.HEADER_MISMATCH,
                refused(McpRequest.of(
                                "tools/call",
                                call,
                                headers(
                                        "MCP-Protocol-Version",
                                        "2026-07-28",
                                        "Mcp-Method",
                                        "tools/call",
                                        "Mcp-Name",
                                        "=?base64?not base64?=")))
                        .error());
        assertEquals(
                "Hello, 世界",
                HeaderValues.decode("=?base64?SGVsbG8sIOS4lueVjA==?=").orElseThrow());
        assertEquals(
                "=?base64?literal?=",
                HeaderValues.decode("=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?=").orElseThrow());
        assertEquals("plain", HeaderValues.decode("plain").orElseThrow());
        assertTrue(
                HeaderValues.decode("=?base64?SGVsbG8sIOS4lueVjA?=").isEmpty(), "only the canonical padded spelling");
    }

    private static JsonObject echoCall(String argumentsJson) {
        return params("2026-07-28")
                .add("name", "echo")
                .add(
                        "arguments",
                        Json.createReader(new StringReader(argumentsJson)).readObject())
                .build();
    }

    private static RequestMetadata echoHeaders(String... more) {
        String[] all = new String[6 + more.length];
        System.arraycopy(
                new String[] {"MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "echo"},
                0,
                all,
                0,
                6);
        System.arraycopy(more, 0, all, 6, more.length);
        return headers(all);
    }

    @Test
    void aMirroredArgumentNeedsItsHeaderWithTheSameValue() {
        JsonObject call = echoCall("{\"region\":\"eu-west\",\"count\":42,\"dry\":true}");
        JsonRpcException missing = refused(
                McpRequest.of("tools/call", call, echoHeaders("Mcp-Param-Count", "42", "Mcp-Param-Dry", "true")));
        assertEquals(JsonRpcError.HEADER_MISMATCH, missing.error());
        assertTrue(missing.getMessage().contains("Mcp-Param-Region"), missing.getMessage());
        assertEquals(
                JsonRpcError.HEADER_MISMATCH,
                refused(McpRequest.of(
                                "tools/call",
                                call,
                                echoHeaders(
                                        "Mcp-Param-Region",
                                        "us-east",
                                        "Mcp-Param-Count",
                                        "42",
                                        "Mcp-Param-Dry",
                                        "true")))
                        .error());
        assertEquals(
                JsonRpcError.HEADER_MISMATCH,
                refused(McpRequest.of(
                                "tools/call",
                                call,
                                echoHeaders(
                                        "Mcp-Param-Region",
                                        "eu-west",
                                        "Mcp-Param-Count",
                                        "41",
                                        "Mcp-Param-Dry",
                                        "true")))
                        .error());
        assertEquals(
                JsonRpcError.HEADER_MISMATCH,
                refused(McpRequest.of(
                                "tools/call",
                                call,
                                echoHeaders(
                                        "Mcp-Param-Region",
                                        "eu-west",
                                        "Mcp-Param-Count",
                                        "42",
                                        "Mcp-Param-Dry",
                                        "yes")))
                        .error());
    }

    /** A 2025-era call of echo: no _meta, no version header. */
    private static JsonObject legacyEchoCall(String argumentsJson) {
        return Json.createObjectBuilder()
                .add("name", "echo")
                .add(
                        "arguments",
                        Json.createReader(new StringReader(argumentsJson)).readObject())
                .build();
    }

    private static void assertMismatch(McpRequest request, String detail) {
        JsonRpcException refused = refused(request);
        assertEquals(JsonRpcError.HEADER_MISMATCH, refused.error(), refused.getMessage());
        assertEquals(400, refused.httpStatus());
        assertTrue(refused.getMessage().contains(detail), refused.getMessage());
    }

    @Test
    void mirrorHeadersThatAreSentMustAgreeWithTheBodyInThe2025EraToo() {
        JsonObject call = legacyEchoCall("{\"region\":\"eu-west\",\"count\":42}");
        assertMismatch(
                McpRequest.of("tools/call", call, headers("Mcp-Method", "tools/call", "Mcp-Name", "search_tickets")),
                "Mcp-Name header value 'search_tickets' does not match body value 'echo'");
        assertMismatch(
                McpRequest.of("tools/call", call, headers("Mcp-Method", "tools/list")),
                "does not match the body's method");
        assertMismatch(
                McpRequest.of("tools/call", call, headers("Mcp-Param-Region", "us-east")),
                "Mcp-Param-Region header value 'us-east'");
        assertMismatch(
                McpRequest.of("tools/list", JsonObject.EMPTY_JSON_OBJECT, headers("Mcp-Name", "echo")),
                "names nothing for tools/list");
        // without the headers, or with headers that agree, a 2025-era call reaches the tool (the null invoker)
        assertThrows(
                NullPointerException.class,
                () -> dispatcher(false)
                        .dispatch(McpRequest.of("tools/call", call, RequestMetadata.NONE)
                                .by(CALLER, Set.of())));
        assertThrows(
                NullPointerException.class,
                () -> dispatcher(false)
                        .dispatch(McpRequest.of(
                                        "tools/call",
                                        call,
                                        headers(
                                                "Mcp-Method",
                                                "tools/call",
                                                "Mcp-Name",
                                                "echo",
                                                "Mcp-Param-Region",
                                                "eu-west"))
                                .by(CALLER, Set.of())));
    }

    @Test
    void aParamHeaderForNoDeclaredOrNoSetArgumentIsRefusedInEveryEra() {
        JsonObject legacy = legacyEchoCall("{\"region\":\"eu-west\",\"count\":42}");
        assertMismatch(
                McpRequest.of("tools/call", legacy, headers("Mcp-Param-Tenant", "acme")),
                "Mcp-Param-Tenant header mirrors no argument of tool echo");
        assertMismatch(
                McpRequest.of("tools/call", legacy, headers("Mcp-Param-Dry", "true")),
                "the Mcp-Param-Dry header is set but arguments.dry is not");
        assertMismatch(
                McpRequest.of(
                        "tools/call",
                        echoCall("{\"region\":\"eu-west\",\"count\":42}"),
                        echoHeaders(
                                "Mcp-Param-Region", "eu-west", "Mcp-Param-Count", "42", "Mcp-Param-Tenant", "acme")),
                "Mcp-Param-Tenant");
        assertMismatch(
                McpRequest.of("tools/list", JsonObject.EMPTY_JSON_OBJECT, headers("Mcp-Param-Region", "eu-west")),
                "calls no tool");
    }

    @Test
    void aMirrorHeaderSentOnSeveralLinesIsRefusedNotJoined() {
        JsonObject call = legacyEchoCall("{\"region\":\"eu-west\",\"count\":42}");
        Map<String, List<String>> lines = Map.of("mcp-name", List.of("echo", "search_tickets"));
        RequestMetadata repeated =
                new RequestMetadata(name -> lines.get(name.toLowerCase(Locale.ROOT)), () -> List.of("Mcp-Name"));
        assertMismatch(McpRequest.of("tools/call", call, repeated), "the Mcp-Name header was sent more than once");
    }

    @Test
    void matchingMirrorHeadersReachTheToolAndAbsentArgumentsNeedNone() {
        // the invoker is null: getting past the header checks shows as a NullPointerException at the invocation
        JsonObject call = echoCall("{\"region\":\"eu-west\",\"count\":42}");
        assertThrows(
                NullPointerException.class,
                () -> dispatcher(false)
                        .dispatch(McpRequest.of(
                                        "tools/call",
                                        call,
                                        echoHeaders(
                                                "Mcp-Param-Region",
                                                "=?base64?ZXUtd2VzdA==?=",
                                                "Mcp-Param-Count",
                                                "42.0"))
                                .by(CALLER, Set.of())));
    }

    @Test
    void legacyRequestsIgnoreMirrorHeadersAndGetNoEnvelope() {
        JsonObject legacyList = dispatcher(false)
                .dispatch(McpRequest.of("tools/list", JsonObject.EMPTY_JSON_OBJECT, RequestMetadata.NONE)
                        .by(CALLER, Set.of()));
        assertFalse(legacyList.containsKey("resultType"));
        assertFalse(legacyList.containsKey("ttlMs"));
        assertEquals(
                JsonRpcError.METHOD_NOT_FOUND,
                assertThrows(
                                JsonRpcException.class,
                                () -> dispatcher(false)
                                        .dispatch(McpRequest.of(
                                                        "server/discover",
                                                        JsonObject.EMPTY_JSON_OBJECT,
                                                        RequestMetadata.NONE)
                                                .by(CALLER, Set.of())))
                        .error());
    }
}

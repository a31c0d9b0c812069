package dev.mcpauth.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.mcpauth.it.support.ServerProcesses;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The clients Java users use, against the sample with tokens Keycloak issued after a real login: the official MCP
 * Java SDK (2025-11-25, sessions, elicitation, subscriptions) and LangChain4j's MCP client (bearer token in a
 * header). Run by {@link SampleEndToEndIT} while Keycloak and the sample are up.
 */
final class JavaClients {

    private static final String BASE = "http://localhost:9080";

    private JavaClients() {}

    /** A token of {@code user} from Keycloak, through {@code it/e2e/access-token.mjs} (DCR, PKCE, login form). */
    static String token(Path e2e, Path logs, String user, String scope) throws Exception {
        Path out = logs.resolve("access-token-" + user + ".log");
        Files.deleteIfExists(out);
        int exit = ServerProcesses.run(
                List.of("node", e2e.resolve("access-token.mjs").toString(), user, user, scope),
                Map.of("MCP_RESOURCE", BASE + "/mcp", "KEYCLOAK_URL", "http://localhost:8180"),
                out,
                Duration.ofMinutes(1));
        String token = Files.readString(out).trim();
        assertEquals(0, exit, "no token for " + user + ": " + token);
        return token.substring(token.lastIndexOf('\n') + 1);
    }

    /** The official Java SDK client of {@code token}, answering elicitations with {@code user}. */
    static McpSyncClient javaSdk(
            String token,
            Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> user,
            BlockingQueue<String> updates) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(BASE)
                .endpoint("/mcp")
                .httpRequestCustomizer(
                        (request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("java-sdk-e2e", "1.0.0"))
                .requestTimeout(Duration.ofSeconds(30))
                .capabilities(
                        McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(user)
                .resourcesUpdateConsumer(contents -> contents.forEach(content -> updates.add(
                        content instanceof McpSchema.TextResourceContents text ? text.text() : content.uri())))
                .build();
        client.initialize();
        return client;
    }

    /**
     * alice with the official Java SDK: draft_reply asks her to confirm over elicitation, on the call's stream; a
     * confirmed draft is recorded and her subscription to the ticket hears it, a declined one records nothing.
     */
    static void aliceConfirmsOverElicitationAndHerSubscriptionHearsTheDraft(String alice) throws Exception {
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        BlockingQueue<String> updates = new LinkedBlockingQueue<>();
        List<McpSchema.ElicitResult.Action> answers = Collections.synchronizedList(
                new ArrayList<>(List.of(McpSchema.ElicitResult.Action.ACCEPT, McpSchema.ElicitResult.Action.DECLINE)));
        McpSyncClient client = javaSdk(
                alice,
                request -> {
                    asked.add(request.message());
                    McpSchema.ElicitResult.Action action = answers.remove(0);
                    return new McpSchema.ElicitResult(
                            action, action == McpSchema.ElicitResult.Action.ACCEPT ? Map.of("save", true) : null);
                },
                updates);
        try {
            client.subscribeResource(new McpSchema.SubscribeRequest("tickets://T-1001"));

            McpSchema.CallToolResult confirmed = client.callTool(new McpSchema.CallToolRequest(
                    "draft_reply", Map.of("ticketId", "T-1001", "text", "Java SDK: the reset link is fixed.")));
            assertFalse(Boolean.TRUE.equals(confirmed.isError()), String.valueOf(confirmed));
            assertEquals(1, asked.size(), "asked once before recording: " + asked);
            assertTrue(asked.get(0).contains("T-1001"), asked.get(0));
            String heard = updates.poll(20, TimeUnit.SECONDS);
            assertTrue(
                    heard != null && heard.contains("Java SDK: the reset link is fixed."),
                    "the subscription hears the recorded draft: " + heard);

            McpSchema.CallToolResult declined = client.callTool(new McpSchema.CallToolRequest(
                    "draft_reply", Map.of("ticketId", "T-1001", "text", "Java SDK: never recorded.")));
            assertTrue(Boolean.TRUE.equals(declined.isError()), String.valueOf(declined));
            assertTrue(declined.toString().contains("did not confirm"), String.valueOf(declined));
            assertEquals(2, asked.size());
            McpSchema.ReadResourceResult ticket =
                    client.readResource(new McpSchema.ReadResourceRequest("tickets://T-1001"));
            assertFalse(ticket.toString().contains("never recorded"), "nothing recorded: " + ticket);
        } finally {
            client.closeGracefully();
        }
    }

    /** bob with the official Java SDK: four tools, and draft_reply refused for want of tickets:write. */
    static void bobIsRefusedTheWriteTool(String bob) {
        McpSyncClient client = javaSdk(
                bob,
                request -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null),
                new LinkedBlockingQueue<>());
        try {
            List<String> names = client.listTools().tools().stream()
                    .map(McpSchema.Tool::name)
                    .sorted()
                    .toList();
            assertEquals(List.of("export_tickets", "get_ticket", "search_tickets", "whoami"), names);
            RuntimeException refused = assertThrows(
                    RuntimeException.class,
                    () -> client.callTool(
                            new McpSchema.CallToolRequest("draft_reply", Map.of("ticketId", "T-2001", "text", "hi"))));
            // the SDK reports a 401 or 403 as this exception, with the response it got
            Throwable authorization = refused;
            while (authorization != null && !(authorization instanceof McpHttpClientTransportAuthorizationException)) {
                authorization = authorization.getCause();
            }
            assertTrue(authorization != null, "an authorization error: " + refused);
            HttpResponse.ResponseInfo response =
                    ((McpHttpClientTransportAuthorizationException) authorization).getResponseInfo();
            assertEquals(403, response.statusCode());
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            assertTrue(
                    challenge.contains("error=\"insufficient_scope\"") && challenge.contains("tickets:write"),
                    challenge);
        } finally {
            client.closeGracefully();
        }
    }

    /** LangChain4j's MCP client with alice's bearer token: lists the tools and calls one. */
    static void langChain4jListsAndCalls(String alice) throws Exception {
        DefaultMcpClient client = new DefaultMcpClient.Builder()
                .key("sample")
                .clientName("langchain4j-e2e")
                .transport(new StreamableHttpMcpTransport.Builder()
                        .url(BASE + "/mcp")
                        .customHeaders(Map.of("Authorization", "Bearer " + alice))
                        .timeout(Duration.ofSeconds(30))
                        .build())
                .build();
        try {
            List<String> names = client.listTools().stream()
                    .map(ToolSpecification::name)
                    .sorted()
                    .toList();
            assertEquals(List.of("draft_reply", "export_tickets", "get_ticket", "search_tickets", "whoami"), names);
            String found = client.executeTool(ToolExecutionRequest.builder()
                            .name("search_tickets")
                            .arguments("{\"query\":\"\"}")
                            .build())
                    .resultText();
            assertTrue(found.contains("T-1001") && !found.contains("T-2001"), "alice's tickets only: " + found);
        } finally {
            client.close();
        }
    }
}

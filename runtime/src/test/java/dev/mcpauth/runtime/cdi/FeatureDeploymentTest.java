package dev.mcpauth.runtime.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.CompletePrompt;
import dev.mcpauth.CompleteResourceTemplate;
import dev.mcpauth.Content;
import dev.mcpauth.McpCaller;
import dev.mcpauth.McpException;
import dev.mcpauth.McpResource;
import dev.mcpauth.McpResourceTemplate;
import dev.mcpauth.Prompt;
import dev.mcpauth.PromptMessage;
import dev.mcpauth.RequiresScope;
import dev.mcpauth.runtime.auth.AccessForbiddenException;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.auth.CallerHolder;
import dev.mcpauth.runtime.auth.DecisionMetrics;
import dev.mcpauth.runtime.auth.InsufficientScopeException;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.protocol.Features;
import dev.mcpauth.runtime.protocol.McpDispatcher;
import dev.mcpauth.runtime.protocol.McpRequest;
import dev.mcpauth.runtime.protocol.RequestMetadata;
import dev.mcpauth.runtime.protocol.ServerSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Resources, templates, prompts and completions on CDI beans, deployed in Weld SE with the runtime's extension:
 * the deployment checks between beans, then what a client sees through the dispatcher with authorization on.
 */
class FeatureDeploymentTest {

    private static final Map<String, String> AUTH_ON = Map.of(
            "mcp.auth.resource", "https://mcp.example.com/mcp",
            "mp.jwt.verify.issuer", "https://idp.example.com/realms/acme");

    @ApplicationScoped
    public static class PublicDocs {
        @McpResource(uri = "docs://readme", title = "Read me")
        public String readme() {
            return "# Desk";
        }
    }

    /** A ticket summary, sent as JSON. */
    public record Summary(String id, int openTasks) {}

    @ApplicationScoped
    @RequiresScope("tickets:read")
    public static class TicketResources {
        @McpResource(uri = "tickets://open")
        public String openTickets() {
            return "T-1";
        }

        @McpResourceTemplate(uriTemplate = "tickets://{id}")
        public Optional<String> ticket(String id, McpCaller caller) {
            return "T-1".equals(id)
                    ? Optional.of("T-1: printer on fire (read by " + caller.subject() + ")")
                    : Optional.empty();
        }

        @McpResourceTemplate(uriTemplate = "raw://{key}", uncheckedVariables = true)
        public String raw(String key) {
            return "key=" + key;
        }

        @McpResourceTemplate(uriTemplate = "tickets://{id}/summary")
        public Summary summary(String id) {
            return new Summary(id, 3);
        }

        @McpResourceTemplate(uriTemplate = "attachments://{number}")
        public byte[] attachment(int number) {
            return new byte[] {1, 2, (byte) number};
        }

        @McpResourceTemplate(uriTemplate = "tickets://{id}/history")
        @RequiresScope("tickets:history")
        public String history(String id) {
            return id + " opened";
        }

        @CompleteResourceTemplate(uriTemplate = "tickets://{id}", variable = "id")
        public List<String> ticketIds(String prefix) {
            return Stream.of("T-1", "T-2", "X-9")
                    .filter(id -> id.startsWith(prefix))
                    .toList();
        }
    }

    @ApplicationScoped
    public static class DeskPrompts {
        @Prompt(description = "Say hello")
        public String greet(String name) {
            return "Hello " + name;
        }

        @Prompt(description = "Reply to a ticket in a tone")
        @RequiresScope("tickets:read")
        public List<PromptMessage> replyToTicket(String ticketId, Optional<String> tone, McpCaller caller) {
            return List.of(
                    PromptMessage.user(Content.resource("tickets://" + ticketId, "text/plain", "printer on fire")),
                    PromptMessage.user("Reply to " + ticketId + " in a " + tone.orElse("neutral") + " tone, signed "
                            + caller.subject()));
        }

        @CompletePrompt(prompt = "reply_to_ticket", argument = "tone")
        @RequiresScope("tickets:read")
        public List<String> tones(String value) {
            return Stream.of("formal", "friendly", "firm", "curt")
                    .filter(tone -> tone.startsWith(value))
                    .toList();
        }

        @CompletePrompt(prompt = "greet", argument = "name")
        public List<String> names(String value) {
            return IntStream.range(0, 150).mapToObj(i -> value + i).toList();
        }
    }

    @ApplicationScoped
    @RolesAllowed("supervisor")
    public static class SupervisorPrompts {
        @Prompt
        public String escalate(String ticketId) {
            return "Escalate " + ticketId;
        }
    }

    /** Methods that fail, as a broken backend would make them. */
    @ApplicationScoped
    public static class FailingFeatures {
        @McpResourceTemplate(uriTemplate = "broken://{reason}")
        public String broken(String reason) {
            return fail(reason);
        }

        @Prompt
        public String failingPrompt(String reason) {
            return fail(reason);
        }

        @CompletePrompt(prompt = "failing_prompt", argument = "reason")
        public List<String> failingCompletion(String value) {
            return List.of(fail(value));
        }

        private static String fail(String reason) {
            if ("offline".equals(reason)) {
                throw new McpException("The ticket archive is offline");
            }
            throw new IllegalStateException("jdbc:postgresql://db/desk password=hunter2");
        }
    }

    private static final Class<?>[] DESK = {
        PublicDocs.class, TicketResources.class, DeskPrompts.class, SupervisorPrompts.class, FailingFeatures.class
    };

    // beans that break the deployment together with DESK

    @ApplicationScoped
    public static class SecondOpenTickets {
        @McpResource(uri = "tickets://open")
        public String alsoOpen() {
            return "";
        }
    }

    @ApplicationScoped
    public static class SecondTicketTemplate {
        @McpResourceTemplate(uriTemplate = "tickets://{id}")
        public String otherTicket(String id) {
            return "";
        }
    }

    /** Serves exactly the URIs of {@code tickets://{id}}: one of the two would never be called. */
    @ApplicationScoped
    public static class RenamedTicketTemplate {
        @McpResourceTemplate(uriTemplate = "tickets://{ticket}")
        public String renamedTicket(String ticket) {
            return "";
        }
    }

    @ApplicationScoped
    public static class SecondGreeting {
        @Prompt(name = "greet")
        public String hello(String name) {
            return "";
        }
    }

    @ApplicationScoped
    public static class CompletionsOfNothing {
        @CompletePrompt(prompt = "greet", argument = "nickname")
        public List<String> nicknames(String value) {
            return List.of();
        }

        @CompletePrompt(prompt = "no_such_prompt", argument = "name")
        public List<String> nothing(String value) {
            return List.of();
        }

        @CompleteResourceTemplate(uriTemplate = "tickets://{id}", variable = "ticket")
        public List<String> wrongVariable(String value) {
            return List.of();
        }

        @CompleteResourceTemplate(uriTemplate = "invoices://{id}", variable = "id")
        public List<String> noSuchTemplate(String value) {
            return List.of();
        }
    }

    @ApplicationScoped
    public static class SecondToneCompletion {
        @CompletePrompt(prompt = "reply_to_ticket", argument = "tone")
        public List<String> moreTones(String value) {
            return List.of();
        }
    }

    private static String failure(Class<?> extra) {
        Class<?>[] beans = Stream.concat(Stream.of(DESK), Stream.of(extra)).toArray(Class<?>[]::new);
        return TestDeployment.failure(AUTH_ON, beans);
    }

    private static String where(Class<?> type, String method) {
        return type.getName() + "#" + method;
    }

    @Test
    void aSecondResourceWithTheSameUriFailsTheDeploymentWith0125NamingBoth() {
        String failure = failure(SecondOpenTickets.class);
        assertTrue(
                failure.contains("MCPAUTH-0125: the resource 'tickets://open' is served by both "
                        + where(SecondOpenTickets.class, "alsoOpen") + " and "
                        + where(TicketResources.class, "openTickets")),
                failure);
    }

    @Test
    void aSecondTemplateWithTheSameTextFailsTheDeploymentWith0125NamingBoth() {
        String failure = failure(SecondTicketTemplate.class);
        assertTrue(
                failure.contains("MCPAUTH-0125: the resource 'tickets://{id}' is served by both "
                        + where(SecondTicketTemplate.class, "otherTicket") + " and "
                        + where(TicketResources.class, "ticket")),
                failure);
    }

    @Test
    void aTemplateThatDiffersOnlyInVariableNamesIsTheSameTemplateAndFailsWith0125() {
        String failure = failure(RenamedTicketTemplate.class);
        assertTrue(
                failure.contains("MCPAUTH-0125: the resource 'tickets://{ticket}' is served by both "
                        + where(RenamedTicketTemplate.class, "renamedTicket") + " and "
                        + where(TicketResources.class, "ticket")),
                failure);
    }

    @Test
    void aSecondPromptWithTheSameNameFailsTheDeploymentWith0132NamingBoth() {
        String failure = failure(SecondGreeting.class);
        assertTrue(
                failure.contains("MCPAUTH-0132: the prompt name 'greet' is used by both "
                        + where(DeskPrompts.class, "greet") + " and " + where(SecondGreeting.class, "hello")),
                failure);
    }

    @Test
    void completionsOfArgumentsOrVariablesThatDoNotExistFailTheDeploymentWith0141Each() {
        String failure = failure(CompletionsOfNothing.class);
        assertTrue(
                failure.contains("MCPAUTH-0141: " + where(CompletionsOfNothing.class, "nicknames")
                        + " completes ref/prompt greet (nickname), which does not exist"),
                failure);
        assertTrue(
                failure.contains("MCPAUTH-0141: " + where(CompletionsOfNothing.class, "nothing")
                        + " completes ref/prompt no_such_prompt (name), which does not exist"),
                failure);
        assertTrue(
                failure.contains("MCPAUTH-0141: " + where(CompletionsOfNothing.class, "wrongVariable")
                        + " completes ref/resource tickets://{id} (ticket), which does not exist"),
                failure);
        assertTrue(
                failure.contains("MCPAUTH-0141: " + where(CompletionsOfNothing.class, "noSuchTemplate")
                        + " completes ref/resource invoices://{id} (id), which does not exist"),
                failure);
    }

    @Test
    void twoCompletionsOfOneArgumentFailTheDeploymentWith0142NamingBoth() {
        String failure = failure(SecondToneCompletion.class);
        assertTrue(
                failure.contains("MCPAUTH-0142: ref/prompt reply_to_ticket (tone) is completed by both "
                        + where(DeskPrompts.class, "tones") + " and " + where(SecondToneCompletion.class, "moreTones")),
                failure);
    }

    /** The desk deployed with authorization on, used through the dispatcher in requests of verified callers. */
    @Nested
    class Deployed {

        private static final McpCaller ALICE = new McpCaller("alice", "desk-app", Set.of("tickets:read"), Map.of());
        private static final McpCaller BOB = new McpCaller("bob", "desk-app", Set.of(), Map.of());

        private TestDeployment deployment;
        private WeldContainer container;
        private McpDispatcher dispatcher;

        @BeforeEach
        void deploy() {
            deployment = TestDeployment.of(AUTH_ON, DESK);
            container = deployment.container();
            dispatcher = new McpDispatcher(
                    ServerSettings.DEFAULTS,
                    container.select(Features.class).get(),
                    new Authorizer(true),
                    new AuditLog(DecisionMetrics.NONE));
        }

        @AfterEach
        void undeploy() {
            deployment.close();
        }

        /** Runs {@code call} in a request whose verified caller is {@code caller} with {@code roles}. */
        private <T> T as(McpCaller caller, Set<String> roles, Supplier<T> call) {
            RequestContextController request =
                    container.select(RequestContextController.class).get();
            request.activate();
            try {
                container.select(CallerHolder.class).get().set(caller, null, roles);
                return call.get();
            } finally {
                request.deactivate();
            }
        }

        private JsonObject send(McpCaller caller, Set<String> roles, String method, JsonObject params) {
            return as(
                    caller,
                    roles,
                    () -> dispatcher.dispatch(
                            McpRequest.of(method, params, RequestMetadata.NONE).by(caller, roles)));
        }

        private JsonObject send(McpCaller caller, String method, JsonObject params) {
            return send(caller, Set.of(), method, params);
        }

        private <E extends Throwable> E refused(
                Class<E> type, McpCaller caller, Set<String> roles, String method, JsonObject params) {
            return assertThrows(type, () -> send(caller, roles, method, params));
        }

        private JsonRpcException error(McpCaller caller, String method, JsonObject params) {
            return refused(JsonRpcException.class, caller, Set.of(), method, params);
        }

        private JsonObject read(McpCaller caller, String uri) {
            return send(caller, "resources/read", uri(uri));
        }

        private static JsonObject uri(String uri) {
            return Json.createObjectBuilder().add("uri", uri).build();
        }

        private static JsonObject prompt(String name, String... argumentNamesAndValues) {
            var arguments = Json.createObjectBuilder();
            for (int i = 0; i < argumentNamesAndValues.length; i += 2) {
                arguments.add(argumentNamesAndValues[i], argumentNamesAndValues[i + 1]);
            }
            return Json.createObjectBuilder()
                    .add("name", name)
                    .add("arguments", arguments)
                    .build();
        }

        private static JsonObject completion(
                String refType, String refField, String ref, String argument, String value) {
            return Json.createObjectBuilder()
                    .add("ref", Json.createObjectBuilder().add("type", refType).add(refField, ref))
                    .add(
                            "argument",
                            Json.createObjectBuilder().add("name", argument).add("value", value))
                    .build();
        }

        private static List<String> strings(JsonObject result, String list, String field) {
            return result.getJsonArray(list).getValuesAs(JsonObject.class).stream()
                    .map(item -> item.getString(field))
                    .toList();
        }

        private static JsonObject onlyContents(JsonObject result) {
            assertEquals(1, result.getJsonArray("contents").size(), result.toString());
            return result.getJsonArray("contents").getJsonObject(0);
        }

        @Test
        void initializeAdvertisesResourcesPromptsAndCompletions() {
            JsonObject capabilities = send(
                            ALICE,
                            "initialize",
                            Json.createObjectBuilder()
                                    .add("protocolVersion", "2025-11-25")
                                    .build())
                    .getJsonObject("capabilities");
            assertTrue(capabilities.containsKey("resources"), capabilities.toString());
            assertTrue(capabilities.containsKey("prompts"), capabilities.toString());
            assertTrue(capabilities.containsKey("completions"), capabilities.toString());
        }

        @Test
        void resourcesListShowsOnlyWhatTheCallerMayRead() {
            assertEquals(
                    List.of("docs://readme"),
                    strings(send(BOB, "resources/list", JsonValue.EMPTY_JSON_OBJECT), "resources", "uri"));
            JsonObject forAlice = send(ALICE, "resources/list", JsonValue.EMPTY_JSON_OBJECT);
            assertEquals(List.of("docs://readme", "tickets://open"), strings(forAlice, "resources", "uri"));
            assertEquals(
                    Json.createObjectBuilder()
                            .add("uri", "docs://readme")
                            .add("name", "readme")
                            .add("title", "Read me")
                            .build(),
                    forAlice.getJsonArray("resources").getJsonObject(0));
        }

        @Test
        void templatesListShowsOnlyWhatTheCallerMayRead() {
            assertEquals(
                    List.of("broken://{reason}"),
                    strings(
                            send(BOB, "resources/templates/list", JsonValue.EMPTY_JSON_OBJECT),
                            "resourceTemplates",
                            "uriTemplate"));
            // alice lacks tickets:history, so the history template is not hers to see
            assertEquals(
                    List.of(
                            "attachments://{number}",
                            "broken://{reason}",
                            "raw://{key}",
                            "tickets://{id}",
                            "tickets://{id}/summary"),
                    strings(
                            send(ALICE, "resources/templates/list", JsonValue.EMPTY_JSON_OBJECT),
                            "resourceTemplates",
                            "uriTemplate"));
            McpCaller historian = new McpCaller(
                    ALICE.subject(),
                    ALICE.clientId(),
                    Set.of("tickets:read", "tickets:history"),
                    ALICE.claims(),
                    ALICE.issuer());
            assertTrue(strings(
                            send(historian, "resources/templates/list", JsonValue.EMPTY_JSON_OBJECT),
                            "resourceTemplates",
                            "uriTemplate")
                    .contains("tickets://{id}/history"));
        }

        @Test
        void readingATemplateUriReturnsTheTextTheMethodReturnedForThatUri() {
            JsonObject contents = onlyContents(read(ALICE, "tickets://T-1"));
            assertEquals(
                    Json.createObjectBuilder()
                            .add("uri", "tickets://T-1")
                            .add("mimeType", "text/plain")
                            .add("text", "T-1: printer on fire (read by alice)")
                            .build(),
                    contents);
        }

        @Test
        void aRecordIsReadAsJson() {
            JsonObject contents = onlyContents(read(ALICE, "tickets://T-7/summary"));
            assertEquals("tickets://T-7/summary", contents.getString("uri"));
            assertEquals("application/json", contents.getString("mimeType"));
            assertEquals(
                    Json.createObjectBuilder()
                            .add("id", "T-7")
                            .add("openTasks", 3)
                            .build(),
                    Json.createReader(new StringReader(contents.getString("text")))
                            .readObject());
        }

        @Test
        void bytesAreReadAsABase64Blob() {
            JsonObject contents = onlyContents(read(ALICE, "attachments://7"));
            assertEquals(
                    Json.createObjectBuilder()
                            .add("uri", "attachments://7")
                            .add("mimeType", "application/octet-stream")
                            .add("blob", "AQIH")
                            .build(),
                    contents);
        }

        @Test
        void aFixedResourceIsRead() {
            assertEquals("# Desk", onlyContents(read(BOB, "docs://readme")).getString("text"));
        }

        @Test
        void anUnknownUriIsResourceNotFoundWithTheUriInTheLegacyEra() {
            JsonRpcException unknown = error(ALICE, "resources/read", uri("invoices://2024-001"));
            assertEquals(-32002, unknown.error().code());
            assertEquals("Resource not found", unknown.getMessage());
            assertEquals(
                    Json.createObjectBuilder().add("uri", "invoices://2024-001").build(), unknown.data());
        }

        @Test
        void aTemplateMethodThatFindsNothingIsTheSameErrorAsAnUnknownUri() {
            JsonRpcException missing = error(ALICE, "resources/read", uri("tickets://T-404"));
            assertEquals(-32002, missing.error().code());
            assertEquals("Resource not found", missing.getMessage());
            assertEquals(
                    Json.createObjectBuilder().add("uri", "tickets://T-404").build(), missing.data());
            // a variable that cannot be converted names no resource either
            JsonRpcException notANumber = error(ALICE, "resources/read", uri("attachments://seven"));
            assertEquals(-32002, notANumber.error().code());
            assertEquals(
                    Json.createObjectBuilder().add("uri", "attachments://seven").build(), notANumber.data());
        }

        @Test
        void aDecodedVariableThatNamesAnotherPathIsRefusedNamingTheVariableBeforeTheMethodRuns() {
            for (String uri : List.of(
                    "tickets://%2E%2E",
                    "tickets://..%2Fsecrets",
                    "tickets://a%5Cb",
                    "tickets://a%00b",
                    "tickets://.",
                    "tickets://line%0Abreak")) {
                JsonRpcException refused = error(ALICE, "resources/read", uri(uri));
                assertEquals(-32602, refused.error().code(), uri);
                assertTrue(
                        refused.getMessage().contains("the variable 'id' of tickets://{id} is not allowed"),
                        refused.getMessage());
                assertEquals(Json.createObjectBuilder().add("variable", "id").build(), refused.data());
            }
        }

        @Test
        void aTemplateThatOptsInReceivesEveryDecodedValue() {
            assertEquals(
                    "key=../a/b\\c",
                    onlyContents(read(ALICE, "raw://..%2Fa%2Fb%5Cc")).getString("text"));
        }

        @Test
        void aUriLongerThanTheLimitIsInvalidParams() {
            JsonRpcException refused = error(ALICE, "resources/read", uri("tickets://" + "x".repeat(4096)));
            assertEquals(-32602, refused.error().code());
            assertEquals("Invalid params: params.uri is longer than 4096 characters", refused.getMessage());
        }

        @Test
        void anUnknownUriIsInvalidParamsWithTheUriIn2026() {
            String uri = "invoices://2024-001";
            JsonObject params = Json.createObjectBuilder()
                    .add("uri", uri)
                    .add(
                            "_meta",
                            Json.createObjectBuilder()
                                    .add("io.modelcontextprotocol/protocolVersion", "2026-07-28")
                                    .add("io.modelcontextprotocol/clientCapabilities", JsonValue.EMPTY_JSON_OBJECT))
                    .build();
            Map<String, String> headers =
                    Map.of("mcp-protocol-version", "2026-07-28", "mcp-method", "resources/read", "mcp-name", uri);
            McpRequest request = McpRequest.of(
                    "resources/read", params, new RequestMetadata(name -> headers.get(name.toLowerCase(Locale.ROOT))));
            JsonRpcException unknown = assertThrows(
                    JsonRpcException.class,
                    () -> as(ALICE, Set.of(), () -> dispatcher.dispatch(request.by(ALICE, Set.of()))));
            assertEquals(-32602, unknown.error().code());
            assertEquals(Json.createObjectBuilder().add("uri", uri).build(), unknown.data());
        }

        @Test
        void readingWithoutTheScopesIsRefusedNamingEveryScopeTheResourceNeeds() {
            InsufficientScopeException refusal = refused(
                    InsufficientScopeException.class, BOB, Set.of(), "resources/read", uri("tickets://T-1/history"));
            assertEquals(List.of("tickets:read", "tickets:history"), refusal.required());
            assertEquals(List.of("tickets:read", "tickets:history"), refusal.missing());
            InsufficientScopeException stepUp = refused(
                    InsufficientScopeException.class, ALICE, Set.of(), "resources/read", uri("tickets://T-1/history"));
            assertEquals(List.of("tickets:read", "tickets:history"), stepUp.required());
            assertEquals(List.of("tickets:history"), stepUp.missing());
            assertEquals("The call needs scope(s): tickets:history", stepUp.getMessage());
            McpCaller historian = new McpCaller(
                    ALICE.subject(),
                    ALICE.clientId(),
                    Set.of("tickets:read", "tickets:history"),
                    ALICE.claims(),
                    ALICE.issuer());
            assertEquals(
                    "T-1 opened",
                    onlyContents(read(historian, "tickets://T-1/history")).getString("text"));
        }

        @Test
        void aCallerWithoutTheScopeCannotTellAnExistingResourceFromAMissingOne() {
            InsufficientScopeException existing =
                    refused(InsufficientScopeException.class, BOB, Set.of(), "resources/read", uri("tickets://T-1"));
            InsufficientScopeException missing =
                    refused(InsufficientScopeException.class, BOB, Set.of(), "resources/read", uri("tickets://T-404"));
            assertEquals(existing.getMessage(), missing.getMessage());
            assertEquals(existing.required(), missing.required());
        }

        @Test
        void promptsListShowsOnlyWhatTheCallerMayGet() {
            assertEquals(
                    List.of("failing_prompt", "greet"),
                    strings(send(BOB, "prompts/list", JsonValue.EMPTY_JSON_OBJECT), "prompts", "name"));
            assertEquals(
                    List.of("failing_prompt", "greet", "reply_to_ticket"),
                    strings(send(ALICE, "prompts/list", JsonValue.EMPTY_JSON_OBJECT), "prompts", "name"));
            assertEquals(
                    List.of("escalate", "failing_prompt", "greet", "reply_to_ticket"),
                    strings(
                            send(ALICE, Set.of("supervisor"), "prompts/list", JsonValue.EMPTY_JSON_OBJECT),
                            "prompts",
                            "name"));
        }

        @Test
        void aPromptReturningAStringIsOneUserTextMessage() {
            JsonObject result = send(BOB, "prompts/get", prompt("greet", "name", "Ann"));
            assertEquals(
                    Json.createObjectBuilder()
                            .add("description", "Say hello")
                            .add(
                                    "messages",
                                    Json.createArrayBuilder()
                                            .add(Json.createObjectBuilder()
                                                    .add("role", "user")
                                                    .add(
                                                            "content",
                                                            Json.createObjectBuilder()
                                                                    .add("type", "text")
                                                                    .add("text", "Hello Ann"))))
                            .build(),
                    result);
        }

        @Test
        void aPromptReturningMessagesEmbedsTheResourceAndBindsOptionalArguments() {
            JsonObject result =
                    send(ALICE, "prompts/get", prompt("reply_to_ticket", "ticketId", "T-1", "tone", "friendly"));
            assertEquals("Reply to a ticket in a tone", result.getString("description"));
            assertEquals(2, result.getJsonArray("messages").size());
            JsonObject embedded = result.getJsonArray("messages").getJsonObject(0);
            assertEquals("user", embedded.getString("role"));
            assertEquals(
                    Json.createObjectBuilder()
                            .add("type", "resource")
                            .add(
                                    "resource",
                                    Json.createObjectBuilder()
                                            .add("uri", "tickets://T-1")
                                            .add("mimeType", "text/plain")
                                            .add("text", "printer on fire"))
                            .build(),
                    embedded.getJsonObject("content"));
            assertEquals(
                    "Reply to T-1 in a friendly tone, signed alice",
                    result.getJsonArray("messages")
                            .getJsonObject(1)
                            .getJsonObject("content")
                            .getString("text"));
            JsonObject withoutTone = send(ALICE, "prompts/get", prompt("reply_to_ticket", "ticketId", "T-1"));
            assertEquals(
                    "Reply to T-1 in a neutral tone, signed alice",
                    withoutTone
                            .getJsonArray("messages")
                            .getJsonObject(1)
                            .getJsonObject("content")
                            .getString("text"));
        }

        @Test
        void aMissingRequiredArgumentIsInvalidParams() {
            JsonRpcException invalid = error(ALICE, "prompts/get", prompt("reply_to_ticket", "tone", "firm"));
            assertEquals(-32602, invalid.error().code());
            assertEquals(
                    "Invalid arguments for prompt reply_to_ticket: argument 'ticketId' is required",
                    invalid.getMessage());
        }

        @Test
        void anUnknownPromptIsInvalidParams() {
            JsonRpcException unknown = error(ALICE, "prompts/get", prompt("reply_to_everyone"));
            assertEquals(-32602, unknown.error().code());
            assertEquals("Unknown prompt: reply_to_everyone", unknown.getMessage());
        }

        @Test
        void gettingAPromptWithoutTheScopeIsRefusedBeforeItsArgumentsAreLookedAt() {
            InsufficientScopeException refusal =
                    refused(InsufficientScopeException.class, BOB, Set.of(), "prompts/get", prompt("reply_to_ticket"));
            assertEquals(List.of("tickets:read"), refusal.required());
        }

        @Test
        void rolesAllowedOnAPromptBeanRefusesACallerWithoutTheRole() {
            AccessForbiddenException refusal = refused(
                    AccessForbiddenException.class,
                    ALICE,
                    Set.of("agent"),
                    "prompts/get",
                    prompt("escalate", "ticketId", "T-1"));
            assertEquals("The call needs one of the roles: supervisor", refusal.getMessage());
            JsonObject allowed =
                    send(ALICE, Set.of("supervisor"), "prompts/get", prompt("escalate", "ticketId", "T-1"));
            assertEquals(
                    "Escalate T-1",
                    allowed.getJsonArray("messages")
                            .getJsonObject(0)
                            .getJsonObject("content")
                            .getString("text"));
            // and on direct calls of the bean, outside the MCP endpoint
            SupervisorPrompts bean = container.select(SupervisorPrompts.class).get();
            assertThrows(AccessForbiddenException.class, () -> as(ALICE, Set.of("agent"), () -> bean.escalate("T-1")));
        }

        @Test
        void completionOfAPromptArgumentReturnsTheSuggestions() {
            JsonObject result = send(
                    ALICE, "completion/complete", completion("ref/prompt", "name", "reply_to_ticket", "tone", "f"));
            assertEquals(
                    Json.createObjectBuilder()
                            .add(
                                    "completion",
                                    Json.createObjectBuilder()
                                            .add(
                                                    "values",
                                                    Json.createArrayBuilder()
                                                            .add("formal")
                                                            .add("friendly")
                                                            .add("firm"))
                                            .add("total", 3)
                                            .add("hasMore", false))
                            .build(),
                    result);
        }

        @Test
        void completionOfATemplateVariableReturnsTheSuggestions() {
            JsonObject completion = send(
                            ALICE,
                            "completion/complete",
                            completion("ref/resource", "uri", "tickets://{id}", "id", "T-"))
                    .getJsonObject("completion");
            assertEquals(
                    List.of("T-1", "T-2"),
                    completion.getJsonArray("values").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString)
                            .toList());
        }

        @Test
        void moreThanAHundredSuggestionsAreCutWithTheTotalAndHasMore() {
            JsonObject completion = send(
                            BOB, "completion/complete", completion("ref/prompt", "name", "greet", "name", "n"))
                    .getJsonObject("completion");
            assertEquals(100, completion.getJsonArray("values").size());
            assertEquals("n0", completion.getJsonArray("values").getString(0));
            assertEquals(150, completion.getInt("total"));
            assertTrue(completion.getBoolean("hasMore"));
        }

        @Test
        void completionWithoutTheScopeIsRefused() {
            InsufficientScopeException prompt = refused(
                    InsufficientScopeException.class,
                    BOB,
                    Set.of(),
                    "completion/complete",
                    completion("ref/prompt", "name", "reply_to_ticket", "tone", "f"));
            assertEquals(List.of("tickets:read"), prompt.required());
            InsufficientScopeException template = refused(
                    InsufficientScopeException.class,
                    BOB,
                    Set.of(),
                    "completion/complete",
                    completion("ref/resource", "uri", "tickets://{id}", "id", "T-"));
            assertEquals(List.of("tickets:read"), template.required());
        }

        @Test
        void aMcpExceptionReachesTheClientWithItsMessage() {
            for (JsonRpcException failure : List.of(
                    error(ALICE, "resources/read", uri("broken://offline")),
                    error(ALICE, "prompts/get", prompt("failing_prompt", "reason", "offline")),
                    error(
                            ALICE,
                            "completion/complete",
                            completion("ref/prompt", "name", "failing_prompt", "reason", "offline")))) {
                assertEquals(-32603, failure.error().code());
                assertEquals("The ticket archive is offline", failure.getMessage());
            }
        }

        @Test
        void anyOtherExceptionReachesTheClientAsAnIncidentWithoutItsMessage() {
            Map<String, JsonRpcException> failures = Map.of(
                    "resource", error(ALICE, "resources/read", uri("broken://bug")),
                    "prompt", error(ALICE, "prompts/get", prompt("failing_prompt", "reason", "bug")),
                    "completion",
                            error(
                                    ALICE,
                                    "completion/complete",
                                    completion("ref/prompt", "name", "failing_prompt", "reason", "bug")));
            failures.forEach((kind, failure) -> {
                assertEquals(-32603, failure.error().code());
                assertTrue(
                        failure.getMessage()
                                .matches("The " + kind + " failed unexpectedly \\(incident [0-9a-f-]{36}\\)\\."),
                        failure.getMessage());
                assertFalse(failure.getMessage().contains("hunter2"), failure.getMessage());
            });
        }
    }
}

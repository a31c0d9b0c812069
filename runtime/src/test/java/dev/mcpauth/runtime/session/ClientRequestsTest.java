package dev.mcpauth.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.state.InMemoryState;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two {@link ClientRequests} on one state stand for two instances of a deployment. */
class ClientRequestsTest {

    private final SessionSettings settings =
            new SessionSettings(true, Duration.ofSeconds(60), 4, 100, Duration.ofSeconds(2), 1, 10, 2);
    private final InMemoryState state = new InMemoryState();
    private final Sessions sessions = new Sessions(state, settings);
    private final ClientRequests instanceA = new ClientRequests(state, settings);
    private final ClientRequests instanceB = new ClientRequests(state, settings);
    private final LinkedBlockingQueue<JsonObject> stream = new LinkedBlockingQueue<>();

    @Test
    void anAnswerThatLandsOnAnotherInstanceCompletesTheWaitingCall() throws Exception {
        Session session = sessions.open(SessionsTest.ALICE, Set.of(), SessionsTest.CLIENT);
        CompletableFuture<Map<String, Object>> call = ask(instanceA, session);
        JsonObject question = stream.poll(2, TimeUnit.SECONDS);
        assertEquals("elicitation/create", question.getString("method"));

        assertEquals(
                ClientRequests.Delivery.DELIVERED,
                instanceB.answer(session.id(), SessionsTest.ALICE, answer(question, "accept")));
        assertEquals("accept", call.get(2, TimeUnit.SECONDS).get("action"));
        assertEquals(
                ClientRequests.Delivery.UNKNOWN,
                instanceB.answer(session.id(), SessionsTest.ALICE, answer(question, "accept")),
                "an answer is taken once: a replay finds nothing");
    }

    @Test
    void anotherCallerOrSessionCannotAnswer() throws Exception {
        Session session = sessions.open(SessionsTest.ALICE, Set.of(), SessionsTest.CLIENT);
        Session other = sessions.open(SessionsTest.ALICE, Set.of(), SessionsTest.CLIENT);
        CompletableFuture<Map<String, Object>> call = ask(instanceA, session);
        JsonObject question = stream.poll(2, TimeUnit.SECONDS);
        McpCaller mallory = new McpCaller("mallory", "client-1", Set.of(), Map.of(), "https://issuer.example");

        assertEquals(
                ClientRequests.Delivery.FOREIGN, instanceB.answer(session.id(), mallory, answer(question, "accept")));
        assertEquals(
                ClientRequests.Delivery.FOREIGN,
                instanceB.answer(other.id(), SessionsTest.ALICE, answer(question, "accept")));
        assertEquals(
                ClientRequests.Delivery.DELIVERED,
                instanceA.answer(session.id(), SessionsTest.ALICE, answer(question, "decline")));
        assertEquals("decline", call.get(2, TimeUnit.SECONDS).get("action"), "the owner's answer still counts");
    }

    @Test
    void aCallThatGetsNoAnswerEndsWithAClearErrorAndLeavesNothingBehind() {
        Session session = sessions.open(SessionsTest.ALICE, Set.of(), SessionsTest.CLIENT);
        McpException timeout = assertThrows(
                McpException.class,
                () -> instanceA.ask(session, "roots/list", Jsonp.object().build(), stream::offer, () -> false));
        assertTrue(timeout.getMessage().contains("did not answer within 2 seconds"), timeout.getMessage());
        assertEquals(0, instanceA.waitingHere());
        assertEquals(0, state.map("mcp.client-requests").size());
    }

    @Test
    void aCancelledCallStopsWaiting() {
        Session session = sessions.open(SessionsTest.ALICE, Set.of(), SessionsTest.CLIENT);
        McpException cancelled = assertThrows(
                McpException.class,
                () -> instanceA.ask(session, "roots/list", Jsonp.object().build(), stream::offer, () -> true));
        assertTrue(cancelled.getMessage().contains("cancelled"), cancelled.getMessage());
    }

    @Test
    void aCallerMayHaveOnlySoManyQuestionsWaiting() throws Exception {
        Session session = sessions.open(SessionsTest.ALICE, Set.of(), SessionsTest.CLIENT);
        ask(instanceA, session); // the limit is 1
        stream.poll(2, TimeUnit.SECONDS);
        McpException full = assertThrows(
                McpException.class,
                () -> instanceA.ask(session, "roots/list", Jsonp.object().build(), stream::offer, () -> false));
        assertTrue(full.getMessage().contains("Too many questions"), full.getMessage());
    }

    @Test
    void stoppingEndsEveryWaitWithAClearError() throws Exception {
        Session session = sessions.open(SessionsTest.ALICE, Set.of(), SessionsTest.CLIENT);
        CompletableFuture<Map<String, Object>> call = ask(instanceA, session);
        stream.poll(2, TimeUnit.SECONDS);
        instanceA.close();
        java.util.concurrent.ExecutionException ended =
                assertThrows(java.util.concurrent.ExecutionException.class, () -> call.get(2, TimeUnit.SECONDS));
        assertTrue(
                ended.getCause().getMessage().contains("stopping"),
                ended.getCause().getMessage());
    }

    private CompletableFuture<Map<String, Object>> ask(ClientRequests instance, Session session) {
        return CompletableFuture.supplyAsync(() -> instance.ask(
                session,
                "elicitation/create",
                Jsonp.object().add("message", "OK?").build(),
                stream::offer,
                () -> false));
    }

    private static JsonObject answer(JsonObject question, String action) {
        return Jsonp.object()
                .add("jsonrpc", "2.0")
                .add("id", question.get("id"))
                .add("result", Jsonp.object().add("action", action))
                .build();
    }
}

package dev.mcpauth.runtime.session;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpException;
import dev.mcpauth.runtime.features.MessageSink;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.state.SharedChannel;
import dev.mcpauth.runtime.state.SharedMap;
import dev.mcpauth.runtime.state.SharedState;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Requests the server sends to a 2025-era client in the middle of a call (elicitation, sampling, roots), and the
 * answers that come back. The question goes out on the call's stream; the client POSTs its answer, which may land
 * on any instance: the shared state knows which session and caller each question belongs to, so the instance that
 * receives the answer checks it and hands it over a channel to the instance where the tool waits. An answer is
 * taken once; a replayed one, or one from another caller or session, finds nothing.
 */
public final class ClientRequests {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long POLL_MILLIS = 200;

    private final SharedMap pending;
    private final SharedChannel answers;
    private final SessionSettings settings;
    private final Map<String, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();

    /**
     * The requests.
     *
     * @param state where questions are registered and answers travel between instances
     * @param settings the answer timeout and the limits
     */
    public ClientRequests(SharedState state, SessionSettings settings) {
        this.pending = state.map("mcp.client-requests");
        this.answers = state.channel("mcp.client-answers");
        this.settings = settings;
        this.answers.listen(this::heard);
    }

    /**
     * Sends a request to the client on the call's stream and waits for the answer.
     *
     * @param session the call's session
     * @param method the request's method
     * @param params its params
     * @param stream the call's stream
     * @param cancelled whether the call was cancelled (the client closed the stream)
     * @return the client's result as JSON-like Java values
     * @throws McpException when the client answers with an error, does not answer in time, or is gone; or when the
     *     caller has as many questions waiting as allowed
     */
    public Map<String, Object> ask(
            Session session, String method, JsonObject params, MessageSink stream, BooleanSupplier cancelled) {
        String owner = session.owner().key();
        AtomicInteger mine = perCaller.computeIfAbsent(owner, ignored -> new AtomicInteger());
        if (mine.incrementAndGet() > settings.pendingPerCaller() && !Session.anonymous(session.owner())) {
            release(owner, mine);
            throw new McpException("Too many questions are waiting for this client's answers; answer them first");
        }
        String id = "mcpauth-" + newId();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        try {
            pending.put(
                    id,
                    Jsonp.object()
                            .add("session", session.id())
                            .add("owner", owner)
                            .build()
                            .toString(),
                    settings.answerTimeout());
            JsonObject request = Jsonp.object()
                    .add("jsonrpc", "2.0")
                    .add("id", id)
                    .add("method", method)
                    .add("params", params)
                    .build();
            if (!stream.send(request)) {
                throw new McpException("The client closed the stream before it could be asked");
            }
            return Jsonp.toJava(result(await(answer, cancelled), method));
        } finally {
            waiting.remove(id);
            pending.remove(id);
            release(owner, mine);
        }
    }

    private void release(String owner, AtomicInteger mine) {
        if (mine.decrementAndGet() <= 0) {
            perCaller.remove(owner, mine);
        }
    }

    private JsonObject await(CompletableFuture<JsonObject> answer, BooleanSupplier cancelled) {
        long deadline = System.nanoTime() + settings.answerTimeout().toNanos();
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    throw new McpException("The call was cancelled while it waited for the client's answer");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new McpException("The client did not answer within "
                            + settings.answerTimeout().toSeconds() + " seconds");
                }
                try {
                    return answer.get(
                            Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1), TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillWaiting) {
                    // look at the cancellation and the deadline again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpException("The call was interrupted while it waited for the client's answer");
        } catch (ExecutionException e) {
            throw new McpException(
                    "The server is stopping and cannot wait for the client's answer; call the tool again");
        }
    }

    private static JsonObject result(JsonObject response, String method) {
        if (response.get("result") instanceof JsonObject result) {
            return result;
        }
        String message =
                response.get("error") instanceof JsonObject error && error.get("message") instanceof JsonString text
                        ? text.getString()
                        : "no result";
        throw new McpException("The client refused " + method + ": " + message);
    }

    /** What became of an answer a client sent. */
    public enum Delivery {
        /** Handed to the waiting call. */
        DELIVERED,
        /** No question of this session waits for it: unknown, already answered, expired, or another's. */
        UNKNOWN,
        /** The id names a question of another caller or session. */
        FOREIGN
    }

    /**
     * A client's answer: a JSON-RPC response POSTed to the endpoint.
     *
     * @param sessionId the request's {@code Mcp-Session-Id}, or null
     * @param caller the caller who sent it
     * @param response the response, with {@code id} and {@code result} or {@code error}
     * @return whether it reached a waiting call
     */
    public Delivery answer(String sessionId, McpCaller caller, JsonObject response) {
        if (!(response.get("id") instanceof JsonString id) || sessionId == null) {
            return Delivery.UNKNOWN;
        }
        JsonObject question =
                pending.get(id.getString()).map(ClientRequests::parse).orElse(null);
        if (question == null) {
            return Delivery.UNKNOWN;
        }
        if (!sessionId.equals(question.getString("session", null))
                || !Session.Owner.of(caller).key().equals(question.getString("owner", null))) {
            return Delivery.FOREIGN;
        }
        if (!pending.remove(id.getString())) {
            return Delivery.UNKNOWN; // answered a moment ago: an answer is taken once
        }
        CompletableFuture<JsonObject> here = waiting.get(id.getString());
        if (here != null) {
            here.complete(response);
        } else {
            // the tool waits on another instance
            answers.publish(response.toString());
        }
        return Delivery.DELIVERED;
    }

    private void heard(String message) {
        JsonObject response = parse(message);
        if (response != null && response.get("id") instanceof JsonString id) {
            CompletableFuture<JsonObject> here = waiting.get(id.getString());
            if (here != null) {
                here.complete(response);
            }
        }
    }

    /**
     * Ends every wait on this instance: the application stops. Each waiting call ends with an error that says so,
     * instead of holding the stop until its timeout; a call in flight cannot move to another instance.
     */
    public void close() {
        waiting.values().forEach(answer -> answer.completeExceptionally(new IllegalStateException("stopping")));
    }

    /** How many questions wait on this instance (for tests and metrics). */
    public int waitingHere() {
        return waiting.size();
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Jsonp.reader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String newId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

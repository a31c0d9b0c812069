package dev.mcpauth.runtime.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.McpException;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.state.InMemoryState;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TasksTest {

    static final McpCaller ALICE = new McpCaller("alice", "desk", Set.of("tickets:read"), Map.of(), "https://idp");
    static final McpCaller BOB = new McpCaller("bob", "desk", Set.of("tickets:read"), Map.of(), "https://idp");
    static final McpCaller ALICE_OTHER_CLIENT =
            new McpCaller("alice", "other-app", Set.of("tickets:read"), Map.of(), "https://idp");
    static final McpClient CLIENT = new McpClient("2026-07-28", "c", "1", Map.of("elicitation", Map.of()), true);
    static final TaskSettings SETTINGS = new TaskSettings(Duration.ofMinutes(5), 8, 2, Duration.ofSeconds(15), 500);

    private final InMemoryState state = new InMemoryState();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    private Tasks tasks(TaskSettings settings) {
        return new Tasks(state, settings, executor, scheduler, RequestContexts.NONE, Clock.systemUTC());
    }

    private static JsonObject text(String text) {
        return Jsonp.object()
                .add(
                        "content",
                        Jsonp.array().add(Jsonp.object().add("type", "text").add("text", text)))
                .build();
    }

    private static JsonObject await(Tasks tasks, String id, Predicate<JsonObject> until) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonObject seen = null;
        while (System.nanoTime() < deadline) {
            seen = tasks.find(id).orElseThrow().detailed();
            if (until.test(seen)) {
                return seen;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never reached: " + seen);
    }

    @Test
    void aTaskIsCreatedWorkingThenCompletesWithTheToolResult() throws InterruptedException {
        Tasks tasks = tasks(SETTINGS);
        CountDownLatch go = new CountDownLatch(1);
        JsonObject created = tasks.start(ALICE, "export", CLIENT, (progress, input) -> {
            awaitLatch(go);
            return text("done");
        });
        assertEquals("task", created.getString("resultType"));
        assertEquals("working", created.getString("status"));
        assertEquals(300_000, created.getInt("ttlMs"));
        assertEquals(500, created.getInt("pollIntervalMs"));
        Instant.parse(created.getString("createdAt"));
        String id = created.getString("taskId");
        assertTrue(id.length() >= 43, "32 random bytes, Base64url: " + id);
        // readable at once, before the work did anything
        assertEquals("working", tasks.find(id).orElseThrow().detailed().getString("status"));
        go.countDown();
        JsonObject done = await(tasks, id, task -> task.getString("status").equals("completed"));
        assertEquals(
                "done",
                done.getJsonObject("result")
                        .getJsonArray("content")
                        .getJsonObject(0)
                        .getString("text"));
        assertFalse(done.containsKey("error"));
    }

    @Test
    void watchersHearEveryStatusChangeAsTheDetailedTask() throws Exception {
        Tasks tasks = tasks(SETTINGS);
        CountDownLatch go = new CountDownLatch(1);
        String id = tasks.start(ALICE, "export", CLIENT, (progress, input) -> {
                    awaitLatch(go);
                    progress.report(1, 2, "half way");
                    return text("done");
                })
                .getString("taskId");
        java.util.concurrent.BlockingQueue<JsonObject> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        try (AutoCloseable watch = tasks.watch(Set.of(id), heard::add)) {
            go.countDown();
            JsonObject progressed = heard.poll(5, TimeUnit.SECONDS);
            assertEquals("notifications/tasks", progressed.getString("method"));
            assertEquals("half way", progressed.getJsonObject("params").getString("statusMessage"));
            JsonObject completed = heard.poll(5, TimeUnit.SECONDS);
            assertEquals("completed", completed.getJsonObject("params").getString("status"));
            assertEquals(id, completed.getJsonObject("params").getString("taskId"));
            assertTrue(completed.getJsonObject("params").containsKey("result"));
        }
        // a closed watch hears nothing more
        tasks.cancel(tasks.find(id).orElseThrow());
        assertEquals(null, heard.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void aTaskBelongsToIssuerSubjectAndClient() {
        Tasks tasks = tasks(SETTINGS);
        String id = tasks.start(ALICE, "export", CLIENT, (progress, input) -> text("x"))
                .getString("taskId");
        TaskView task = tasks.find(id).orElseThrow();
        assertTrue(task.ownedBy(ALICE));
        assertFalse(task.ownedBy(BOB));
        assertFalse(task.ownedBy(ALICE_OTHER_CLIENT));
        assertTrue(tasks.find("no-such-task").isEmpty());
    }

    @Test
    void aProtocolErrorFailsTheTaskWithTheJsonRpcError() throws InterruptedException {
        Tasks tasks = tasks(SETTINGS);
        String id = tasks.start(ALICE, "export", CLIENT, (progress, input) -> {
                    throw new JsonRpcException(
                            dev.mcpauth.runtime.jsonrpc.JsonRpcError.MISSING_REQUIRED_CLIENT_CAPABILITY, "no sampling");
                })
                .getString("taskId");
        JsonObject failed = await(tasks, id, task -> task.getString("status").equals("failed"));
        assertEquals(-32021, failed.getJsonObject("error").getInt("code"));
        assertEquals("no sampling", failed.getJsonObject("error").getString("message"));
        assertFalse(failed.containsKey("result"));
    }

    @Test
    void cancelEndsTheTaskAtOnceAndInterruptsItsWork() throws InterruptedException {
        Tasks tasks = tasks(SETTINGS);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        String id = tasks.start(ALICE, "export", CLIENT, (progress, input) -> {
                    started.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    return text("late");
                })
                .getString("taskId");
        assertTrue(started.await(5, TimeUnit.SECONDS));
        tasks.cancel(tasks.find(id).orElseThrow());
        assertEquals(0, tasks.running());
        assertEquals("cancelled", tasks.find(id).orElseThrow().detailed().getString("status"));
        assertTrue(interrupted.await(5, TimeUnit.SECONDS));
        Thread.sleep(100);
        // the work's own late answer does not replace the cancellation, and a second cancel changes nothing
        tasks.cancel(tasks.find(id).orElseThrow());
        assertEquals("cancelled", tasks.find(id).orElseThrow().detailed().getString("status"));
    }

    @Test
    void questionsWaitAsInputRequestsUntilAnsweredAndUnknownKeysAreIgnored() throws InterruptedException {
        Tasks tasks = tasks(SETTINGS);
        String id = tasks.start(ALICE, "delete", CLIENT, (progress, input) -> {
                    var first = input.elicit("first", "First?", Map.of("type", "object"));
                    var second = input.elicit("second", "Second?", Map.of("type", "object"));
                    return text(
                            first.result().get("action") + "/" + second.result().get("action"));
                })
                .getString("taskId");
        JsonObject waiting = await(
                tasks,
                id,
                task -> task.getString("status").equals("input_required")
                        && task.getJsonObject("inputRequests").size() == 2);
        assertEquals(
                "elicitation/create",
                waiting.getJsonObject("inputRequests").getJsonObject("first").getString("method"));
        JsonObject accept = Jsonp.object().add("action", "accept").build();
        tasks.update(
                tasks.find(id).orElseThrow(),
                Jsonp.object().add("first", accept).add("never-asked", accept).build());
        JsonObject partly = await(
                tasks,
                id,
                task -> task.getJsonObject("inputRequests") != null
                        && task.getJsonObject("inputRequests").size() == 1);
        assertTrue(partly.getJsonObject("inputRequests").containsKey("second"));
        assertEquals("input_required", partly.getString("status"));
        tasks.update(
                tasks.find(id).orElseThrow(),
                Jsonp.object()
                        .add("second", Jsonp.object().add("action", "decline"))
                        .build());
        JsonObject done = await(tasks, id, task -> task.getString("status").equals("completed"));
        assertEquals(
                "accept/decline",
                done.getJsonObject("result")
                        .getJsonArray("content")
                        .getJsonObject(0)
                        .getString("text"));
    }

    @Test
    void aCallerMayRunOnlySoManyTasksAtOnce() {
        Tasks tasks = tasks(SETTINGS);
        CountDownLatch never = new CountDownLatch(1);
        String first = tasks.start(ALICE, "export", CLIENT, (progress, input) -> awaitLatch(never))
                .getString("taskId");
        tasks.start(ALICE, "export", CLIENT, (progress, input) -> awaitLatch(never));
        JsonRpcException full =
                assertThrows(JsonRpcException.class, () -> tasks.start(ALICE, "export", CLIENT, (p, i) -> text("x")));
        assertEquals(429, full.httpStatus());
        // another caller is not held up by alice's tasks, and a cancelled task makes room for another
        tasks.start(BOB, "export", CLIENT, (progress, input) -> text("bob's"));
        tasks.cancel(tasks.find(first).orElseThrow());
        tasks.start(ALICE, "export", CLIENT, (progress, input) -> text("again"));
    }

    @Test
    void aTaskWhoseInstanceDiedFailsOnceItsLeaseLapses() throws InterruptedException {
        TaskSettings shortLease = new TaskSettings(Duration.ofMinutes(5), 8, 2, Duration.ofMillis(600), 500);
        ScheduledExecutorService deadInstanceScheduler = Executors.newSingleThreadScheduledExecutor();
        Tasks dying =
                new Tasks(state, shortLease, executor, deadInstanceScheduler, RequestContexts.NONE, Clock.systemUTC());
        CountDownLatch never = new CountDownLatch(1);
        String id = dying.start(ALICE, "export", CLIENT, (progress, input) -> awaitLatch(never))
                .getString("taskId");
        // the instance dies: nothing renews its leases any more
        deadInstanceScheduler.shutdownNow();
        Tasks survivor = tasks(shortLease);
        JsonObject failed = await(survivor, id, task -> task.getString("status").equals("failed"));
        assertEquals(-32603, failed.getJsonObject("error").getInt("code"));
        assertTrue(failed.getString("statusMessage").contains("stopped"));
    }

    @Test
    void aRunningInstanceKeepsItsTasksWorkingPastTheLease() throws InterruptedException {
        TaskSettings shortLease = new TaskSettings(Duration.ofMinutes(5), 8, 2, Duration.ofMillis(600), 500);
        Tasks tasks = tasks(shortLease);
        CountDownLatch never = new CountDownLatch(1);
        String id = tasks.start(ALICE, "export", CLIENT, (progress, input) -> awaitLatch(never))
                .getString("taskId");
        Thread.sleep(1500);
        assertEquals("working", tasks.find(id).orElseThrow().detailed().getString("status"));
    }

    @Test
    void stoppingTheInstanceFailsItsRunningTasks() {
        Tasks tasks = tasks(SETTINGS);
        CountDownLatch never = new CountDownLatch(1);
        String id = tasks.start(ALICE, "export", CLIENT, (progress, input) -> awaitLatch(never))
                .getString("taskId");
        tasks.close();
        JsonObject failed = tasks(SETTINGS).find(id).orElseThrow().detailed();
        assertEquals("failed", failed.getString("status"));
    }

    private static JsonObject awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpException("stopped");
        }
        return text("released");
    }
}

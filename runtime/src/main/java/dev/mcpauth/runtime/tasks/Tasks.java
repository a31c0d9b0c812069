package dev.mcpauth.runtime.tasks;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.runtime.auth.AccessDeniedException;
import dev.mcpauth.runtime.features.TaskInteraction;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.messages.Message;
import dev.mcpauth.runtime.state.SharedChannel;
import dev.mcpauth.runtime.state.SharedState;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tool calls that run as tasks (MCP 2026-07-28 tasks extension, {@code io.modelcontextprotocol/tasks}): starts them
 * on the managed executor, keeps their status and result on the shared engine so any instance answers
 * {@code tasks/get}, hands answers and cancellations to the instance that runs each one, and renews a lease per
 * running task so that a task whose instance died ends as failed within the lease. Who may see a task is the
 * protocol's decision ({@link TaskView#ownedBy}).
 */
public final class Tasks implements AutoCloseable {

    /** The extension's identifier, in capabilities and errors. */
    public static final String EXTENSION = "io.modelcontextprotocol/tasks";

    /** The channel on which cancellations and answers reach the instance running a task. */
    static final String SIGNALS = "mcp.tasks.signals";

    /** Why a task whose instance stopped failed. */
    static final String STOPPED = "The server instance that ran the task stopped before the task ended.";

    private static final Logger LOG = Logger.getLogger(Tasks.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TaskStore store;
    private final TaskSettings settings;
    private final ExecutorService executor;
    private final RequestContexts contexts;
    private final Clock clock;
    private final SharedChannel signals;
    private final Map<String, RunningTask> running = new ConcurrentHashMap<>();
    private final Map<String, Set<Consumer<JsonObject>>> watchers = new ConcurrentHashMap<>();
    private final AutoCloseable listening;
    private final ScheduledFuture<?> renewing;

    /**
     * The tasks of this instance, on the shared engine.
     *
     * @param state the shared engine
     * @param settings the limits
     * @param executor runs the tasks (the server's managed executor)
     * @param scheduler renews the leases of the running tasks (the server's managed scheduled executor)
     * @param contexts carries each task's caller to its thread
     * @param clock the time
     */
    public Tasks(
            SharedState state,
            TaskSettings settings,
            ExecutorService executor,
            ScheduledExecutorService scheduler,
            RequestContexts contexts,
            Clock clock) {
        this.settings = settings;
        this.store = new TaskStore(state, settings, clock, this::publishChange);
        this.executor = executor;
        this.contexts = contexts;
        this.clock = clock;
        this.signals = state.channel(SIGNALS);
        this.listening = signals.listen(this::signalled);
        long every = Math.max(200, settings.lease().toMillis() / 3);
        this.renewing = scheduler.scheduleAtFixedRate(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Creates a task and starts its work; the task is readable on every instance when this returns.
     *
     * @param caller who creates it, its owner
     * @param tool the tool it runs
     * @param client the client of the creating request, whose capabilities decide what the task may ask
     * @param work the call
     * @return the {@code CreateTaskResult}
     * @throws JsonRpcException (HTTP 429) when this instance runs as many tasks as allowed, in all or for this caller
     */
    public JsonObject start(McpCaller caller, String tool, McpClient client, TaskWork work) {
        TaskOwner owner = TaskOwner.of(caller);
        Instant now = clock.instant();
        TaskRecord record =
                new TaskRecord(newId(), owner, tool, now, now, TaskRecord.WORKING, null, JsonValue.EMPTY_JSON_OBJECT);
        RunningTask task = new RunningTask(record, store, clock);
        synchronized (running) {
            if (running.size() >= settings.maxRunning()) {
                throw full("The server runs as many tasks as it allows; try again later.");
            }
            if (!owner.anonymous()
                    && running.values().stream()
                                    .filter(other -> other.record().owner().equals(owner))
                                    .count()
                            >= settings.maxRunningPerCaller()) {
                throw full("You have as many tasks running as allowed; wait for one to end or cancel one.");
            }
            running.put(record.taskId(), task);
        }
        store.create(record);
        Runnable body = contexts.carry(() -> run(task, client, work));
        try {
            task.runsAs(executor.submit(body));
        } catch (RejectedExecutionException e) {
            running.remove(record.taskId());
            store.end(record, TaskEnd.failed(JsonRpcError.INTERNAL_ERROR.code(), "The server is stopping.", now));
            throw new JsonRpcException(
                    JsonRpcError.INTERNAL_ERROR, "The server cannot start a task now; try again later.", null, 503);
        }
        return task(record, settings)
                .add("resultType", "task")
                .add("status", record.status())
                .build();
    }

    /**
     * The task with this id, as every instance sees it.
     *
     * @param taskId the id a client sent
     * @return the task, empty when unknown or expired
     */
    public Optional<TaskView> find(String taskId) {
        return store.read(taskId).map(snapshot -> new TaskView(snapshot, settings));
    }

    /**
     * Hands answers to the task's open questions to the instance that runs it; answers to anything else are ignored
     * (keys never asked, answered already, or of a task that ended).
     *
     * @param task the task, which the caller owns
     * @param inputResponses the answers by question key
     */
    public void update(TaskView task, JsonObject inputResponses) {
        if (task.ended()) {
            return;
        }
        TaskRecord record = task.record();
        inputResponses.forEach((key, answer) -> {
            if (record.inputRequests().containsKey(key)
                    && answer instanceof JsonObject object
                    && store.answer(record, key, object.toString())) {
                signals.publish(Jsonp.object()
                        .add("taskId", record.taskId())
                        .add("answer", key)
                        .add("value", object)
                        .build()
                        .toString());
            }
        });
    }

    /**
     * Cancels a task that has not ended: it is {@code cancelled} at once for every reader, and the instance that runs
     * it interrupts the work. Cancelling an ended task changes nothing.
     *
     * @param task the task, which the caller owns
     */
    public void cancel(TaskView task) {
        if (!task.ended() && store.end(task.record(), TaskEnd.cancelled(clock.instant()))) {
            signals.publish(Jsonp.object()
                    .add("taskId", task.record().taskId())
                    .add("cancel", true)
                    .build()
                    .toString());
        }
    }

    /**
     * Hears every change of the tasks' status, on whichever instance it happens, as the {@code notifications/tasks}
     * message with the {@code DetailedTask} that {@code tasks/get} would show at that moment (a task's owner only:
     * the protocol checked that).
     *
     * @param taskIds the tasks
     * @param sink receives each notification; called on the engine's threads, so it must not block
     * @return ends the watch
     */
    public AutoCloseable watch(Set<String> taskIds, Consumer<JsonObject> sink) {
        taskIds.forEach(id -> watchers.computeIfAbsent(id, ignored -> ConcurrentHashMap.newKeySet())
                .add(sink));
        return () -> taskIds.forEach(id -> watchers.computeIfPresent(id, (ignored, sinks) -> {
            sinks.remove(sink);
            return sinks.isEmpty() ? null : sinks;
        }));
    }

    /**
     * The {@code notifications/tasks} message for a task as it is now.
     *
     * @param task the task
     * @return the notification
     */
    public static JsonObject notification(TaskView task) {
        return Jsonp.object()
                .add("jsonrpc", "2.0")
                .add("method", "notifications/tasks")
                .add("params", task.detailed())
                .build();
    }

    /** How many tasks run on this instance. */
    public int running() {
        return running.size();
    }

    /** Stops renewing and listening: the tasks still running here end as failed, and their work is interrupted. */
    @Override
    public void close() {
        renewing.cancel(false);
        Instant now = clock.instant();
        running.values().forEach(task -> {
            store.end(task.record(), TaskEnd.failed(JsonRpcError.INTERNAL_ERROR.code(), STOPPED, now));
            stop(task);
        });
        try {
            listening.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing the task signals failed", e);
        }
    }

    /** The fields every task shape shares: id, times, time to live and poll interval. */
    static JsonObjectBuilder task(TaskRecord record, TaskSettings settings) {
        return Jsonp.object()
                .add("taskId", record.taskId())
                .add("status", record.status())
                .add("createdAt", record.createdAt().toString())
                .add("lastUpdatedAt", record.lastUpdatedAt().toString())
                .add("ttlMs", settings.ttl().toMillis())
                .add("pollIntervalMs", settings.pollIntervalMs());
    }

    private void run(RunningTask task, McpClient client, TaskWork work) {
        TaskEnd end;
        try {
            end = TaskEnd.completed(work.run(task, new TaskInteraction(client, task)), clock.instant());
        } catch (JsonRpcException e) {
            JsonObjectBuilder error =
                    Jsonp.object().add("code", e.error().code()).add("message", e.getMessage());
            if (e.data() != null) {
                error.add("data", e.data());
            }
            end = new TaskEnd("failed", null, error.build(), e.getMessage(), clock.instant());
        } catch (AccessDeniedException e) {
            // the application's own authorization around the tool refused the caller
            end = TaskEnd.failed(JsonRpcError.INVALID_REQUEST.code(), e.getMessage(), clock.instant());
        } catch (RuntimeException | Error e) {
            if (task.cancelled()) {
                end = TaskEnd.cancelled(clock.instant());
            } else {
                String incident = UUID.randomUUID().toString();
                LOG.log(
                        Level.WARNING,
                        e,
                        () -> Message.TASK_FAILED_UNEXPECTEDLY.format(
                                task.record().tool(), e.getClass().getName(), incident));
                end = TaskEnd.failed(
                        JsonRpcError.INTERNAL_ERROR.code(), "Internal error, incident " + incident, clock.instant());
            }
        } finally {
            running.remove(task.record().taskId());
        }
        if (!task.cancelled() && Thread.currentThread().isInterrupted()) {
            // interrupted, and not by tasks/cancel: the server is stopping the application under the work
            end = TaskEnd.failed(JsonRpcError.INTERNAL_ERROR.code(), STOPPED, clock.instant());
        }
        store.end(task.record(), end);
    }

    /** Renews the lease of every task running here; one past its time to live is stopped instead. */
    private void renewLeases() {
        Instant now = clock.instant();
        running.values().forEach(task -> {
            TaskRecord record = task.record();
            if (now.isAfter(record.createdAt().plus(settings.ttl()))) {
                stop(task);
            } else {
                store.renew(record.taskId());
            }
        });
    }

    /** Tells every instance's watchers of the task what it looks like now. */
    private void publishChange(TaskStore.Snapshot snapshot) {
        signals.publish(Jsonp.object()
                .add("taskId", snapshot.record().taskId())
                .add("changed", notification(new TaskView(snapshot, settings)))
                .build()
                .toString());
    }

    /**
     * A cancellation or an answer, from whichever instance received it (only the instance that runs the task acts),
     * or a change of a task's status for the watchers here.
     */
    private void signalled(String message) {
        JsonObject signal = TaskRecord.parse(message);
        if (signal.get("changed") instanceof JsonObject changed) {
            Set<Consumer<JsonObject>> sinks = watchers.get(signal.getString("taskId", ""));
            if (sinks != null) {
                sinks.forEach(sink -> sink.accept(changed));
            }
            return;
        }
        RunningTask task = running.get(signal.getString("taskId", ""));
        if (task == null) {
            return;
        }
        if (signal.containsKey("cancel")) {
            stop(task);
        } else if (signal.get("value") instanceof JsonObject value) {
            task.answered(signal.getString("answer"), Jsonp.toJava(value));
        }
    }

    /** Stops a task's work; it no longer counts as running here, even when its work had not started yet. */
    private void stop(RunningTask task) {
        task.cancel();
        running.remove(task.record().taskId());
    }

    private static JsonRpcException full(String message) {
        return new JsonRpcException(JsonRpcError.INVALID_REQUEST, message, null, 429);
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

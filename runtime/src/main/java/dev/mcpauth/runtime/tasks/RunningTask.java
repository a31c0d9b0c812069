package dev.mcpauth.runtime.tasks;

import dev.mcpauth.McpException;
import dev.mcpauth.McpProgress;
import dev.mcpauth.runtime.features.TaskInteraction;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A task running on this instance: its questions waiting for answers, its latest progress message, and whether it
 * was cancelled. Each change of status is written to the shared engine at once, so every instance shows it.
 */
final class RunningTask implements McpProgress, TaskInteraction.Questions {

    private final TaskStore store;
    private final Clock clock;
    private final Map<String, JsonObject> open = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Map<String, Object>>> answers = new LinkedHashMap<>();
    private TaskRecord record;
    private volatile boolean cancelled;
    private volatile Future<?> execution;

    RunningTask(TaskRecord record, TaskStore store, Clock clock) {
        this.record = record;
        this.store = store;
        this.clock = clock;
    }

    synchronized TaskRecord record() {
        return record;
    }

    void runsAs(Future<?> future) {
        this.execution = future;
        if (cancelled) {
            future.cancel(true);
        }
    }

    @Override
    public Supplier<Map<String, Object>> post(String key, String method, JsonObject params) {
        CompletableFuture<Map<String, Object>> answer;
        synchronized (this) {
            answer = answers.get(key);
            if (answer == null) {
                // a key names one question for the task's whole life (the extension's rule); asked again, the tool
                // gets the answer it already has
                answer = new CompletableFuture<>();
                answers.put(key, answer);
                open.put(
                        key,
                        Jsonp.object()
                                .add("method", method)
                                .add("params", params)
                                .build());
                changed(record.statusMessage());
            }
        }
        CompletableFuture<Map<String, Object>> waiting = answer;
        return () -> await(waiting);
    }

    /** An answer from {@code tasks/update}, on whichever instance it arrived. */
    void answered(String key, Map<String, Object> answer) {
        CompletableFuture<Map<String, Object>> waiting;
        synchronized (this) {
            waiting = answers.get(key);
            if (waiting == null || open.remove(key) == null) {
                return;
            }
            changed(record.statusMessage());
        }
        waiting.complete(answer);
    }

    @Override
    public void report(double progress, double total, String message) {
        if (message == null) {
            return; // a task has no progress notifications: only what it says about itself is shown
        }
        synchronized (this) {
            if (!message.equals(record.statusMessage())) {
                changed(message);
            }
        }
    }

    @Override
    public void log(String level, String message) {
        // the extension has no log messages for tasks
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    /** Stops the work: its thread is interrupted and a question it waits on ends. */
    void cancel() {
        cancelled = true;
        Future<?> running = execution;
        if (running != null) {
            running.cancel(true);
        }
        synchronized (this) {
            answers.values().forEach(answer -> answer.cancel(false));
        }
    }

    private void changed(String message) {
        JsonObjectBuilder questions = Jsonp.object();
        open.forEach(questions::add);
        record = record.with(clock.instant(), questions.build(), message);
        store.update(record);
    }

    private static Map<String, Object> await(CompletableFuture<Map<String, Object>> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpException("The task was cancelled.");
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            throw new McpException("The task was cancelled.");
        }
    }
}

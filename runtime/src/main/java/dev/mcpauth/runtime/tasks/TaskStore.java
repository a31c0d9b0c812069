package dev.mcpauth.runtime.tasks;

import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.state.SharedMap;
import dev.mcpauth.runtime.state.SharedState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tasks on the shared engine, readable from every instance, each entry living until the task's time to live
 * runs out. Four maps, so that no entry ever needs a compare-and-set: the record (written only by the instance that
 * runs the task), the end (written once, first writer wins), the lease (renewed by the running instance; when it
 * lapses the instance is gone), and the answers to the task's questions (each key answered once).
 */
final class TaskStore {

    static final String RECORDS = "mcp.tasks";
    static final String ENDS = "mcp.tasks.ends";
    static final String LEASES = "mcp.tasks.leases";
    static final String ANSWERS = "mcp.tasks.answers";

    /** A task as a reader sees it: the record and, once it ended, how. */
    record Snapshot(TaskRecord record, Optional<TaskEnd> end) {}

    private final SharedMap records;
    private final SharedMap ends;
    private final SharedMap leases;
    private final SharedMap answers;
    private final TaskSettings settings;
    private final Clock clock;
    private final Consumer<Snapshot> changed;

    /**
     * @param changed hears every change of a task's status this instance writes, and every end it writes first
     */
    TaskStore(SharedState state, TaskSettings settings, Clock clock, Consumer<Snapshot> changed) {
        this.records = state.map(RECORDS);
        this.ends = state.map(ENDS);
        this.leases = state.map(LEASES);
        this.answers = state.map(ANSWERS);
        this.settings = settings;
        this.clock = clock;
        this.changed = changed;
    }

    /** Stores a new task and its first lease; readable on every instance when this returns. */
    void create(TaskRecord task) {
        leases.put(task.taskId(), "running", settings.lease());
        records.put(task.taskId(), task.toJson(), remaining(task));
    }

    /** Stores the running task's new status. */
    void update(TaskRecord task) {
        records.put(task.taskId(), task.toJson(), remaining(task));
        changed.accept(new Snapshot(task, Optional.empty()));
    }

    /**
     * Ends a task, unless it ended already.
     *
     * @return true when this end is the task's end
     */
    boolean end(TaskRecord task, TaskEnd end) {
        boolean first = ends.putIfAbsent(task.taskId(), end.toJson(), remaining(task));
        if (first) {
            leases.remove(task.taskId());
            changed.accept(new Snapshot(task, Optional.of(end)));
        }
        return first;
    }

    /** Tells every reader the running instance is still there. */
    void renew(String taskId) {
        leases.put(taskId, "running", settings.lease());
    }

    /**
     * The task, as any instance sees it. A task still running whose lease lapsed (its instance stopped or died)
     * ends here as failed, so that nobody sees it working forever.
     */
    Optional<Snapshot> read(String taskId) {
        Optional<TaskRecord> record = records.get(taskId).map(TaskRecord::fromJson);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        Optional<TaskEnd> end = ends.get(taskId).map(TaskEnd::fromJson);
        if (end.isEmpty() && leases.get(taskId).isEmpty()) {
            end(record.get(), TaskEnd.failed(JsonRpcError.INTERNAL_ERROR.code(), Tasks.STOPPED, clock.instant()));
            end = ends.get(taskId).map(TaskEnd::fromJson);
        }
        return Optional.of(new Snapshot(record.get(), end));
    }

    /**
     * Records the answer to one of the task's questions, unless it has one.
     *
     * @return true when this answer is the one
     */
    boolean answer(TaskRecord task, String key, String answer) {
        return answers.putIfAbsent(task.taskId() + "\n" + key, answer, remaining(task));
    }

    /** The time the task has left to live; never less than a second, so a store never fails on a late write. */
    Duration remaining(TaskRecord task) {
        Instant expiry = task.createdAt().plus(settings.ttl());
        Duration left = Duration.between(clock.instant(), expiry);
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }
}

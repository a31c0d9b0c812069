package dev.mcpauth.runtime.tasks;

import dev.mcpauth.McpCaller;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * One task as {@code tasks/get} shows it to its owner (a {@code DetailedTask}), and what the protocol checks before
 * it shows it: whose it is and which tool it runs.
 */
public final class TaskView {

    private final TaskStore.Snapshot snapshot;
    private final TaskSettings settings;

    TaskView(TaskStore.Snapshot snapshot, TaskSettings settings) {
        this.snapshot = snapshot;
        this.settings = settings;
    }

    /**
     * Whether {@code caller} created the task: issuer, subject and client match.
     *
     * @param caller the caller of a request
     * @return true for the owner
     */
    public boolean ownedBy(McpCaller caller) {
        return snapshot.record().owner().is(caller);
    }

    /** The tool the task runs. */
    public String tool() {
        return snapshot.record().tool();
    }

    /** Whether the task ended (completed, failed or cancelled). */
    public boolean ended() {
        return snapshot.end().isPresent();
    }

    TaskRecord record() {
        return snapshot.record();
    }

    /** The {@code DetailedTask}: status, times, and the open questions, the result or the error. */
    public JsonObject detailed() {
        TaskRecord record = snapshot.record();
        JsonObjectBuilder json = Tasks.task(record, settings);
        snapshot.end()
                .ifPresentOrElse(
                        end -> {
                            json.add("status", end.status())
                                    .add("lastUpdatedAt", end.at().toString());
                            if (end.statusMessage() != null) {
                                json.add("statusMessage", end.statusMessage());
                            }
                            if (end.result() != null) {
                                json.add("result", end.result());
                            }
                            if (end.error() != null) {
                                json.add("error", end.error());
                            }
                        },
                        () -> {
                            if (record.statusMessage() != null) {
                                json.add("statusMessage", record.statusMessage());
                            }
                            if (TaskRecord.INPUT_REQUIRED.equals(record.status())) {
                                json.add("inputRequests", record.inputRequests());
                            }
                        });
        return json.build();
    }
}

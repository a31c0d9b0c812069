package dev.mcpauth.runtime.cdi;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.auth.CallerHolder;
import dev.mcpauth.runtime.messages.Message;
import dev.mcpauth.runtime.state.SharedState;
import dev.mcpauth.runtime.tasks.RequestContexts;
import dev.mcpauth.runtime.tasks.TaskSettings;
import dev.mcpauth.runtime.tasks.Tasks;
import dev.mcpauth.runtime.tools.ToolDefinition;
import dev.mcpauth.runtime.tools.ToolRegistry;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Tasks the Jakarta EE way: they run on the server's default managed executor (Jakarta Concurrency), which carries
 * the application's context to the worker thread, and each runs inside a CDI request context of its own with the
 * caller who created it, so tool beans see that caller as in a request.
 */
final class ManagedTasks implements RequestContexts {

    private static final Logger LOG = Logger.getLogger(ManagedTasks.class.getName());

    /** Jakarta EE 10, Concurrency 3.0 §3.1.4: the default managed executor every server provides. */
    static final String EXECUTOR = "java:comp/DefaultManagedExecutorService";

    /** Jakarta EE 10, Concurrency 3.0 §3.2.4: the default managed scheduled executor. */
    static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    private final CallerHolder holder;
    private final Instance<RequestContextController> controllers;

    private ManagedTasks(CallerHolder holder, Instance<RequestContextController> controllers) {
        this.holder = holder;
        this.controllers = controllers;
    }

    /**
     * Starts the tasks of the application, when a tool runs as one.
     *
     * @return the tasks, or null when no tool runs as a task
     * @throws IllegalStateException when tools run as tasks and the server offers no managed executor
     */
    static Tasks start(
            ToolRegistry tools,
            SharedState state,
            TaskSettings settings,
            CallerHolder holder,
            Instance<RequestContextController> controllers) {
        List<String> taskTools = tools.all().stream()
                .filter(ToolDefinition::runsAsTask)
                .map(ToolDefinition::name)
                .toList();
        if (taskTools.isEmpty()) {
            return null;
        }
        ExecutorService executor;
        ScheduledExecutorService scheduler;
        try {
            executor = InitialContext.doLookup(EXECUTOR);
            scheduler = InitialContext.doLookup(SCHEDULER);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException(Message.TASKS_NEED_CONCURRENCY.format(taskTools), e);
        }
        LOG.fine(() -> "tools running as tasks: " + taskTools);
        return new Tasks(
                state, settings, executor, scheduler, new ManagedTasks(holder, controllers), Clock.systemUTC());
    }

    @Override
    public Runnable carry(Runnable work) {
        McpCaller caller = holder.caller();
        String rawToken = caller == null ? null : holder.jsonWebToken().getRawToken();
        Set<String> roles = holder.roles();
        return () -> {
            RequestContextController controller = controllers.get();
            controller.activate();
            try {
                if (caller != null) {
                    holder.set(caller, rawToken, roles);
                }
                work.run();
            } finally {
                controller.deactivate();
                controllers.destroy(controller);
            }
        };
    }
}

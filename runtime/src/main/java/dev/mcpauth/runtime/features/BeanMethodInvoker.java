package dev.mcpauth.runtime.features;

import dev.mcpauth.McpException;
import dev.mcpauth.McpInput;
import dev.mcpauth.MissingClientCapabilityException;
import dev.mcpauth.runtime.auth.AccessDeniedException;
import dev.mcpauth.runtime.auth.AllowedCall;
import dev.mcpauth.runtime.messages.Message;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls a feature method on its CDI bean, through the container's reference so interceptors (the authorization
 * interceptor among them) apply, with one policy for what the method throws: authorization refusals and missing
 * client capabilities pass unchanged (the protocol answers them); a {@link McpException}'s message is meant for
 * the client; any other exception is logged with an incident id and the client gets only the id; an
 * {@link Error} is never caught. The end of a multi round-trip round ({@link McpInput.InputRequired}) passes too.
 */
public final class BeanMethodInvoker {

    private static final Logger LOG = Logger.getLogger(BeanMethodInvoker.class.getName());

    private final BeanManager beanManager;

    /**
     * An invoker.
     *
     * @param beanManager the application's bean manager
     */
    public BeanMethodInvoker(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    /**
     * Calls the method, which the caller of this request has been allowed to call: every MCP handler asks
     * {@code Authorizer} about {@code method.access()} first, and the authorization interceptor takes that
     * decision instead of making it again ({@link AllowedCall}).
     *
     * @param method the feature method
     * @param allowed the dispatcher\'s decision that this request\'s caller may call it
     * @param arguments the arguments, in parameter order
     * @param kind what the method serves ("tool", "resource", "prompt", "completion"), for messages
     * @param name the item's name or URI, for messages
     * @return what the method returned
     * @throws FeatureFailure when the method failed; its message is client-safe
     */
    public Object invoke(FeatureMethod method, AllowedCall allowed, Object[] arguments, String kind, String name) {
        CreationalContext<?> context = beanManager.createCreationalContext(method.bean());
        try {
            return guarded(kind, name, method.where(), () -> {
                Object instance =
                        beanManager.getReference(method.bean(), method.bean().getBeanClass(), context);
                Object[] receiverAndArguments = new Object[arguments.length + 1];
                receiverAndArguments[0] = instance;
                System.arraycopy(arguments, 0, receiverAndArguments, 1, arguments.length);
                if (allowed != null) {
                    // marks only when the decision is about this very method; otherwise the interceptor decides
                    allowed.mark(method.bean().getBeanClass(), method.method());
                }
                return (Object) method.handle().invokeExact(receiverAndArguments);
            });
        } finally {
            AllowedCall.clear();
            context.release();
        }
    }

    /** Code of the application, run under the policy of {@link #invoke}. */
    @FunctionalInterface
    public interface ApplicationCode {

        /**
         * Runs it.
         *
         * @return what it returned
         * @throws Throwable whatever it throws
         */
        Object run() throws Throwable;
    }

    /**
     * Runs application code with the policy of {@link #invoke} for what it throws: the work of a task a tool method
     * returned, say.
     *
     * @param kind what the code serves ("tool"), for messages
     * @param name the item's name, for messages
     * @param where the method, for the log
     * @param code the code
     * @return what it returned
     * @throws FeatureFailure when it failed; its message is client-safe
     */
    public static Object guarded(String kind, String name, String where, ApplicationCode code) {
        try {
            return code.run();
        } catch (AccessDeniedException | MissingClientCapabilityException | McpInput.InputRequired passThrough) {
            throw passThrough;
        } catch (McpException failure) {
            // written for the model by the author of the method: it goes to the client as it is
            LOG.log(Level.FINE, failure, () -> kind + " " + name + " reported: " + failure.getMessage());
            throw new FeatureFailure(failure.getMessage() == null ? "The " + kind + " failed." : failure.getMessage());
        } catch (Error error) {
            // the JVM is in trouble (or an assertion failed): not something to show a model as an answer
            throw error;
        } catch (Throwable e) {
            McpException wrapped = wrappedMessage(e);
            if (wrapped != null) {
                // a message for the client that a library wrapped on its way up, such as a DownstreamAccessException
                // from a Rest Client filter, which the client implementation wraps in a ProcessingException
                LOG.log(Level.FINE, e, () -> kind + " " + name + " reported: " + wrapped.getMessage());
                throw new FeatureFailure(
                        wrapped.getMessage() == null ? "The " + kind + " failed." : wrapped.getMessage());
            }
            // a bug or an outage whose message may carry internals: the operator gets the details
            String incident = UUID.randomUUID().toString();
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> Message.FEATURE_FAILED_UNEXPECTEDLY.format(
                            kind, name, where, e.getClass().getName(), incident));
            throw new FeatureFailure("The " + kind + " failed unexpectedly (incident " + incident + ").");
        }
    }

    /** The {@link McpException} among the causes of {@code e}, if any (a few levels deep, so a cycle cannot loop). */
    private static McpException wrappedMessage(Throwable e) {
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            if (cause instanceof McpException message) {
                return message;
            }
        }
        return null;
    }
}

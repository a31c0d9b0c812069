package dev.mcpauth.runtime.cdi;

import dev.mcpauth.runtime.auth.AuthSettings;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.auth.FeatureRequirements;
import dev.mcpauth.runtime.auth.OperationRequirements;
import dev.mcpauth.runtime.completion.Completer;
import dev.mcpauth.runtime.completion.CompletionRegistry;
import dev.mcpauth.runtime.prompts.PromptRenderer;
import dev.mcpauth.runtime.protocol.Features;
import dev.mcpauth.runtime.resources.ResourceReader;
import dev.mcpauth.runtime.tools.ToolInvoker;
import dev.mcpauth.runtime.prompts.PromptRegistry;
import dev.mcpauth.runtime.resources.ResourceRegistry;
import dev.mcpauth.runtime.messages.Message;
import dev.mcpauth.runtime.protocol.ServerSettings;
import dev.mcpauth.runtime.tools.ToolRegistry;
import dev.mcpauth.runtime.transport.TransportSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Hands what the extension computed at deployment to the beans that need it, so that no other package
 * depends on the extension. Each value is made once and shared; the producers are {@code @Dependent}
 * because the values are immutable final classes and records, which CDI cannot proxy.
 */
@ApplicationScoped
public class RuntimeProducers {

    private McpExtension extension;
    private ToolRegistry registry;
    private ResourceRegistry resources;
    private PromptRegistry prompts;
    private CompletionRegistry completions;
    private Authorizer authorizer;

    /** For the CDI proxy only. */
    protected RuntimeProducers() {
    }

    @Inject
    RuntimeProducers(McpExtension extension) {
        this.extension = extension;
    }

    @Produces
    @Dependent
    synchronized ToolRegistry toolRegistry() {
        if (registry == null) {
            registry = new ToolRegistry(extension.features().tools());
        }
        return registry;
    }

    @Produces
    @Dependent
    synchronized ResourceRegistry resourceRegistry() {
        if (resources == null) {
            resources = new ResourceRegistry(extension.features().resources());
        }
        return resources;
    }

    @Produces
    @Dependent
    synchronized PromptRegistry promptRegistry() {
        if (prompts == null) {
            prompts = new PromptRegistry(extension.features().prompts());
        }
        return prompts;
    }

    @Produces
    @Dependent
    synchronized CompletionRegistry completionRegistry() {
        if (completions == null) {
            completions = new CompletionRegistry(extension.features().completions());
        }
        return completions;
    }

    /** What the deployment serves and how each kind is called, for the protocol layer. */
    @Produces
    @Dependent
    Features features(ToolInvoker invoker, ResourceReader reader, PromptRenderer renderer, Completer completer) {
        return new Features(toolRegistry(), invoker, resourceRegistry(), reader, promptRegistry(), renderer, completionRegistry(), completer);
    }

    /** The access requirements of everything a client can discover: the protected resource's scopes. */
    @Produces
    @Dependent
    FeatureRequirements featureRequirements() {
        return new FeatureRequirements(extension.features().requirements());
    }

    @Produces
    @Dependent
    OperationRequirements operationRequirements() {
        return extension.requirements();
    }

    @Produces
    @Dependent
    synchronized Authorizer authorizer() {
        if (authorizer == null) {
            authorizer = new Authorizer(authSettings().enabled());
        }
        return authorizer;
    }

    @Produces
    @Dependent
    AuthSettings authSettings() {
        return settings().auth();
    }

    @Produces
    @Dependent
    ServerSettings serverSettings() {
        return settings().server();
    }

    @Produces
    @Dependent
    TransportSettings transportSettings() {
        return settings().transport();
    }

    private McpExtension.Settings settings() {
        McpExtension.Settings settings = extension.settings();
        if (settings == null) {
            // only reachable when the deployment failed already (configuration problems are deployment problems)
            throw new IllegalStateException(Message.CONFIGURATION_NOT_READ.format());
        }
        return settings;
    }
}

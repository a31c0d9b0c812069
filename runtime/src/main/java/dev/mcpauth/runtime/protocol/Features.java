package dev.mcpauth.runtime.protocol;

import dev.mcpauth.runtime.completion.Completer;
import dev.mcpauth.runtime.completion.CompletionRegistry;
import dev.mcpauth.runtime.prompts.PromptRegistry;
import dev.mcpauth.runtime.prompts.PromptRenderer;
import dev.mcpauth.runtime.resources.ResourceReader;
import dev.mcpauth.runtime.resources.ResourceRegistry;
import dev.mcpauth.runtime.tools.ToolInvoker;
import dev.mcpauth.runtime.tools.ToolRegistry;
import java.util.List;

/**
 * What the deployment serves and how each kind is called: the registries and callers of tools, resources and
 * templates, prompts and completions.
 *
 * @param tools the tools
 * @param invoker calls tools
 * @param resources the resources and templates
 * @param reader reads resources
 * @param prompts the prompts
 * @param renderer gets prompts
 * @param completions the completions
 * @param completer calls completions
 */
public record Features(
        ToolRegistry tools,
        ToolInvoker invoker,
        ResourceRegistry resources,
        ResourceReader reader,
        PromptRegistry prompts,
        PromptRenderer renderer,
        CompletionRegistry completions,
        Completer completer) {

    /**
     * Tools only.
     *
     * @param tools the tools
     * @param invoker calls tools
     * @return the features
     */
    public static Features toolsOnly(ToolRegistry tools, ToolInvoker invoker) {
        return new Features(
                tools,
                invoker,
                new ResourceRegistry(List.of()),
                null,
                new PromptRegistry(List.of()),
                null,
                new CompletionRegistry(List.of()),
                null);
    }
}

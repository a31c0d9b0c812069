package dev.mcpauth.it.broken;

import dev.mcpauth.CompletePrompt;
import dev.mcpauth.McpResource;
import dev.mcpauth.McpResourceTemplate;
import dev.mcpauth.Prompt;
import jakarta.enterprise.context.ApplicationScoped;

/** One bean with a broken resource, template, prompt and completion each: every problem must be reported at once. */
@ApplicationScoped
public class BrokenFeatures {

    @McpResource(uri = "no scheme here")
    public String schemeless() {
        return "";
    }

    @McpResourceTemplate(uriTemplate = "tickets://{id")
    public String unclosed(String id) {
        return id;
    }

    @McpResourceTemplate(uriTemplate = "orders://{orderId}")
    public String wrongParameter(String id) {
        return id;
    }

    @Prompt
    public String countedPrompt(int count) {
        return "";
    }

    @Prompt
    public Integer numberPrompt() {
        return 1;
    }

    @CompletePrompt(prompt = "counted_prompt", argument = "count")
    public String notAList(String prefix) {
        return prefix;
    }
}

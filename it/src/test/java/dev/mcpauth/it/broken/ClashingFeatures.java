package dev.mcpauth.it.broken;

import dev.mcpauth.CompletePrompt;
import dev.mcpauth.McpResource;
import dev.mcpauth.Prompt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Definitions that are fine alone but clash across the deployment. */
@ApplicationScoped
public class ClashingFeatures {

    @McpResource(uri = "desk://stats")
    public String stats() {
        return "";
    }

    @McpResource(uri = "desk://stats", name = "stats_again")
    public String statsAgain() {
        return "";
    }

    @Prompt(name = "greet")
    public String greet() {
        return "hello";
    }

    @Prompt(name = "greet")
    public String greetAgain() {
        return "hi";
    }

    @CompletePrompt(prompt = "greet", argument = "nobody")
    public List<String> nobody(String prefix) {
        return List.of();
    }
}

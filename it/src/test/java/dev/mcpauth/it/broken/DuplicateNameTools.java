package dev.mcpauth.it.broken;

import dev.mcpauth.Tool;
import jakarta.enterprise.context.ApplicationScoped;

/** Two methods that claim the same tool name: the deployment must fail naming both. */
@ApplicationScoped
public class DuplicateNameTools {

    @Tool(name = "lookup")
    public String lookupCustomer(String id) {
        return id;
    }

    @Tool(name = "lookup")
    public String lookupOrder(String id) {
        return id;
    }
}

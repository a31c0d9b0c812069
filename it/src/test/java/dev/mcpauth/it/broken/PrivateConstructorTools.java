package dev.mcpauth.it.broken;

import dev.mcpauth.Tool;
import jakarta.enterprise.context.ApplicationScoped;

/** An application-scoped tool bean whose only no-arg constructor is private: CDI cannot proxy it. */
@ApplicationScoped
public class PrivateConstructorTools {

    private PrivateConstructorTools() {}

    @Tool
    public String ping() {
        return "pong";
    }
}

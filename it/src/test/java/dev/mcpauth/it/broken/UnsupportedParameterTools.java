package dev.mcpauth.it.broken;

import dev.mcpauth.Tool;
import jakarta.enterprise.context.ApplicationScoped;

/** A tool whose parameter has no JSON Schema mapping: the deployment must fail naming the method. */
@ApplicationScoped
public class UnsupportedParameterTools {

    @Tool
    public String describe(Object anything) {
        return String.valueOf(anything);
    }
}

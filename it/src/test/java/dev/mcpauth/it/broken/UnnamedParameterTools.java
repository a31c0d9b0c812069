package dev.mcpauth.it.broken;

import dev.mcpauth.Tool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A tool whose parameter has no name once compiled without {@code -parameters} (and with no
 * {@code @ToolArg(name = ...)}): the deployment must fail naming the method. The build compiles every test
 * class with {@code -parameters}, so {@code DeploymentFailureIT} compiles this source again without it.
 */
@ApplicationScoped
public class UnnamedParameterTools {

    @Tool
    public String greet(String who) {
        return "Hello " + who;
    }
}

package dev.mcpauth.runtime.session;

import dev.mcpauth.McpCaller;
import java.util.Set;

/** Whether a caller may read a resource: the decision {@code resources/read} makes, asked again for each notification. */
@FunctionalInterface
public interface ReadAccess {

    /**
     * Decides.
     *
     * @param caller the caller
     * @param roles the caller's roles
     * @param uri the resource's URI
     * @return true when the caller may read it
     */
    boolean mayRead(McpCaller caller, Set<String> roles, String uri);
}

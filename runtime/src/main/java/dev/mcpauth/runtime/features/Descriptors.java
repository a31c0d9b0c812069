package dev.mcpauth.runtime.features;

import jakarta.json.JsonObjectBuilder;

/** The fields every feature's descriptor in the list methods shares (MCP, BaseMetadata): a name, and a title and a description when given. */
public final class Descriptors {

    private Descriptors() {}

    /**
     * Adds the name, and the title and the description unless empty.
     *
     * @param descriptor the descriptor being built
     * @param name the item's name
     * @param title its title, or empty for none
     * @param description its description, or empty for none
     * @return the descriptor
     */
    public static JsonObjectBuilder named(JsonObjectBuilder descriptor, String name, String title, String description) {
        descriptor.add("name", name);
        if (!title.isEmpty()) {
            descriptor.add("title", title);
        }
        if (!description.isEmpty()) {
            descriptor.add("description", description);
        }
        return descriptor;
    }
}

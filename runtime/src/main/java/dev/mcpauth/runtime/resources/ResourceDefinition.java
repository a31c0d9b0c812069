package dev.mcpauth.runtime.resources;

import dev.mcpauth.runtime.features.FeatureMethod;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A resource with a fixed URI or a resource template, computed once at deployment: its descriptor for the list
 * methods, how its method binds the URI's variables, and the method itself.
 *
 * @param uri the fixed URI, or null for a template
 * @param template the template, or null for a fixed resource
 * @param name the name
 * @param descriptor the {@code Resource} or {@code ResourceTemplate} object of the list methods
 * @param mimeType the declared MIME type, or null for the default of the returned type
 * @param method the bean method and its access requirement
 * @param parameters the method's parameters in order
 * @param uncheckedVariables whether decoded variable values reach the method unchecked (the author opted in);
 *     otherwise a value that {@link UriTemplate#unsafe} refuses never does
 */
public record ResourceDefinition(
        String uri,
        UriTemplate template,
        String name,
        JsonObject descriptor,
        String mimeType,
        FeatureMethod method,
        List<ResourceParameter> parameters,
        boolean uncheckedVariables) {

    /** Whether this is a template. */
    public boolean isTemplate() {
        return template != null;
    }

    /** The URI or the template text: what the definition is known by. */
    public String key() {
        return isTemplate() ? template.text() : uri;
    }
}

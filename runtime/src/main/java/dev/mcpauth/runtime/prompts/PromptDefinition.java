package dev.mcpauth.runtime.prompts;

import dev.mcpauth.runtime.features.FeatureMethod;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A prompt, computed once at deployment: its descriptor for {@code prompts/list}, its arguments and its method.
 *
 * @param name the prompt name
 * @param descriptor the {@code Prompt} object of {@code prompts/list}
 * @param method the bean method and its access requirement
 * @param parameters the method's parameters in order
 */
public record PromptDefinition(
        String name, JsonObject descriptor, FeatureMethod method, List<PromptParameter> parameters) {

    /** The argument names, in order. */
    public List<String> argumentNames() {
        return parameters.stream()
                .filter(PromptParameter::isArgument)
                .map(PromptParameter::name)
                .toList();
    }
}

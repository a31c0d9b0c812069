package dev.mcpauth.runtime.completion;

import dev.mcpauth.CompletePrompt;
import dev.mcpauth.CompleteResourceTemplate;
import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.features.FeatureMethod;
import dev.mcpauth.runtime.features.FeatureMethods;
import dev.mcpauth.runtime.messages.Message;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Turns one {@link CompletePrompt} or {@link CompleteResourceTemplate} method into a {@link CompletionDefinition},
 * or into every problem that prevents one. Whether the prompt argument or template variable exists is checked by
 * the extension once every prompt and template is known.
 */
public final class CompletionScanner {

    private CompletionScanner() {
    }

    /** The outcome of scanning one method: a definition, or the problems that prevent one. */
    public record Outcome(CompletionDefinition definition, List<String> problems) {
    }

    /**
     * Scans one method.
     *
     * @param method the completion method
     * @param bean the bean it is called on
     * @param access what a caller needs
     * @return the definition or the problems
     */
    public static Outcome scan(Method method, Bean<?> bean, AccessRequirement access) {
        String where = method.getDeclaringClass().getName() + "#" + method.getName();
        CompletePrompt prompt = method.getAnnotation(CompletePrompt.class);
        CompleteResourceTemplate template = method.getAnnotation(CompleteResourceTemplate.class);
        String annotation = prompt != null ? "@CompletePrompt" : "@CompleteResourceTemplate";
        List<String> problems = new ArrayList<>();
        if (!FeatureMethods.isPublicInstance(method)) {
            problems.add(Message.FEATURE_NOT_PUBLIC_INSTANCE_METHOD.format(annotation, where));
        }
        List<CompletionDefinition.Source> parameters = new ArrayList<>();
        int values = 0;
        for (Class<?> type : method.getParameterTypes()) {
            if (type == McpCaller.class) {
                parameters.add(CompletionDefinition.Source.CALLER);
            } else if (type == McpClient.class) {
                parameters.add(CompletionDefinition.Source.CLIENT);
            } else if (type == String.class) {
                parameters.add(CompletionDefinition.Source.VALUE);
                values++;
            } else {
                values = -100; // reported below
            }
        }
        if (values != 1 || !returnsStrings(method.getGenericReturnType())) {
            problems.add(Message.COMPLETION_SIGNATURE.format(annotation, where));
        }
        access.invalidScopes().forEach(scope -> problems.add(Message.REQUIRED_SCOPE_INVALID.format(where, scope)));
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        Optional<MethodHandle> found = FeatureMethods.handle(method);
        if (found.isEmpty()) {
            return new Outcome(null, List.of(Message.FEATURE_NOT_PUBLIC_INSTANCE_METHOD.format(annotation, where)));
        }
        MethodHandle handle = found.get();
        FeatureMethod feature = new FeatureMethod(bean, handle, where, access);
        CompletionDefinition definition = prompt != null
                ? new CompletionDefinition(CompletionDefinition.Kind.PROMPT, prompt.prompt(), prompt.argument(), feature, List.copyOf(parameters))
                : new CompletionDefinition(CompletionDefinition.Kind.RESOURCE, template.uriTemplate(), template.variable(), feature,
                        List.copyOf(parameters));
        return new Outcome(definition, List.of());
    }

    /** A collection of strings, the suggestions. */
    private static boolean returnsStrings(Type type) {
        return type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw) && parameterized.getActualTypeArguments()[0] == String.class;
    }
}

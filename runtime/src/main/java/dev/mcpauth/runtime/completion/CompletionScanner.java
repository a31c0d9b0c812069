package dev.mcpauth.runtime.completion;

import dev.mcpauth.CompletePrompt;
import dev.mcpauth.CompleteResourceTemplate;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.features.ContextArgument;
import dev.mcpauth.runtime.features.FeatureKind;
import dev.mcpauth.runtime.features.FeatureMethod;
import dev.mcpauth.runtime.features.FeatureMethods;
import dev.mcpauth.runtime.features.ScanResult;
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

    private CompletionScanner() {}

    /**
     * Scans one method.
     *
     * @param method the completion method
     * @param bean the bean it is called on
     * @param access what a caller needs
     * @return the definition or the problems
     */
    public static ScanResult<CompletionDefinition> scan(Method method, Bean<?> bean, AccessRequirement access) {
        String where = FeatureMethods.where(method);
        CompletePrompt prompt = method.getAnnotation(CompletePrompt.class);
        CompleteResourceTemplate template = method.getAnnotation(CompleteResourceTemplate.class);
        String annotation = prompt != null ? "@CompletePrompt" : "@CompleteResourceTemplate";
        List<String> problems = new ArrayList<>();
        if (!FeatureMethods.isPublicInstance(method)) {
            problems.add(Message.FEATURE_NOT_PUBLIC_INSTANCE_METHOD.format(annotation, where));
        }
        List<CompletionDefinition.Parameter> parameters = new ArrayList<>();
        int values = 0;
        for (Class<?> type : method.getParameterTypes()) {
            Optional<ContextArgument> context = ContextArgument.of(type);
            if (context.isPresent() && context.get().isValidFor(FeatureKind.COMPLETION)) {
                parameters.add(new CompletionDefinition.Parameter(context.get()));
            } else if (context.isPresent()) {
                problems.add(Message.CONTEXT_ARGUMENT_NOT_ALLOWED.format(
                        annotation,
                        where,
                        context.get().typeName(),
                        FeatureKind.COMPLETION.label(),
                        context.get().kinds()));
            } else if (type == String.class) {
                parameters.add(CompletionDefinition.Parameter.VALUE);
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
            return ScanResult.refused(problems);
        }
        Optional<MethodHandle> found = FeatureMethods.handle(method);
        if (found.isEmpty()) {
            return ScanResult.refused(List.of(Message.FEATURE_NOT_PUBLIC_INSTANCE_METHOD.format(annotation, where)));
        }
        MethodHandle handle = found.get();
        FeatureMethod feature = new FeatureMethod(bean, method, handle, access);
        CompletionDefinition definition = prompt != null
                ? new CompletionDefinition(
                        CompletionDefinition.Kind.PROMPT,
                        prompt.prompt(),
                        prompt.argument(),
                        feature,
                        List.copyOf(parameters))
                : new CompletionDefinition(
                        CompletionDefinition.Kind.RESOURCE,
                        template.uriTemplate(),
                        template.variable(),
                        feature,
                        List.copyOf(parameters));
        return ScanResult.of(definition);
    }

    /** A collection of strings, the suggestions. */
    private static boolean returnsStrings(Type type) {
        return type instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)
                && parameterized.getActualTypeArguments()[0] == String.class;
    }
}

package dev.mcpauth.runtime.prompts;

import dev.mcpauth.Prompt;
import dev.mcpauth.PromptArg;
import dev.mcpauth.PromptMessage;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.features.ContextArgument;
import dev.mcpauth.runtime.features.Descriptors;
import dev.mcpauth.runtime.features.FeatureKind;
import dev.mcpauth.runtime.features.FeatureMethod;
import dev.mcpauth.runtime.features.FeatureMethods;
import dev.mcpauth.runtime.features.Names;
import dev.mcpauth.runtime.features.ScanResult;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.messages.Message;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns one {@link Prompt} method into a {@link PromptDefinition}, or into every problem that prevents one. */
public final class PromptScanner {

    private PromptScanner() {}

    /**
     * Scans one method.
     *
     * @param method a {@link Prompt} method
     * @param bean the bean it is called on
     * @param access what a caller needs, from the deployment's one requirement model
     * @return the definition or the problems
     */
    public static ScanResult<PromptDefinition> scan(Method method, Bean<?> bean, AccessRequirement access) {
        Prompt prompt = method.getAnnotation(Prompt.class);
        String where = FeatureMethods.where(method);
        List<String> problems = new ArrayList<>();
        if (!FeatureMethods.isPublicInstance(method)) {
            problems.add(Message.FEATURE_NOT_PUBLIC_INSTANCE_METHOD.format("@Prompt", where));
        }
        String name = prompt.name().isEmpty() ? Names.snakeCase(method.getName()) : prompt.name();
        List<PromptParameter> parameters = new ArrayList<>();
        JsonArrayBuilder arguments = Jsonp.array();
        Set<String> seen = new HashSet<>();
        Parameter[] javaParameters = method.getParameters();
        for (int i = 0; i < javaParameters.length; i++) {
            Parameter parameter = javaParameters[i];
            Optional<ContextArgument> context = ContextArgument.of(parameter.getType());
            if (context.isPresent()) {
                if (context.get().isValidFor(FeatureKind.PROMPT)) {
                    parameters.add(new PromptParameter(null, false, false, context.get()));
                } else {
                    problems.add(Message.CONTEXT_ARGUMENT_NOT_ALLOWED.format(
                            "@Prompt",
                            where,
                            context.get().typeName(),
                            FeatureKind.PROMPT.label(),
                            context.get().kinds()));
                }
                continue;
            }
            PromptArg arg = parameter.getAnnotation(PromptArg.class);
            boolean optional = isOptionalString(parameter.getParameterizedType());
            if (parameter.getType() != String.class && !optional) {
                problems.add(Message.PROMPT_PARAMETER_TYPE.format(
                        where,
                        parameter.getName(),
                        parameter.getParameterizedType().getTypeName()));
                continue;
            }
            if ((arg == null || arg.name().isEmpty()) && !parameter.isNamePresent()) {
                problems.add(Message.TOOL_PARAMETER_UNNAMED.format("@Prompt", where, i, "@PromptArg"));
                continue;
            }
            String argName = arg != null && !arg.name().isEmpty() ? arg.name() : parameter.getName();
            if (!seen.add(argName)) {
                problems.add(Message.TOOL_PARAMETER_DUPLICATE.format("@Prompt", where, argName));
                continue;
            }
            boolean required = !optional && (arg == null || arg.required());
            JsonObjectBuilder argument = Jsonp.object().add("name", argName);
            if (arg != null && !arg.description().isEmpty()) {
                argument.add("description", arg.description());
            }
            arguments.add(argument.add("required", required));
            parameters.add(new PromptParameter(argName, required, optional, null));
        }
        if (!returnsMessages(method.getGenericReturnType())) {
            problems.add(Message.PROMPT_RETURN_TYPE.format(
                    where, method.getGenericReturnType().getTypeName()));
        }
        access.invalidScopes().forEach(scope -> problems.add(Message.REQUIRED_SCOPE_INVALID.format(where, scope)));
        if (!problems.isEmpty()) {
            return ScanResult.refused(problems);
        }
        Optional<MethodHandle> found = FeatureMethods.handle(method);
        if (found.isEmpty()) {
            return ScanResult.refused(List.of(Message.FEATURE_NOT_PUBLIC_INSTANCE_METHOD.format("@Prompt", where)));
        }
        MethodHandle handle = found.get();
        JsonObjectBuilder descriptor = Descriptors.named(Jsonp.object(), name, prompt.title(), prompt.description());
        descriptor.add("arguments", arguments);
        return new ScanResult<>(
                new PromptDefinition(
                        name,
                        descriptor.build(),
                        new FeatureMethod(bean, method, handle, access),
                        List.copyOf(parameters)),
                List.of());
    }

    private static boolean isOptionalString(Type type) {
        return type instanceof ParameterizedType parameterized
                && parameterized.getRawType() == Optional.class
                && parameterized.getActualTypeArguments()[0] == String.class;
    }

    /** {@code String}, {@code PromptMessage}, or a collection of {@code PromptMessage}. */
    private static boolean returnsMessages(Type type) {
        if (type == String.class || type == PromptMessage.class) {
            return true;
        }
        return type instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)
                && parameterized.getActualTypeArguments()[0] == PromptMessage.class;
    }
}

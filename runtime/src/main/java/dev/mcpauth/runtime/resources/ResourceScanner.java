package dev.mcpauth.runtime.resources;

import dev.mcpauth.McpResource;
import dev.mcpauth.McpResourceTemplate;
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
import jakarta.json.JsonObjectBuilder;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one {@link McpResource} or {@link McpResourceTemplate} method into a {@link ResourceDefinition}, or into
 * every problem that prevents one, so a deployment reports all problems at once.
 */
public final class ResourceScanner {

    private ResourceScanner() {}

    /**
     * Scans one method.
     *
     * @param method a method with {@link McpResource} or {@link McpResourceTemplate}
     * @param bean the bean it is called on
     * @param access what a caller needs, from the deployment's one requirement model
     * @return the definition or the problems
     */
    public static ScanResult<ResourceDefinition> scan(Method method, Bean<?> bean, AccessRequirement access) {
        String where = FeatureMethods.where(method);
        McpResource fixed = method.getAnnotation(McpResource.class);
        McpResourceTemplate templated = method.getAnnotation(McpResourceTemplate.class);
        String annotation = fixed != null ? "@McpResource" : "@McpResourceTemplate";
        List<String> problems = new ArrayList<>();
        if (fixed != null && templated != null) {
            problems.add(Message.RESOURCE_BOTH_KINDS.format(where));
            return ScanResult.refused(problems);
        }
        if (!FeatureMethods.isPublicInstance(method)) {
            problems.add(Message.FEATURE_NOT_PUBLIC_INSTANCE_METHOD.format(annotation, where));
        }
        UriTemplate template = null;
        String uri = null;
        if (fixed != null) {
            uri = fixed.uri();
            if (!isAbsoluteUri(uri)) {
                problems.add(Message.RESOURCE_URI_INVALID.format(where, uri));
            }
        } else {
            UriTemplate.Parsed parsed = UriTemplate.parse(templated.uriTemplate());
            if (parsed.template().isEmpty()) {
                problems.add(
                        Message.RESOURCE_TEMPLATE_INVALID.format(where, templated.uriTemplate(), parsed.problem()));
            } else {
                template = parsed.template().get();
            }
        }
        // a template that did not parse has unknown variables: checking parameters against it would only add false
        // problems
        List<ResourceParameter> parameters =
                fixed == null && template == null ? List.of() : parameters(method, where, template, problems);
        if (method.getReturnType() == void.class || method.getReturnType() == Void.class) {
            problems.add(Message.RESOURCE_RETURNS_NOTHING.format(where));
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
        String name = nonEmpty(fixed != null ? fixed.name() : templated.name(), Names.snakeCase(method.getName()));
        String title = fixed != null ? fixed.title() : templated.title();
        String description = fixed != null ? fixed.description() : templated.description();
        String mimeType = fixed != null ? fixed.mimeType() : templated.mimeType();
        JsonObjectBuilder descriptor = Jsonp.object();
        if (fixed != null) {
            descriptor.add("uri", uri);
        } else {
            descriptor.add("uriTemplate", template.text());
        }
        Descriptors.named(descriptor, name, title, description);
        if (!mimeType.isEmpty()) {
            descriptor.add("mimeType", mimeType);
        }
        return new ScanResult<>(
                new ResourceDefinition(
                        uri,
                        template,
                        name,
                        descriptor.build(),
                        mimeType.isEmpty() ? null : mimeType,
                        new FeatureMethod(bean, method, handle, access),
                        List.copyOf(parameters),
                        templated != null && templated.uncheckedVariables()),
                List.of());
    }

    private static List<ResourceParameter> parameters(
            Method method, String where, UriTemplate template, List<String> problems) {
        List<ResourceParameter> parameters = new ArrayList<>();
        Set<String> bound = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            Class<?> type = parameter.getType();
            Optional<ContextArgument> context = ContextArgument.of(type);
            if (context.isPresent()) {
                if (context.get().isValidFor(FeatureKind.RESOURCE)) {
                    parameters.add(new ResourceParameter(context.get()));
                } else {
                    problems.add(Message.CONTEXT_ARGUMENT_NOT_ALLOWED.format(
                            template == null ? "@McpResource" : "@McpResourceTemplate",
                            where,
                            context.get().typeName(),
                            FeatureKind.RESOURCE.label(),
                            context.get().kinds()));
                }
                continue;
            }
            String name = parameter.getName();
            if (template == null || !template.variables().contains(name)) {
                problems.add(Message.RESOURCE_PARAMETER_NOT_VARIABLE.format(
                        where,
                        name,
                        template == null
                                ? "a resource with a fixed URI takes none"
                                : "the template's variables are " + template.variables()));
                continue;
            }
            ResourceParameter.VariableType converted = type == String.class
                    ? ResourceParameter.VariableType.STRING
                    : type == int.class || type == Integer.class
                            ? ResourceParameter.VariableType.INT
                            : type == long.class || type == Long.class ? ResourceParameter.VariableType.LONG : null;
            if (converted == null) {
                problems.add(Message.RESOURCE_PARAMETER_TYPE.format(where, name, type.getSimpleName()));
                continue;
            }
            bound.add(name);
            parameters.add(new ResourceParameter(name, converted));
        }
        if (template != null) {
            template.variables().stream()
                    .filter(variable -> !bound.contains(variable))
                    .filter(variable -> problems.stream().noneMatch(problem -> problem.contains("'" + variable + "'")))
                    .forEach(variable -> problems.add(Message.RESOURCE_VARIABLE_UNBOUND.format(where, variable)));
        }
        return parameters;
    }

    private static boolean isAbsoluteUri(String uri) {
        try {
            return new URI(uri).getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String nonEmpty(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}

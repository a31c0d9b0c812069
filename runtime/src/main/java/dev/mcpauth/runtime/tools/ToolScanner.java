package dev.mcpauth.runtime.tools;

import dev.mcpauth.Content;
import dev.mcpauth.McpTask;
import dev.mcpauth.TaskSupport;
import dev.mcpauth.Tool;
import dev.mcpauth.ToolArg;
import dev.mcpauth.ToolResult;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.features.ContextArgument;
import dev.mcpauth.runtime.features.Descriptors;
import dev.mcpauth.runtime.features.FeatureMethod;
import dev.mcpauth.runtime.features.FeatureMethods;
import dev.mcpauth.runtime.features.ScanResult;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.messages.Message;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one {@link Tool} method into a {@link ToolDefinition}, or into the list of everything wrong with
 * it, so that a deployment reports all problems at once.
 */
public final class ToolScanner {

    /** The schema keyword of MCP 2026-07-28 that names a property's mirror header. */
    static final String X_MCP_HEADER = "x-mcp-header";

    /** RFC 9110 §5.6.2 {@code token}: {@code 1*tchar}. */
    private static final Pattern HTTP_TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    private ToolScanner() {}

    /**
     * Scans one method.
     *
     * @param method the {@code @Tool} method
     * @param bean the bean it is called on
     * @param access what a caller needs, from the deployment's one requirement model
     * @return the definition or the problems
     */
    public static ScanResult<ToolDefinition> scan(Method method, Bean<?> bean, AccessRequirement access) {
        Tool tool = method.getAnnotation(Tool.class);
        String where = FeatureMethods.where(method);
        List<String> problems = new ArrayList<>();

        String name = tool.name().isEmpty() ? ToolNames.fromMethodName(method.getName()) : tool.name();
        if (!ToolNames.isValid(name)) {
            problems.add(Message.TOOL_NAME_INVALID.format(where, name, ToolNames.MAX_LENGTH));
        }
        if (!FeatureMethods.isPublicInstance(method)) {
            problems.add(Message.TOOL_NOT_PUBLIC_INSTANCE_METHOD.format(where));
        }

        List<ToolParameter> parameters = new ArrayList<>();
        List<HeaderArgument> headerArguments = new ArrayList<>();
        JsonObjectBuilder properties = Jsonp.object();
        JsonArrayBuilder required = Jsonp.array();
        Set<String> seen = new HashSet<>();
        Parameter[] javaParameters = method.getParameters();
        for (int i = 0; i < javaParameters.length; i++) {
            Parameter parameter = javaParameters[i];
            Optional<ContextArgument> context = ContextArgument.of(parameter.getType());
            if (context.isPresent()) {
                // every context argument is valid for a tool
                parameters.add(ToolParameter.forContext(parameter.getName(), parameter.getType(), context.get()));
                continue;
            }
            ToolArg arg = parameter.getAnnotation(ToolArg.class);
            String argName = arg != null && !arg.name().isEmpty() ? arg.name() : parameter.getName();
            if (arg == null || arg.name().isEmpty()) {
                if (!parameter.isNamePresent()) {
                    problems.add(Message.TOOL_PARAMETER_UNNAMED.format("@Tool", where, i, "@ToolArg"));
                    continue;
                }
            }
            if (!seen.add(argName)) {
                problems.add(Message.TOOL_PARAMETER_DUPLICATE.format("@Tool", where, argName));
                continue;
            }
            Type type = parameter.getParameterizedType();
            boolean optionalWrapper = JsonSchemaGenerator.isOptionalType(type);
            boolean isRequired = !optionalWrapper && (arg == null || arg.required());
            try {
                JsonObject schema = new JsonSchemaGenerator(false).schemaOf(type);
                if (arg != null && !arg.description().isEmpty()) {
                    schema = Jsonp.object(schema)
                            .add("description", arg.description())
                            .build();
                }
                if (arg != null && !arg.header().isEmpty()) {
                    HeaderArgument header =
                            headerArgument(where, argName, arg.header(), schema, headerArguments, problems);
                    if (header != null) {
                        headerArguments.add(header);
                        schema = Jsonp.object(schema)
                                .add(X_MCP_HEADER, arg.header())
                                .build();
                    }
                }
                properties.add(argName, schema);
            } catch (UnsupportedTypeException e) {
                problems.add(Message.TOOL_PARAMETER_UNSUPPORTED.format(where, argName, e.getMessage()));
                continue;
            }
            if (isRequired) {
                required.add(argName);
            }
            parameters.add(new ToolParameter(argName, type, isRequired, optionalWrapper, null));
        }
        JsonObject inputSchema = Jsonp.object()
                .add("type", "object")
                .add("properties", properties)
                .add("required", required)
                // a misspelt argument is an error the model can fix, not something to drop silently
                .add("additionalProperties", false)
                .build();
        if (!tool.inputSchema().isEmpty()) {
            JsonObject written = handWritten(method, tool.inputSchema(), where, problems);
            if (written != null) {
                inputSchema = written;
                headerArguments =
                        writtenSchemaHeaders(written, parameters, headerArguments, tool.inputSchema(), where, problems);
            }
        }

        Type returnType = method.getGenericReturnType();
        // a method that returns McpTask<T> settles things in the request and hands back work that returns a T
        boolean deferred = method.getReturnType() == McpTask.class;
        if (deferred) {
            returnType = returnType instanceof ParameterizedType work ? work.getActualTypeArguments()[0] : Object.class;
        }
        ResultKind resultKind = resultKind(returnType);
        JsonObject outputSchema = null;
        if (resultKind == ResultKind.OBJECT || resultKind == ResultKind.WRAPPED_ARRAY) {
            try {
                JsonObject valueSchema = new JsonSchemaGenerator(true).schemaOf(returnType);
                outputSchema = resultKind == ResultKind.OBJECT ? valueSchema : wrapped(valueSchema);
            } catch (UnsupportedTypeException e) {
                problems.add(Message.TOOL_RETURN_UNSUPPORTED.format(where, e.getMessage()));
            }
        }
        access.invalidScopes().forEach(scope -> problems.add(Message.REQUIRED_SCOPE_INVALID.format(where, scope)));
        if (!problems.isEmpty()) {
            return ScanResult.refused(problems);
        }

        Optional<MethodHandle> found = FeatureMethods.handle(method);
        if (found.isEmpty()) {
            return ScanResult.refused(List.of(Message.TOOL_NOT_PUBLIC_INSTANCE_METHOD.format(where)));
        }
        JsonObjectBuilder descriptor = Descriptors.named(Jsonp.object(), name, tool.title(), tool.description());
        descriptor.add("inputSchema", inputSchema);
        if (outputSchema != null) {
            descriptor.add("outputSchema", outputSchema);
        }
        return ScanResult.of(new ToolDefinition(
                name,
                descriptor.build(),
                new FeatureMethod(bean, method, found.get(), access),
                List.copyOf(parameters),
                inputSchema,
                resultKind,
                List.copyOf(headerArguments),
                deferred && tool.task() == TaskSupport.NONE ? TaskSupport.OPTIONAL : tool.task(),
                deferred));
    }

    /**
     * A hand-written input schema ({@code @Tool(inputSchema)}), read from the class path and checked: an object
     * schema whose every constraint {@link SchemaValidator} enforces.
     *
     * @return the schema, or null when a problem was reported
     */
    private static JsonObject handWritten(Method method, String path, String where, List<String> problems) {
        URL resource = method.getDeclaringClass().getResource(path);
        if (resource == null) {
            problems.add(Message.TOOL_SCHEMA_UNREADABLE.format(where, path, "no such resource on the class path"));
            return null;
        }
        JsonObject schema;
        try (InputStream in = resource.openStream();
                JsonReader reader = Jsonp.reader(in)) {
            JsonValue read = reader.readValue();
            if (!(read instanceof JsonObject object)
                    || !(object.get("type") instanceof JsonString type)
                    || !type.getString().equals("object")) {
                problems.add(Message.TOOL_SCHEMA_UNREADABLE.format(where, path, "it must be a schema of type object"));
                return null;
            }
            schema = object;
        } catch (IOException | JsonException e) {
            problems.add(Message.TOOL_SCHEMA_UNREADABLE.format(where, path, "not JSON: " + e.getMessage()));
            return null;
        }
        List<String> unchecked = SchemaValidator.unenforceable(schema);
        if (!unchecked.isEmpty()) {
            problems.add(Message.TOOL_SCHEMA_UNENFORCEABLE.format(where, path, String.join("; ", unchecked)));
            return null;
        }
        return schema;
    }

    /**
     * The mirror headers of a hand-written schema ({@code x-mcp-header} on its properties), after checking that every
     * argument of the method is one of its properties and that none names its header in {@code @ToolArg}.
     */
    private static List<HeaderArgument> writtenSchemaHeaders(
            JsonObject schema,
            List<ToolParameter> parameters,
            List<HeaderArgument> fromAnnotations,
            String path,
            String where,
            List<String> problems) {
        JsonObject properties =
                schema.get("properties") instanceof JsonObject object ? object : JsonObject.EMPTY_JSON_OBJECT;
        for (ToolParameter parameter : parameters) {
            if (parameter.context() == null && !(properties.get(parameter.name()) instanceof JsonObject)) {
                problems.add(Message.TOOL_SCHEMA_PARAMETER.format(where, parameter.name(), path));
            }
        }
        fromAnnotations.forEach(
                header -> problems.add(Message.TOOL_SCHEMA_PARAMETER.format(where, header.argument(), path)));
        List<HeaderArgument> headers = new ArrayList<>();
        properties.forEach((name, property) -> {
            if (property instanceof JsonObject propertySchema
                    && propertySchema.get(X_MCP_HEADER) instanceof JsonString header) {
                HeaderArgument mirrored =
                        headerArgument(where, name, header.getString(), propertySchema, headers, problems);
                if (mirrored != null) {
                    headers.add(mirrored);
                }
            }
        });
        return headers;
    }

    /**
     * The header an argument is mirrored into, checked as MCP 2026-07-28 (Tools, {@code x-mcp-header}) requires:
     * an HTTP token, unique per tool ignoring case, on a string, integer or boolean property only.
     */
    private static HeaderArgument headerArgument(
            String where,
            String argument,
            String header,
            JsonObject schema,
            List<HeaderArgument> earlier,
            List<String> problems) {
        if (!HTTP_TOKEN.matcher(header).matches()) {
            problems.add(Message.TOOL_HEADER_INVALID.format(where, argument, header));
            return null;
        }
        if (earlier.stream().anyMatch(other -> other.header().equalsIgnoreCase(header))) {
            problems.add(Message.TOOL_HEADER_DUPLICATE.format(where, header));
            return null;
        }
        String type = schema.get("type") instanceof JsonString text ? text.getString() : "";
        HeaderArgument.Kind kind = switch (type) {
            case "string" -> HeaderArgument.Kind.STRING;
            case "integer" -> HeaderArgument.Kind.INTEGER;
            case "boolean" -> HeaderArgument.Kind.BOOLEAN;
            default -> null;
        };
        if (kind == null) {
            problems.add(
                    Message.TOOL_HEADER_TYPE.format(where, argument, type.isEmpty() ? "a structured value" : type));
        }
        return kind == null ? null : new HeaderArgument(argument, header, kind);
    }

    private static ResultKind resultKind(Type returnType) {
        Type valueType =
                returnType instanceof ParameterizedType optional && JsonSchemaGenerator.isOptionalType(returnType)
                        ? optional.getActualTypeArguments()[0]
                        : returnType;
        Class<?> raw = JsonSchemaGenerator.rawClass(valueType);
        if (raw == Optional.class) {
            // a raw Optional: the schema generator reports it as unsupported
            return ResultKind.OBJECT;
        }
        if (raw == void.class || raw == Void.class) {
            return ResultKind.NONE;
        }
        if (raw != null && ToolResult.class.isAssignableFrom(raw)) {
            return ResultKind.TOOL_RESULT;
        }
        if (raw != null && Content.class.isAssignableFrom(raw)) {
            return ResultKind.CONTENT;
        }
        if (JsonSchemaGenerator.isArrayType(valueType)) {
            return ResultKind.WRAPPED_ARRAY;
        }
        return JsonSchemaGenerator.isObjectType(valueType) ? ResultKind.OBJECT : ResultKind.TEXT;
    }

    /** MCP requires {@code structuredContent} to be an object, so arrays travel as {@code {"result": [...]}}. */
    private static JsonObject wrapped(JsonObject arraySchema) {
        return Jsonp.object()
                .add("type", "object")
                .add("properties", Jsonp.object().add("result", arraySchema))
                .add("required", Jsonp.array().add("result"))
                .build();
    }
}

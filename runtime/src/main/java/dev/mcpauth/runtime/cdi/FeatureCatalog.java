package dev.mcpauth.runtime.cdi;

import dev.mcpauth.CompletePrompt;
import dev.mcpauth.CompleteResourceTemplate;
import dev.mcpauth.McpResource;
import dev.mcpauth.McpResourceTemplate;
import dev.mcpauth.Prompt;
import dev.mcpauth.Tool;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.completion.CompletionDefinition;
import dev.mcpauth.runtime.completion.CompletionScanner;
import dev.mcpauth.runtime.features.ScanResult;
import dev.mcpauth.runtime.messages.Message;
import dev.mcpauth.runtime.prompts.PromptDefinition;
import dev.mcpauth.runtime.prompts.PromptScanner;
import dev.mcpauth.runtime.resources.ResourceDefinition;
import dev.mcpauth.runtime.resources.ResourceScanner;
import dev.mcpauth.runtime.tools.ToolDefinition;
import dev.mcpauth.runtime.tools.ToolScanner;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything the deployment serves — tools, resources and templates, prompts, completions — collected method by
 * method while CDI discovers beans, then checked across beans once all are known (unique names and URIs,
 * completions that complete something that exists).
 */
final class FeatureCatalog {

    /** The annotations that make a bean method an MCP feature. */
    static final List<Class<? extends Annotation>> FEATURE_ANNOTATIONS = List.of(
            Tool.class,
            McpResource.class,
            McpResourceTemplate.class,
            Prompt.class,
            CompletePrompt.class,
            CompleteResourceTemplate.class);

    private final List<ToolDefinition> tools = new ArrayList<>();
    private final List<ResourceDefinition> resources = new ArrayList<>();
    private final List<PromptDefinition> prompts = new ArrayList<>();
    private final List<CompletionDefinition> completions = new ArrayList<>();

    /** Whether {@code element} carries a feature annotation. */
    static boolean isFeature(AnnotatedElement element) {
        return FEATURE_ANNOTATIONS.stream().anyMatch(element::isAnnotationPresent);
    }

    /**
     * Scans one feature method and keeps its definition.
     *
     * @param method a method with a feature annotation
     * @param bean the bean it is called on
     * @param access its access requirement
     * @return the problems that prevent a definition; empty when it was kept
     */
    List<String> scan(Method method, Bean<?> bean, AccessRequirement access) {
        if (method.isAnnotationPresent(Tool.class)) {
            ScanResult<ToolDefinition> outcome = ToolScanner.scan(method, bean, access);
            add(tools, outcome.definition());
            return outcome.problems();
        }
        if (method.isAnnotationPresent(McpResource.class) || method.isAnnotationPresent(McpResourceTemplate.class)) {
            ScanResult<ResourceDefinition> outcome = ResourceScanner.scan(method, bean, access);
            add(resources, outcome.definition());
            return outcome.problems();
        }
        if (method.isAnnotationPresent(Prompt.class)) {
            ScanResult<PromptDefinition> outcome = PromptScanner.scan(method, bean, access);
            add(prompts, outcome.definition());
            return outcome.problems();
        }
        ScanResult<CompletionDefinition> outcome = CompletionScanner.scan(method, bean, access);
        add(completions, outcome.definition());
        return outcome.problems();
    }

    private static <T> void add(List<T> list, T definition) {
        if (definition != null) {
            list.add(definition);
        }
    }

    /** The problems between beans: duplicate names and URIs, completions of nothing, two completions of one thing. */
    List<String> crossCheck() {
        List<String> problems = new ArrayList<>();
        duplicates(
                tools,
                ToolDefinition::name,
                ToolDefinition::name,
                tool -> tool.method().where(),
                (name, a, b) -> Message.TOOL_NAME_DUPLICATE.format(name, a, b),
                problems);
        // templates that differ only in variable names match the same URIs: the same template
        duplicates(
                resources,
                resource -> resource.isTemplate() ? resource.template().shape() : resource.key(),
                ResourceDefinition::key,
                resource -> resource.method().where(),
                (key, a, b) -> Message.RESOURCE_DUPLICATE.format(key, a, b),
                problems);
        duplicates(
                prompts,
                PromptDefinition::name,
                PromptDefinition::name,
                prompt -> prompt.method().where(),
                (name, a, b) -> Message.PROMPT_NAME_DUPLICATE.format(name, a, b),
                problems);
        duplicates(
                completions,
                CompletionDefinition::label,
                CompletionDefinition::label,
                completion -> completion.method().where(),
                (label, a, b) -> Message.COMPLETION_DUPLICATE.format(label, a, b),
                problems);
        for (CompletionDefinition completion : completions) {
            boolean exists = completion.kind() == CompletionDefinition.Kind.PROMPT
                    ? prompts.stream()
                            .anyMatch(p -> p.name().equals(completion.ref())
                                    && p.argumentNames().contains(completion.argument()))
                    : resources.stream()
                            .anyMatch(r -> r.isTemplate()
                                    && r.key().equals(completion.ref())
                                    && r.template().variables().contains(completion.argument()));
            if (!exists) {
                problems.add(Message.COMPLETION_TARGET_UNKNOWN.format(
                        completion.method().where(), completion.label()));
            }
        }
        return problems;
    }

    /** A message for two definitions that share a key. */
    private interface Duplicate {
        String message(String key, String first, String second);
    }

    /**
     * Reports each definition whose key an earlier one has.
     *
     * @param key what must be unique
     * @param shown how the message names what they share
     */
    private static <T> void duplicates(
            List<T> definitions,
            java.util.function.Function<T, String> key,
            java.util.function.Function<T, String> shown,
            java.util.function.Function<T, String> where,
            Duplicate message,
            List<String> problems) {
        Map<String, T> seen = new LinkedHashMap<>();
        for (T definition : definitions) {
            T other = seen.putIfAbsent(key.apply(definition), definition);
            if (other != null) {
                // CDI does not order a bean's methods: name the two in a stable order, and what they share as the first
                // does
                boolean otherFirst = where.apply(other).compareTo(where.apply(definition)) <= 0;
                T first = otherFirst ? other : definition;
                T second = otherFirst ? definition : other;
                problems.add(message.message(shown.apply(first), where.apply(first), where.apply(second)));
            }
        }
    }

    /** The beans that serve anything, each once. */
    List<Bean<?>> beans() {
        return Stream.<Stream<Bean<?>>>of(
                        tools.stream().map(tool -> tool.method().bean()),
                        resources.stream().map(r -> r.method().bean()),
                        prompts.stream().map(p -> p.method().bean()),
                        completions.stream().map(c -> c.method().bean()))
                .flatMap(beans -> beans)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    /** The access requirement of every item a client can discover or use: what the metadata's scopes are made of. */
    List<AccessRequirement> requirements() {
        return Stream.of(
                        tools.stream().map(tool -> tool.method().access()),
                        resources.stream().map(r -> r.method().access()),
                        prompts.stream().map(p -> p.method().access()),
                        completions.stream().map(c -> c.method().access()))
                .flatMap(access -> access)
                .toList();
    }

    List<ToolDefinition> tools() {
        return Collections.unmodifiableList(tools);
    }

    List<ResourceDefinition> resources() {
        return Collections.unmodifiableList(resources);
    }

    List<PromptDefinition> prompts() {
        return Collections.unmodifiableList(prompts);
    }

    List<CompletionDefinition> completions() {
        return Collections.unmodifiableList(completions);
    }
}

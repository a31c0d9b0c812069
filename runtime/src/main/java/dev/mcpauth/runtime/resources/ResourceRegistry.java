package dev.mcpauth.runtime.resources;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment's resources and templates in a stable order (by URI, by template text), so every instance of
 * a load-balanced deployment pages the same way, and the lookup of a URI: a fixed resource first, else the
 * first template that matches.
 */
public final class ResourceRegistry {

    private final List<ResourceDefinition> resources;
    private final List<ResourceDefinition> templates;

    /**
     * The registry of these definitions.
     *
     * @param definitions every resource and template found at deployment, duplicates already refused
     */
    public ResourceRegistry(List<ResourceDefinition> definitions) {
        this.resources = definitions.stream()
                .filter(d -> !d.isTemplate())
                .sorted(Comparator.comparing(ResourceDefinition::key))
                .toList();
        this.templates = definitions.stream()
                .filter(ResourceDefinition::isTemplate)
                .sorted(Comparator.comparing(ResourceDefinition::key))
                .toList();
    }

    /** The resources with fixed URIs, by URI. */
    public List<ResourceDefinition> resources() {
        return resources;
    }

    /** The templates, by template text. */
    public List<ResourceDefinition> templates() {
        return templates;
    }

    /** Whether the deployment has any resource or template (the {@code resources} capability). */
    public boolean isEmpty() {
        return resources.isEmpty() && templates.isEmpty();
    }

    /** A URI matched to its definition, with the template's variables. */
    public record Match(ResourceDefinition definition, Map<String, String> variables) {}

    /**
     * What serves {@code uri}.
     *
     * @param uri the URI of {@code resources/read}
     * @return the definition and variables, or empty when nothing does
     */
    public Optional<Match> find(String uri) {
        for (ResourceDefinition resource : resources) {
            if (resource.uri().equals(uri)) {
                return Optional.of(new Match(resource, Map.of()));
            }
        }
        for (ResourceDefinition template : templates) {
            Optional<Map<String, String>> variables = template.template().match(uri);
            if (variables.isPresent()) {
                return Optional.of(new Match(template, variables.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The template with this text, for completions.
     *
     * @param text the template text
     * @return the template, or empty
     */
    public Optional<ResourceDefinition> template(String text) {
        return templates.stream()
                .filter(template -> template.key().equals(text))
                .findFirst();
    }
}

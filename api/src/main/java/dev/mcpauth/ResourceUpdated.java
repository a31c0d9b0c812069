package dev.mcpauth;

import java.util.Objects;

/**
 * A CDI event that says a resource changed, so that its subscribers hear it (MCP, Resources, Subscriptions):
 * {@code notifications/resources/updated} reaches every 2025-era session that subscribed to the URI and every
 * 2026-07-28 {@code subscriptions/listen} stream that names it, on whichever instance of the deployment the client
 * is connected, and only if the subscriber's caller may still read the resource.
 *
 * <pre>{@code
 * @Inject Event<ResourceUpdated> resourceUpdated;
 *
 * void recordDraft(Ticket ticket) {
 *     ...
 *     resourceUpdated.fire(new ResourceUpdated("tickets://" + ticket.id()));
 * }
 * }</pre>
 *
 * <p>The notification carries only the URI; subscribers read the resource again to see what changed.
 *
 * @param uri the URI of the resource that changed, as clients read it
 */
public record ResourceUpdated(String uri) {

    /**
     * Checks the URI.
     *
     * @param uri the URI of the resource that changed, not null
     */
    public ResourceUpdated {
        Objects.requireNonNull(uri, "uri");
    }
}

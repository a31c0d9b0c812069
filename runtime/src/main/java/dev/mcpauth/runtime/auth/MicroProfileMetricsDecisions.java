package dev.mcpauth.runtime.auth;

import dev.mcpauth.runtime.messages.Message;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Decision counters in the application's MicroProfile Metrics registry: {@value #NAME} with the tags
 * {@code decision} and {@code reason} (on Liberty: {@code mcp_auth_decisions_total} at {@code /metrics}).
 * The extension makes it a bean only when the server offers MicroProfile Metrics; otherwise this class is
 * never loaded.
 */
@ApplicationScoped
public class MicroProfileMetricsDecisions implements DecisionMetrics {

    static final String NAME = "mcp.auth.decisions";

    private static final Logger LOG = Logger.getLogger(MicroProfileMetricsDecisions.class.getName());

    // an injection point, not a programmatic lookup: servers' registry producers read it to pick the scope
    @Inject
    Instance<MetricRegistry> registries;

    private final Map<AuditLog.Reason, Counter> counters = new EnumMap<>(AuditLog.Reason.class);

    @PostConstruct
    void register() {
        if (!registries.isResolvable()) {
            return; // the API without a registry: count nothing
        }
        MetricRegistry registry = registries.get();
        Metadata metadata = Metadata.builder()
                .withName(NAME)
                .withDescription("MCP authorization decisions by outcome (decision) and reason")
                .build();
        for (AuditLog.Reason reason : AuditLog.Reason.values()) {
            String decision = reason == AuditLog.Reason.OK ? "allow" : "deny";
            counters.put(
                    reason,
                    registry.counter(
                            metadata,
                            new Tag("decision", decision),
                            new Tag("reason", reason.name().toLowerCase(Locale.ROOT))));
        }
        LOG.info(Message.METRICS_ENABLED.format(NAME));
    }

    @Override
    public void record(String decision, AuditLog.Reason reason) {
        Counter counter = counters.get(reason);
        if (counter != null) {
            counter.inc();
        }
    }
}

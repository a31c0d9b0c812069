package dev.mcpauth.runtime.telemetry;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.DecisionTrace;
import dev.mcpauth.runtime.transport.RequestTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Locale;

/**
 * MCP requests as OpenTelemetry spans, through the server's MicroProfile Telemetry: one server span per request, named
 * {@code <method> <target>} ({@code tools/call search_tickets}) with the attributes of the OpenTelemetry MCP
 * conventions ({@code mcp.method.name}, {@code mcp.protocol.version}, {@code jsonrpc.request.id},
 * {@code gen_ai.tool.name}, {@code gen_ai.prompt.name}, {@code mcp.resource.uri}) and the authorization decision
 * ({@code mcp.auth.decision}, {@code mcp.auth.reason}, {@code mcp.auth.missing_scopes}, {@code mcp.auth.client_id}).
 * Never a token, a subject or an argument. The parent is the client's span: from {@code _meta} when the request carries
 * trace context there (2026-07-28), then linked to the server's HTTP span; else the HTTP span, which continues the
 * {@code traceparent} header. Off (no-op spans) until the operator turns MicroProfile Telemetry on
 * ({@code otel.sdk.disabled=false}).
 */
@ApplicationScoped
public class OpenTelemetryTracing implements RequestTracing, DecisionTrace {

    /** The instrumentation scope the spans are reported under. */
    static final String SCOPE = "dev.mcpauth.runtime";

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("mcp.method.name");
    private static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("mcp.protocol.version");
    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("jsonrpc.request.id");
    private static final AttributeKey<String> DECISION = AttributeKey.stringKey("mcp.auth.decision");
    private static final AttributeKey<String> REASON = AttributeKey.stringKey("mcp.auth.reason");
    private static final AttributeKey<String> CLIENT_ID = AttributeKey.stringKey("mcp.auth.client_id");
    private static final AttributeKey<List<String>> MISSING_SCOPES =
            AttributeKey.stringArrayKey("mcp.auth.missing_scopes");

    /** Reads trace context (traceparent, tracestate, baggage) from the root keys of a request's {@code _meta}. */
    private static final TextMapGetter<JsonObject> META = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(JsonObject meta) {
            return meta.keySet();
        }

        @Override
        public String get(JsonObject meta, String key) {
            return meta != null && meta.get(key) instanceof JsonString value ? value.getString() : null;
        }
    };

    private Tracer tracer;
    private TextMapPropagator propagator;
    /** False while MicroProfile Telemetry is off (its no-op provider): then a request costs no span work at all. */
    private boolean enabled;

    /** For the CDI proxy only. */
    protected OpenTelemetryTracing() {}

    /**
     * Traces with the server's OpenTelemetry, or with none (no-op) when the application has the API but no
     * MicroProfile Telemetry.
     *
     * @param openTelemetry the server's instance
     */
    @Inject
    public OpenTelemetryTracing(Instance<OpenTelemetry> openTelemetry) {
        OpenTelemetry telemetry = openTelemetry.isResolvable() ? openTelemetry.get() : OpenTelemetry.noop();
        this.tracer = telemetry.getTracer(SCOPE);
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
        this.enabled = telemetry.getTracerProvider() != TracerProvider.noop();
    }

    @Override
    public Traced start(AuditLog.Request request, JsonValue id, JsonObject meta) {
        if (!enabled) {
            return Traced.NONE;
        }
        Context parent = Context.current();
        SpanContext httpSpan = Span.current().getSpanContext();
        boolean fromMeta = false;
        if (meta != null && meta.get("traceparent") instanceof JsonString) {
            Context carried = propagator.extract(Context.root(), meta, META);
            if (Span.fromContext(carried).getSpanContext().isValid()) {
                parent = carried;
                fromMeta = true;
            }
        }
        String name = request.target() == null ? request.method() : request.method() + " " + request.target();
        SpanBuilder builder = tracer.spanBuilder(name)
                .setSpanKind(SpanKind.SERVER)
                .setParent(parent)
                .setAttribute(METHOD, request.method());
        if (request.protocolVersion() != null) {
            builder.setAttribute(PROTOCOL_VERSION, request.protocolVersion());
        }
        if (id instanceof JsonString text) {
            builder.setAttribute(REQUEST_ID, text.getString());
        } else if (id instanceof JsonNumber number) {
            builder.setAttribute(REQUEST_ID, number.toString());
        }
        String targetAttribute = targetAttribute(request.targetField());
        if (targetAttribute != null && request.target() != null) {
            builder.setAttribute(targetAttribute, request.target());
        }
        if (fromMeta && httpSpan.isValid()) {
            // the request's own HTTP span stays in its trace; the link lets a reader go from one to the other
            builder.addLink(httpSpan);
        }
        Span span = builder.startSpan();
        return new OpenSpan(span, span.makeCurrent());
    }

    /** The attribute the target goes in, by the audit log's name for it. */
    private static String targetAttribute(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "tool" -> "gen_ai.tool.name";
            case "prompt" -> "gen_ai.prompt.name";
            case "resource" -> "mcp.resource.uri";
            default -> null;
        };
    }

    @Override
    public void decided(
            String decision, int status, AuditLog.Reason reason, McpCaller caller, List<String> missingScopes) {
        Span span = Span.current();
        if (!span.isRecording()) {
            return;
        }
        span.setAttribute(DECISION, decision);
        span.setAttribute(REASON, reason.name().toLowerCase(Locale.ROOT));
        if (caller != null && caller.clientId() != null) {
            span.setAttribute(CLIENT_ID, caller.clientId());
        }
        if (!missingScopes.isEmpty()) {
            span.setAttribute(MISSING_SCOPES, List.copyOf(missingScopes));
        }
    }

    /** A started span, current on the request's thread until closed. */
    private static final class OpenSpan implements Traced {
        private final Span span;
        private final Scope scope;
        private boolean carried;

        OpenSpan(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        @Override
        public StreamingOutput carry(StreamingOutput stream) {
            carried = true;
            return out -> {
                try (Scope ignored = span.makeCurrent()) {
                    stream.write(out);
                } finally {
                    span.end();
                }
            };
        }

        @Override
        public void close() {
            scope.close();
            if (!carried) {
                span.end();
            }
        }
    }
}

package dev.mcpauth.runtime.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.transport.RequestTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.inject.Instance;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The span of each MCP request, recorded by the OpenTelemetry SDK in memory. */
class OpenTelemetryTracingTest {

    private static final String CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CLIENT_SPAN = "b7ad6b7169203331";

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    ended.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            }))
            .build();
    private final OpenTelemetry telemetry = new OpenTelemetry() {
        @Override
        public io.opentelemetry.api.trace.TracerProvider getTracerProvider() {
            return provider;
        }

        @Override
        public ContextPropagators getPropagators() {
            return ContextPropagators.create(W3CTraceContextPropagator.getInstance());
        }
    };
    private final OpenTelemetryTracing tracing = new OpenTelemetryTracing(instance(telemetry));

    @AfterEach
    void close() {
        provider.close();
    }

    private static final AuditLog.Request SEARCH =
            new AuditLog.Request("tools/call", "tool", "search_tickets", "2026-07-28", "client", "1");

    @Test
    void aRequestIsAServerSpanNamedByMethodAndTargetThatContinuesTheTraceInMeta() {
        JsonObject meta = Json.createObjectBuilder()
                .add("traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01")
                .add("tracestate", "congo=t61rcWkgMzE")
                .build();
        Span http = provider.get("http").spanBuilder("POST /mcp").startSpan();
        try (Scope ignored = http.makeCurrent();
                RequestTracing.Traced traced = tracing.start(SEARCH, Json.createValue(7), meta)) {
            assertEquals(CLIENT_TRACE, Span.current().getSpanContext().getTraceId());
        }
        http.end();

        SpanData span = only("tools/call search_tickets");
        assertEquals(SpanKind.SERVER, span.getKind());
        assertEquals(CLIENT_TRACE, span.getTraceId());
        assertEquals(CLIENT_SPAN, span.getParentSpanId());
        assertEquals("t61rcWkgMzE", span.getSpanContext().getTraceState().get("congo"));
        assertEquals(http.getSpanContext(), span.getLinks().get(0).getSpanContext());
        assertEquals("tools/call", span.getAttributes().get(AttributeKey.stringKey("mcp.method.name")));
        assertEquals("search_tickets", span.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name")));
        assertEquals("2026-07-28", span.getAttributes().get(AttributeKey.stringKey("mcp.protocol.version")));
        assertEquals("7", span.getAttributes().get(AttributeKey.stringKey("jsonrpc.request.id")));
    }

    @Test
    void withoutTraceContextInMetaTheSpanIsAChildOfTheHttpSpan() {
        Span http = provider.get("http").spanBuilder("POST /mcp").startSpan();
        try (Scope ignored = http.makeCurrent();
                RequestTracing.Traced traced = tracing.start(SEARCH, Json.createValue("a"), null)) {
            // nothing
        }
        http.end();
        SpanData span = only("tools/call search_tickets");
        assertEquals(http.getSpanContext().getTraceId(), span.getTraceId());
        assertEquals(http.getSpanContext().getSpanId(), span.getParentSpanId());
        assertTrue(span.getLinks().isEmpty());
    }

    @Test
    void theDecisionGoesOnTheSpanButNeverTheSubject() {
        McpCaller bob = new McpCaller("bob-subject", "inspector", Set.of("tickets:read"), Map.of(), "https://issuer");
        try (RequestTracing.Traced traced = tracing.start(SEARCH, Json.createValue(1), null)) {
            tracing.decided("deny", 403, AuditLog.Reason.INSUFFICIENT_SCOPE, bob, List.of("tickets:write"));
        }
        SpanData span = only("tools/call search_tickets");
        assertEquals("deny", span.getAttributes().get(AttributeKey.stringKey("mcp.auth.decision")));
        assertEquals("insufficient_scope", span.getAttributes().get(AttributeKey.stringKey("mcp.auth.reason")));
        assertEquals("inspector", span.getAttributes().get(AttributeKey.stringKey("mcp.auth.client_id")));
        assertEquals(
                List.of("tickets:write"),
                span.getAttributes().get(AttributeKey.stringArrayKey("mcp.auth.missing_scopes")));
        assertFalse(
                span.getAttributes().toString().contains("bob-subject"),
                span.getAttributes().toString());
    }

    @Test
    void aStreamedAnswerCarriesTheSpanUntilItIsWritten() throws Exception {
        RequestTracing.Traced traced = tracing.start(SEARCH, Json.createValue(1), null);
        String[] traceInStream = new String[1];
        var stream = traced.carry(
                out -> traceInStream[0] = Span.current().getSpanContext().getSpanId());
        traced.close();
        assertTrue(ended.isEmpty(), "ended before the stream was written");
        stream.write(new ByteArrayOutputStream());
        SpanData span = only("tools/call search_tickets");
        assertEquals(span.getSpanId(), traceInStream[0]);
    }

    @Test
    void aMalformedTraceparentInMetaIsIgnored() {
        JsonObject meta =
                Json.createObjectBuilder().add("traceparent", "garbage").build();
        try (RequestTracing.Traced traced = tracing.start(SEARCH, Json.createValue(1), meta)) {
            // nothing
        }
        SpanData span = only("tools/call search_tickets");
        assertFalse(span.getParentSpanContext().isValid(), "a root span, not a child of garbage");
    }

    @Test
    void whileTelemetryIsOffARequestStartsNoSpanWork() {
        OpenTelemetryTracing off = new OpenTelemetryTracing(instance(OpenTelemetry.noop()));
        assertTrue(off.start(SEARCH, Json.createValue(1), null) == RequestTracing.Traced.NONE);
    }

    private SpanData only(String name) {
        List<SpanData> named =
                ended.stream().filter(s -> s.getName().equals(name)).toList();
        assertEquals(1, named.size(), "spans: " + ended);
        return named.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Instance<OpenTelemetry> instance(OpenTelemetry telemetry) {
        return (Instance<OpenTelemetry>) Proxy.newProxyInstance(
                OpenTelemetryTracingTest.class.getClassLoader(),
                new Class<?>[] {Instance.class},
                (p, m, a) -> switch (m.getName()) {
                    case "isResolvable" -> true;
                    case "get" -> telemetry;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}

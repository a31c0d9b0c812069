package dev.mcpauth.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver on loopback for the tracing tests: the server's real OpenTelemetry exporter sends its
 * spans here ({@code POST /v1/traces}, protobuf), and the test reads them back. It decodes just the fields the tests
 * look at (trace and span ids, parent, name, string attributes, the resource's {@code service.name} and the scope's
 * name) straight from the protobuf wire format, so the tests need no protobuf library.
 */
public final class OtlpReceiver implements AutoCloseable {

    /**
     * One span as exported.
     *
     * @param traceId the trace id, hex
     * @param spanId the span id, hex
     * @param parentSpanId the parent's span id, hex, empty for a root
     * @param name the span's name
     * @param scope the instrumentation scope's name
     * @param attributes the string-valued attributes (others as their text)
     */
    public record ExportedSpan(
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            String scope,
            Map<String, String> attributes) {}

    private final HttpServer server;
    private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();

    /**
     * Listens on {@code 127.0.0.1:port}.
     *
     * @param port the port, such as 4318 (OTLP/HTTP's)
     * @throws IOException when the port is taken
     */
    public OtlpReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/v1/traces", this::traces);
        server.createContext("/", exchange -> {
            // metrics and logs, if an exporter sends them: accepted and dropped
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** Every span received so far. */
    public List<ExportedSpan> spans() {
        return List.copyOf(spans);
    }

    /**
     * Waits for a span that matches.
     *
     * @param what the condition
     * @param timeout how long to wait (the exporter sends in batches)
     * @return the first span that matches
     * @throws AssertionError when none arrives in time, listing what did
     */
    public ExportedSpan await(Predicate<ExportedSpan> what, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            for (ExportedSpan span : spans) {
                if (what.test(span)) {
                    return span;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such span within " + timeout + "; received: " + spans);
    }

    private void traces(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        try {
            spans.addAll(exportRequest(body));
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        // an empty ExportTraceServiceResponse: full success
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, 0);
        exchange.close();
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private static List<ExportedSpan> exportRequest(byte[] bytes) {
        List<ExportedSpan> found = new ArrayList<>();
        for (Field field : fields(bytes)) {
            if (field.number == 1) {
                resourceSpans(field.bytes, found);
            }
        }
        return found;
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    private static void resourceSpans(byte[] bytes, List<ExportedSpan> found) {
        String service = null;
        List<byte[]> scopes = new ArrayList<>();
        for (Field field : fields(bytes)) {
            if (field.number == 1) {
                // Resource { repeated KeyValue attributes = 1; }
                Map<String, String> resource = new LinkedHashMap<>();
                for (Field attribute : fields(field.bytes)) {
                    if (attribute.number == 1) {
                        keyValue(attribute.bytes, resource);
                    }
                }
                service = resource.get("service.name");
            } else if (field.number == 2) {
                scopes.add(field.bytes);
            }
        }
        for (byte[] scope : scopes) {
            scopeSpans(scope, service, found);
        }
    }

    // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
    private static void scopeSpans(byte[] bytes, String service, List<ExportedSpan> found) {
        String scopeName = "";
        List<byte[]> spans = new ArrayList<>();
        for (Field field : fields(bytes)) {
            if (field.number == 1) {
                for (Field scopeField : fields(field.bytes)) {
                    if (scopeField.number == 1) {
                        scopeName = new String(scopeField.bytes, StandardCharsets.UTF_8);
                    }
                }
            } else if (field.number == 2) {
                spans.add(field.bytes);
            }
        }
        for (byte[] span : spans) {
            found.add(span(span, scopeName, service));
        }
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; repeated KeyValue
    // attributes = 9; }
    private static ExportedSpan span(byte[] bytes, String scope, String service) {
        HexFormat hex = HexFormat.of();
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        Map<String, String> attributes = new LinkedHashMap<>();
        if (service != null) {
            attributes.put("service.name", service);
        }
        for (Field field : fields(bytes)) {
            switch (field.number) {
                case 1 -> traceId = hex.formatHex(field.bytes);
                case 2 -> spanId = hex.formatHex(field.bytes);
                case 4 -> parent = hex.formatHex(field.bytes);
                case 5 -> name = new String(field.bytes, StandardCharsets.UTF_8);
                case 9 -> keyValue(field.bytes, attributes);
                default -> {}
            }
        }
        return new ExportedSpan(traceId, spanId, parent, name, scope, attributes);
    }

    // KeyValue { string key = 1; AnyValue value = 2; } AnyValue { string string_value = 1; bool = 2; int64 = 3; ... }
    private static void keyValue(byte[] bytes, Map<String, String> into) {
        String key = null;
        String value = null;
        for (Field field : fields(bytes)) {
            if (field.number == 1) {
                key = new String(field.bytes, StandardCharsets.UTF_8);
            } else if (field.number == 2) {
                for (Field any : fields(field.bytes)) {
                    value = switch (any.number) {
                        case 1 -> new String(any.bytes, StandardCharsets.UTF_8);
                        case 2, 3 -> Long.toString(any.varint);
                        default -> "<" + any.number + ">";
                    };
                }
            }
        }
        if (key != null) {
            into.put(key, value);
        }
    }

    /** One protobuf field: its number, and its value as bytes (length-delimited) or a number (varint, fixed). */
    private record Field(int number, byte[] bytes, long varint) {}

    private static List<Field> fields(byte[] bytes) {
        List<Field> fields = new ArrayList<>();
        int[] at = {0};
        while (at[0] < bytes.length) {
            long tag = varint(bytes, at);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> fields.add(new Field(number, null, varint(bytes, at)));
                case 1 -> {
                    fields.add(new Field(number, null, 0));
                    at[0] += 8;
                }
                case 2 -> {
                    int length = (int) varint(bytes, at);
                    byte[] value = java.util.Arrays.copyOfRange(bytes, at[0], at[0] + length);
                    at[0] += length;
                    fields.add(new Field(number, value, 0));
                }
                case 5 -> {
                    fields.add(new Field(number, null, 0));
                    at[0] += 4;
                }
                default -> throw new IllegalArgumentException("wire type " + (tag & 7));
            }
        }
        return fields;
    }

    private static long varint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

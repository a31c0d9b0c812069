package dev.mcpauth.runtime.transport;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpProgress;
import dev.mcpauth.runtime.auth.AccessDeniedException;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.InsufficientScopeException;
import dev.mcpauth.runtime.auth.NotAuthenticatedException;
import dev.mcpauth.runtime.features.MessageSink;
import dev.mcpauth.runtime.features.ProgressStream;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.JsonRpcMessages;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.messages.Message;
import dev.mcpauth.runtime.protocol.McpDispatcher;
import dev.mcpauth.runtime.protocol.McpMethod;
import dev.mcpauth.runtime.protocol.McpRequest;
import dev.mcpauth.runtime.protocol.RequestMetadata;
import dev.mcpauth.runtime.protocol.SubscriptionsHandler;
import dev.mcpauth.runtime.session.ClientRequests;
import dev.mcpauth.runtime.session.Notifications;
import dev.mcpauth.runtime.session.Session;
import dev.mcpauth.runtime.session.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MCP endpoint: Streamable HTTP (MCP 2025-11-25 and 2026-07-28, Transports). Each POST carries one JSON-RPC
 * message and gets one JSON response, or a stream of progress, log messages and questions to the client that ends
 * with the response. A request without {@code Mcp-Session-Id} is served statelessly, so any instance behind a load
 * balancer answers it. A 2025-era client gets a session from {@code initialize} (kept on the shared state, so any
 * instance serves it too): its {@code GET} stream hears the resources it subscribed to, {@code DELETE} ends it, and
 * its tools may ask it questions on the call's stream. A 2026-07-28 client listens with {@code subscriptions/listen}.
 */
@ApplicationScoped
@Path("")
public class McpEndpoint {

    private static final Logger LOG = Logger.getLogger(McpEndpoint.class.getName());

    /** The media type of a streamed answer (Server-Sent Events). */
    static final MediaType EVENT_STREAM = MediaType.valueOf("text/event-stream");

    /** The header that names a 2025-era session (MCP 2025-11-25, Transports, Session Management). */
    static final String SESSION_ID = "Mcp-Session-Id";

    /** How often an idle notification stream sends a comment, so a client that left is noticed. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

    // field injection with the implicit public constructor: the one form that both Jakarta REST (which picks a
    // constructor by its own rules before CDI is asked) and CDI accept
    @Inject
    McpRuntime runtime;

    /**
     * Handles one JSON-RPC message.
     *
     * @param headers the request headers
     * @param body the request body
     * @return the JSON-RPC response, 202 for notifications, or a transport error
     */
    @POST
    public Response post(@Context HttpHeaders headers, InputStream body) {
        try {
            if (runtime == null) {
                // made with new by an application's own Jakarta REST application: no runtime, no filters
                throw unfiltered();
            }
            List<MediaType> accepted = headers.getAcceptableMediaTypes(); // parsed once: it is asked twice
            checkHeaders(headers.getMediaType(), accepted);
            JsonValue message = parse(readLimited(body));
            boolean acceptsStream = accepted.stream().anyMatch(type -> type.isCompatible(EVENT_STREAM));
            // the header map is read once: each call on the injected HttpHeaders goes through the container's proxy
            MultivaluedMap<String, String> requestHeaders = headers.getRequestHeaders();
            return handle(message, metadata(requestHeaders), acceptsStream, requestHeaders.getFirst(SESSION_ID));
        } catch (TransportError e) {
            return e.toResponse();
        }
    }

    /**
     * Opens a 2025-era session's stream of notifications (Transports, Listening for Messages from the Server): the
     * resources it subscribed to. Without a session there is nothing to listen to.
     *
     * @param headers the request headers
     * @return the stream; 405 without a session, 404 for an unknown one
     */
    @GET
    public Response get(@Context HttpHeaders headers) {
        String sessionId = headers.getHeaderString(SESSION_ID);
        if (sessionId == null || runtime == null || !runtime.sessions().enabled()) {
            boolean sessions = runtime != null && runtime.sessions().enabled();
            return Response.status(Response.Status.METHOD_NOT_ALLOWED)
                    .allow(sessions ? new String[] {"POST", "GET", "DELETE"} : new String[] {"POST"})
                    .build();
        }
        try {
            if (headers.getAcceptableMediaTypes().stream().noneMatch(type -> type.isCompatible(EVENT_STREAM))) {
                throw new TransportError(
                        406, JsonRpcError.INVALID_REQUEST, "Not Acceptable: the client must accept text/event-stream");
            }
            AuditLog.Request audit = AuditLog.Request.unread(headers.getHeaderString("MCP-Protocol-Version"));
            McpCaller caller = verifiedCaller(audit);
            Session session = session(sessionId, caller, audit);
            NotificationStream stream = new NotificationStream(
                    KEEP_ALIVE, () -> runtime.sessions().read(sessionId).isPresent());
            return hold(
                    stream,
                    new Notifications.Listener(
                            session.owner(), sessionId, null, Set.of(), Set.of(), stream, () -> stream.end(null)));
        } catch (TransportError e) {
            return e.toResponse();
        } catch (Refusal refusal) {
            return refusal.response;
        }
    }

    /**
     * Ends a 2025-era session (Transports, Session Management).
     *
     * @param headers the request headers
     * @return 204; 405 without a session, 404 for an unknown one
     */
    @DELETE
    public Response delete(@Context HttpHeaders headers) {
        String sessionId = headers.getHeaderString(SESSION_ID);
        if (sessionId == null || runtime == null || !runtime.sessions().enabled()) {
            return Response.status(Response.Status.METHOD_NOT_ALLOWED)
                    .allow("POST")
                    .build();
        }
        try {
            AuditLog.Request audit = AuditLog.Request.unread(headers.getHeaderString("MCP-Protocol-Version"));
            runtime.sessions().end(session(sessionId, verifiedCaller(audit), audit));
            runtime.notifications().sessionEnded(sessionId);
            return Response.noContent().build();
        } catch (TransportError e) {
            return e.toResponse();
        } catch (Refusal refusal) {
            return refusal.response;
        }
    }

    /** A refusal already answered (401, or 500 for an endpoint without its filters), to unwind with. */
    private static final class Refusal extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient Response response;

        Refusal(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    /**
     * The caller the authentication filter verified. None means this endpoint was published without its filters
     * (an application's own Application scanning our classes, say): with authentication on that is a refusal,
     * never an anonymous call; with it off, the origin check did not run either, and a local server would be open
     * to DNS rebinding.
     */
    private McpCaller verifiedCaller(AuditLog.Request audit) {
        if (runtime == null) {
            throw unfiltered();
        }
        McpCaller caller = runtime.callerHolder().caller();
        if (caller != null) {
            return caller;
        }
        throw runtime.protectedResource()
                .map(resource -> {
                    runtime.auditLog()
                            .denied(
                                    401,
                                    AuditLog.Reason.NOT_AUTHENTICATED,
                                    null,
                                    audit,
                                    List.of(),
                                    "no verified caller reached the MCP endpoint");
                    return new Refusal(AuthResponses.unauthorized(resource, null));
                })
                .orElseThrow(McpEndpoint::unfiltered);
    }

    /**
     * The caller's session with this id: an unknown id and another caller's answer alike, 404 (the client then
     * starts a new session), and another caller's is audited.
     */
    private Session session(String sessionId, McpCaller caller, AuditLog.Request audit) {
        Sessions.Lookup lookup = runtime.sessions()
                .find(sessionId, caller, runtime.callerHolder().roles());
        if (lookup.foreign()) {
            runtime.auditLog()
                    .denied(
                            404,
                            AuditLog.Reason.FOREIGN_SESSION,
                            caller,
                            audit,
                            List.of(),
                            "another caller's session id");
        }
        return lookup.found()
                .orElseThrow(() -> new TransportError(404, JsonRpcError.INVALID_REQUEST, "Session not found"));
    }

    /** Holds a notification stream open until the client leaves, its session ends or the application stops. */
    private Response hold(NotificationStream stream, Notifications.Listener listener) {
        return hold(stream, listener, () -> () -> {});
    }

    /**
     * Holds a notification stream open; {@code alsoHear} registers whatever else it hears (the status of tasks) once
     * the stream is admitted, and what it returns is closed with the stream.
     */
    private Response hold(
            NotificationStream stream, Notifications.Listener listener, Supplier<AutoCloseable> alsoHear) {
        AutoCloseable registration;
        try {
            registration = runtime.notifications().open(listener);
        } catch (Notifications.TooManyStreams e) {
            throw new TransportError(429, JsonRpcError.INVALID_REQUEST, e.getMessage());
        }
        AutoCloseable also = alsoHear.get();
        runtime.streams().add(listener.end());
        StreamingOutput output = out -> {
            try {
                stream.write(out);
            } finally {
                runtime.streams().remove(listener.end());
                try {
                    registration.close();
                    also.close();
                } catch (Exception e) {
                    // removing a listener from a map does not fail
                }
            }
        };
        return Response.ok(output, EVENT_STREAM)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    private static TransportError unfiltered() {
        LOG.warning(Message.ENDPOINT_UNFILTERED.format());
        return new TransportError(
                500,
                JsonRpcError.INTERNAL_ERROR,
                "The MCP endpoint is published without its filters; see the server log");
    }

    private static void checkHeaders(MediaType contentType, List<MediaType> accepted) {
        if (contentType == null
                || !"application".equalsIgnoreCase(contentType.getType())
                || !"json".equalsIgnoreCase(contentType.getSubtype())) {
            throw new TransportError(415, JsonRpcError.INVALID_REQUEST, "Content-Type must be application/json");
        }
        // the transport asks clients to accept application/json and text/event-stream; we only ever answer JSON
        if (accepted.stream().noneMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            throw new TransportError(
                    406, JsonRpcError.INVALID_REQUEST, "Not Acceptable: the client must accept application/json");
        }
        // MCP-Protocol-Version is the protocol layer's business: it picks the era, and each era has its own rules
    }

    private byte[] readLimited(InputStream body) {
        int limit = runtime.transportSettings().maxBodyBytes();
        try {
            byte[] bytes = body.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new TransportError(
                        413, JsonRpcError.INVALID_REQUEST, "Request body larger than " + limit + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new TransportError(400, JsonRpcError.PARSE_ERROR, "Request body could not be read");
        }
    }

    private static JsonValue parse(byte[] body) {
        // decoded in one go (the JDK's intrinsic UTF-8 decoder) rather than through a stream decoder per request;
        // malformed UTF-8 becomes U+FFFD either way
        try (JsonReader reader = Jsonp.reader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            // JsonException for bad syntax, but parsers also throw plain RuntimeExceptions (Parsson's nesting limit)
            throw new TransportError(
                    400, JsonRpcError.PARSE_ERROR, "Parse error: the body is not valid JSON or is nested too deeply");
        }
    }

    /**
     * The request metadata headers, read from the header map itself: each call on the injected {@code HttpHeaders}
     * goes through the container's reflective proxy, and a 2026-07-28 request asks for several headers. The map's
     * keys are case-insensitive (Jakarta REST); each value is one header line.
     */
    private static RequestMetadata metadata(MultivaluedMap<String, String> headers) {
        return new RequestMetadata(headers::get, headers::keySet);
    }

    private Response handle(JsonValue message, RequestMetadata metadata, boolean acceptsStream, String sessionId) {
        if (!(message instanceof JsonObject object)) {
            throw new TransportError(
                    400,
                    JsonRpcError.INVALID_REQUEST,
                    message.getValueType() == JsonValue.ValueType.ARRAY
                            ? "Invalid Request: JSON-RPC batches are not supported"
                            : "Invalid Request: expected a JSON-RPC object");
        }
        if (!"2.0".equals(stringOrNull(object.get("jsonrpc")))) {
            throw new TransportError(400, JsonRpcError.INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\"");
        }
        JsonValue id = object.get("id");
        JsonValue method = object.get("method");
        if (method == null) {
            if (id != null && (object.containsKey("result") || object.containsKey("error"))) {
                // a client's answer to a question a tool asked on a 2025-era stream
                return clientAnswer(object, sessionId, metadata);
            }
            throw new TransportError(400, JsonRpcError.INVALID_REQUEST, "Invalid Request: method is missing");
        }
        if (!(method instanceof JsonString methodName)) {
            throw new TransportError(400, JsonRpcError.INVALID_REQUEST, "Invalid Request: method must be a string");
        }
        if (id == null) {
            // notifications (initialized, cancelled, ...) need no answer; unknown ones are ignored (JSON-RPC 2.0 §4.1)
            return Response.accepted().build();
        }
        if (!(id instanceof JsonString || id instanceof JsonNumber)) {
            throw new TransportError(
                    400, JsonRpcError.INVALID_REQUEST, "Invalid Request: id must be a string or a number");
        }
        McpRequest read;
        try {
            read = McpRequest.of(methodName.getString(), params(object), metadata);
        } catch (JsonRpcException e) {
            return error(id, e);
        }
        AuditLog.Request audit = read.audit();
        RequestTracing.Traced traced = runtime.tracing().start(audit, id, meta(object));
        try {
            Response response = verifiedAndAnswered(id, read, audit, acceptsStream, sessionId);
            // a streamed answer is written after this returns: the span goes with it and ends when it is done
            return response.getEntity() instanceof StreamingOutput stream
                    ? Response.fromResponse(response)
                            .entity(traced.carry(stream))
                            .build()
                    : response;
        } finally {
            traced.close();
        }
    }

    /** The request's {@code params._meta}, or null. */
    private static JsonObject meta(JsonObject message) {
        return message.get("params") instanceof JsonObject params && params.get("_meta") instanceof JsonObject meta
                ? meta
                : null;
    }

    private Response verifiedAndAnswered(
            JsonValue id, McpRequest read, AuditLog.Request audit, boolean acceptsStream, String sessionId) {
        McpCaller caller;
        try {
            caller = verifiedCaller(audit);
        } catch (Refusal refusal) {
            return refusal.response;
        }
        // the request resolved once: its caller, roles and session travel with it to every check and handler
        McpRequest request = read.by(caller, runtime.callerHolder().roles());
        if (!request.modern() && sessionId != null && runtime.sessions().enabled()) {
            request = request.inSession(session(sessionId, caller, audit));
        }
        if (request.modern() && McpMethod.SUBSCRIPTIONS_LISTEN.wireName().equals(request.method())) {
            return listen(id, request, acceptsStream);
        }
        return answer(id, request, audit, acceptsStream);
    }

    /** A client's answer to a question: handed to the waiting call (on whichever instance it waits). */
    private Response clientAnswer(JsonObject response, String sessionId, RequestMetadata metadata) {
        AuditLog.Request audit = AuditLog.Request.unread(metadata.protocolVersion());
        McpCaller caller;
        try {
            caller = verifiedCaller(audit);
        } catch (Refusal refusal) {
            return refusal.response;
        }
        ClientRequests.Delivery delivery = runtime.clientRequests().answer(sessionId, caller, response);
        if (delivery == ClientRequests.Delivery.DELIVERED) {
            return Response.accepted().build();
        }
        if (delivery == ClientRequests.Delivery.FOREIGN) {
            runtime.auditLog()
                    .denied(
                            400,
                            AuditLog.Reason.FOREIGN_SESSION,
                            caller,
                            audit,
                            List.of(),
                            "an answer to another caller's or session's question");
        }
        // answered already, timed out, or never asked of this session
        throw new TransportError(
                400, JsonRpcError.INVALID_REQUEST, "No question of this session waits for this answer");
    }

    /** A 2026-07-28 subscription: the acknowledgement, then the updates of the resources the caller may read. */
    private Response listen(JsonValue id, McpRequest request, boolean acceptsStream) {
        if (!acceptsStream) {
            throw new TransportError(
                    406,
                    JsonRpcError.INVALID_REQUEST,
                    "Not Acceptable: subscriptions/listen answers with a stream; accept text/event-stream");
        }
        SubscriptionsHandler.Listening listening;
        try {
            listening = runtime.dispatcher().listen(request, id);
        } catch (JsonRpcException e) {
            return error(id, e);
        }
        JsonObject meta = SubscriptionsHandler.meta(id);
        NotificationStream stream = new NotificationStream(KEEP_ALIVE, () -> true);
        stream.send(listening.acknowledgement());
        MessageSink tagged = message -> stream.send(withMeta(message, meta));
        JsonObject closing = JsonRpcMessages.result(
                id,
                Jsonp.object().add("resultType", "complete").add("_meta", meta).build());
        return hold(
                stream,
                new Notifications.Listener(
                        Session.Owner.of(request.caller()),
                        null,
                        request.caller(),
                        request.roles(),
                        listening.uris(),
                        tagged,
                        () -> stream.end(closing)),
                () -> runtime.dispatcher().watchTasks(request.caller(), listening.taskIds(), tagged::send));
    }

    /** A notification with the subscription's id in {@code params._meta}. */
    private static JsonObject withMeta(JsonObject notification, JsonObject meta) {
        JsonObject params = notification.getJsonObject("params");
        return Jsonp.object(notification)
                .add("params", Jsonp.object(params).add("_meta", meta))
                .build();
    }

    /** A JSON answer, or a stream of progress and log messages ending with the answer when the client asked for them. */
    private Response answer(JsonValue id, McpRequest request, AuditLog.Request audit, boolean acceptsStream) {
        McpDispatcher.Prepared prepared;
        try {
            // every refusal the request alone decides comes here, before a stream opens: plain HTTP answers
            prepared = runtime.dispatcher().prepare(request);
        } catch (JsonRpcException e) {
            return error(id, e);
        } catch (AccessDeniedException e) {
            return refused(request.caller(), audit, e);
        }
        if (!acceptsStream || !prepared.streams()) {
            try {
                JsonObject result = prepared.run(McpProgress.NONE);
                String opened = opensSession(request) ? openSession(request) : null;
                runtime.auditLog().allowed(request.caller(), audit);
                Response.ResponseBuilder ok = Response.status(200)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(JsonRpcMessages.result(id, result).toString());
                return opened == null
                        ? ok.build()
                        : ok.header(SESSION_ID, opened).build();
            } catch (Sessions.LimitReached e) {
                return error(id, new JsonRpcException(JsonRpcError.INVALID_REQUEST, e.getMessage(), null, 429));
            } catch (JsonRpcException e) {
                return error(id, e);
            } catch (AccessDeniedException e) {
                return refused(request.caller(), audit, e);
            }
        }
        StreamingOutput stream = out -> {
            Streams.open(out);
            ProgressStream progress =
                    new ProgressStream(new SseStream(out), request.progressToken(), request.logLevel());
            JsonObject response;
            try {
                response = JsonRpcMessages.result(id, prepared.run(progress));
                runtime.auditLog().allowed(request.caller(), audit);
            } catch (JsonRpcException e) {
                response = JsonRpcMessages.error(id, e);
            } catch (AccessDeniedException e) {
                // the endpoint's decision allowed it; a bean's own interceptor may still refuse
                runtime.auditLog().denied(403, e.reason(), request.caller(), audit, List.of(), e.getMessage());
                response =
                        JsonRpcMessages.error(id, new JsonRpcException(JsonRpcError.INVALID_REQUEST, e.getMessage()));
            } catch (RuntimeException | Error e) {
                // outside the bean invoker (mapping the result, say): the stream still ends with its one response
                String incident = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, e, () -> Message.UNEXPECTED_FAILURE.format(incident));
                progress.send(JsonRpcMessages.error(
                        id, new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "Internal error, incident " + incident)));
                if (e instanceof Error error) {
                    throw error;
                }
                return;
            }
            progress.send(response);
        };
        // X-Accel-Buffering: no keeps nginx-style proxies from holding the events back
        return Response.ok(stream, EVENT_STREAM)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    /** Whether answering this request opens a session: a 2025-era {@code initialize} outside one, with sessions on. */
    private boolean opensSession(McpRequest request) {
        return !request.modern()
                && request.session() == null
                && runtime.sessions().enabled()
                && McpMethod.INITIALIZE.wireName().equals(request.method());
    }

    private String openSession(McpRequest request) {
        return runtime.sessions()
                .open(request.caller(), request.roles(), request.client())
                .id();
    }

    private Response refused(McpCaller caller, AuditLog.Request audit, AccessDeniedException e) {
        List<String> missing = e instanceof InsufficientScopeException scope ? scope.missing() : List.of();
        int status = e instanceof NotAuthenticatedException ? 401 : 403;
        runtime.auditLog().denied(status, e.reason(), caller, audit, missing, e.getMessage());
        // a refusal is thrown only with authentication on, so the protected resource is there
        return AuthResponses.refusal(
                runtime.protectedResource().orElseThrow(),
                e,
                runtime.callerHolder().dpop());
    }

    private static JsonObject params(JsonObject request) {
        JsonValue params = request.get("params");
        if (params == null || params == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (params instanceof JsonObject object) {
            return object;
        }
        throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "params must be an object");
    }

    /** A JSON-RPC error with the HTTP status its rule prescribes (200 where the rule names none). */
    private static Response error(JsonValue id, JsonRpcException e) {
        return json(e.httpStatus() > 0 ? e.httpStatus() : 200, JsonRpcMessages.error(id, e));
    }

    private static Response json(int status, JsonObject body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body.toString())
                .build();
    }

    private static String stringOrNull(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }
}

package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.jsonrpc.Printable;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records every authorization decision: a counter per outcome and reason when the server offers
 * MicroProfile Metrics ({@link MicroProfileMetricsDecisions}), and one structured line on the logger {@value #LOGGER_NAME} so operators can
 * route it: time, decision, HTTP status, reason, subject, issuer, client, JSON-RPC method, tool, missing scopes and
 * a description. Never the token. Refusals of presented credentials (bad tokens, missing scopes, malformed
 * headers, unreachable keys) are logged at {@code INFO}, so a busy server's log shows what was refused;
 * allowed calls and requests without any token (the first step of every client's OAuth flow, and the
 * cheapest way to flood a log) at {@code FINE}: set the logger to {@code FINE} for the full trail. One instance per
 * application, made where the counters are known and handed to what decides.
 */
public final class AuditLog {

    /** The logger name, for routing and levels (Liberty: {@code traceSpecification="dev.mcpauth.audit=fine"}). */
    public static final String LOGGER_NAME = "dev.mcpauth.audit";

    private static final Logger LOG = Logger.getLogger(LOGGER_NAME);

    private final DecisionMetrics metrics;
    private final DecisionTrace trace;

    /**
     * An audit log that counts with {@code metrics}.
     *
     * @param metrics the counters, or {@link DecisionMetrics#NONE}
     */
    public AuditLog(DecisionMetrics metrics) {
        this(metrics, DecisionTrace.NONE);
    }

    /**
     * An audit log that counts with {@code metrics} and puts each decision on the request's trace.
     *
     * @param metrics the counters, or {@link DecisionMetrics#NONE}
     * @param trace the trace, or {@link DecisionTrace#NONE}
     */
    public AuditLog(DecisionMetrics metrics, DecisionTrace trace) {
        this.metrics = metrics;
        this.trace = trace;
    }

    /** Reasons of refusals, as they appear in the {@code reason} field. */
    public enum Reason {
        /** A call that was allowed. */
        OK,
        /** No bearer token (401). */
        NO_TOKEN,
        /** A malformed bearer attempt (400). */
        INVALID_REQUEST,
        /** A token that failed verification (401). */
        INVALID_TOKEN,
        /** A valid token without the scopes the call needs (403 with a step-up challenge). */
        INSUFFICIENT_SCOPE,
        /** A valid token without a role the call needs, or an operation that denies everyone (plain 403). */
        FORBIDDEN,
        /** A protected operation reached without a verified caller while authentication is on (401). */
        NOT_AUTHENTICATED,
        /** The keys could not be fetched (503). */
        KEYS_UNAVAILABLE,
        /** A multi round-trip {@code requestState} that is not ours, changed, expired, or another caller's or item's. */
        INVALID_REQUEST_STATE,
        /** Another caller's session id, or an answer to another caller's question: answered like an unknown one. */
        FOREIGN_SESSION,
        /** Another caller's task id: answered like an unknown one. */
        FOREIGN_TASK
    }

    /**
     * Whether the server offers the MicroProfile Metrics API to this application.
     *
     * @return true when decisions can be counted
     */
    public static boolean metricsApiAvailable() {
        try {
            Class.forName("org.eclipse.microprofile.metrics.MetricRegistry", false, AuditLog.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * What the audit line says about the request itself, as far as it was read.
     *
     * @param method the JSON-RPC method, or null when the body was not read
     * @param targetField the audit field of what the method names ({@code tool}, {@code resource}, {@code prompt}),
     *     or null for {@code target}
     * @param target what the request names: the tool of {@code tools/call}, the URI of {@code resources/read}, the
     *     prompt of {@code prompts/get}; or null
     * @param protocolVersion the MCP revision the request claims, or null when unknown
     * @param clientName the client's {@code clientInfo.name}, or null when not given
     * @param clientVersion the client's {@code clientInfo.version}, or null when not given
     */
    public record Request(
            String method,
            String targetField,
            String target,
            String protocolVersion,
            String clientName,
            String clientVersion) {

        /** A request refused before its body was read: only the revision header may be known. */
        public static Request unread(String protocolVersion) {
            return new Request(null, null, null, protocolVersion, null, null);
        }
    }

    /**
     * Records an allowed request.
     *
     * @param caller who called
     * @param request what was asked
     */
    public void allowed(McpCaller caller, Request request) {
        metrics.record("allow", Reason.OK);
        trace.decided("allow", 200, Reason.OK, caller, List.of());
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(line("allow", 200, Reason.OK, caller, request, List.of(), null));
        }
    }

    /**
     * Records a token exchange for a call on the caller's behalf (RFC 8693): one line per exchange, none per cached use.
     * Issued tokens are logged at INFO like refusals, since the server then holds a token for another API in the
     * caller's name. Never the tokens themselves.
     *
     * @param caller whose token was the subject
     * @param api the API's name
     * @param outcome {@code issued}, {@code refused}, {@code unavailable} or {@code misconfigured}
     * @param detail what the authorization server said, or null
     */
    public void exchanged(McpCaller caller, String api, String outcome, String detail) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        JsonObjectBuilder line = Jsonp.object()
                .add("time", Instant.now().toString())
                .add("decision", "token_exchange")
                .add("outcome", outcome)
                .add("api", api)
                .add("subject", caller.subject());
        addIfPresent(line, "issuer", caller.issuer());
        addIfPresent(line, "client_id", caller.clientId());
        addIfPresent(line, "description", detail);
        LOG.info("MCPAUTH-AUDIT " + line.build());
    }

    /**
     * Records a refusal.
     *
     * @param status the HTTP status sent
     * @param reason why
     * @param caller who called, or null before authentication
     * @param request what was asked, as far as it was read
     * @param missingScopes scopes the caller lacks
     * @param description the description sent to the client, or null
     */
    public void denied(
            int status,
            Reason reason,
            McpCaller caller,
            Request request,
            List<String> missingScopes,
            String description) {
        metrics.record("deny", reason);
        trace.decided("deny", status, reason, caller, missingScopes);
        Level level = reason == Reason.NO_TOKEN ? Level.FINE : Level.INFO;
        if (LOG.isLoggable(level)) {
            LOG.log(level, line("deny", status, reason, caller, request, missingScopes, description));
        }
    }

    static String line(
            String decision,
            int status,
            Reason reason,
            McpCaller caller,
            Request request,
            List<String> missingScopes,
            String description) {
        JsonObjectBuilder line = Jsonp.object()
                .add("time", Instant.now().toString())
                .add("decision", decision)
                .add("status", status)
                .add("reason", reason.name().toLowerCase(Locale.ROOT));
        if (caller != null) {
            line.add("subject", caller.subject());
            if (caller.issuer() != null) {
                line.add("issuer", caller.issuer());
            }
            if (caller.clientId() != null) {
                line.add("client_id", caller.clientId());
            }
        }
        addIfPresent(line, "method", request.method());
        addIfPresent(line, request.targetField() != null ? request.targetField() : "target", request.target());
        addIfPresent(line, "protocol_version", request.protocolVersion());
        addIfPresent(line, "client_name", request.clientName());
        addIfPresent(line, "client_version", request.clientVersion());
        if (!missingScopes.isEmpty()) {
            line.add("missing_scopes", String.join(" ", missingScopes));
        }
        if (description != null) {
            line.add("description", description);
        }
        return "MCPAUTH-AUDIT " + line.build();
    }

    private static void addIfPresent(JsonObjectBuilder line, String name, String value) {
        if (value != null) {
            // client-supplied text: cut short and without control characters, so it cannot forge log lines
            line.add(name, Printable.of(value));
        }
    }
}

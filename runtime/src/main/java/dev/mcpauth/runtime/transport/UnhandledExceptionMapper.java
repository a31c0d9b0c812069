package dev.mcpauth.runtime.transport;

import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.messages.Message;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line of defence: whatever escapes is logged with an incident id for the operator, and the
 * client gets the id and a JSON-RPC internal error, never a stack trace.
 */
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException web
                && web.getResponse().getStatus() < 500) {
            // the JAX-RS runtime's own 4xx answers (bad Accept header, unknown method): keep the status, drop the body
            return TransportError.response(
                    web.getResponse().getStatus(),
                    new JsonRpcException(
                            JsonRpcError.INVALID_REQUEST,
                            web.getResponse().getStatusInfo().getReasonPhrase()));
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, exception, () -> Message.UNEXPECTED_FAILURE.format(incident));
        return TransportError.response(
                500, new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "Internal error, incident " + incident));
    }
}

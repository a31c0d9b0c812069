package dev.mcpauth.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.fixture.SingletonMcpApplication;
import dev.mcpauth.it.fixture.TicketDeskTools;
import dev.mcpauth.it.fixture.UnfilteredMcpApplication;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With authentication switched off, the MCP endpoint published without the runtime's filters (listed or created by the
 * application's own Jakarta REST application) refuses every call instead of serving it: without the filters the origin
 * check did not run either, and a local server would be open to DNS rebinding. The endpoint at {@code /mcp}, with its
 * filters, serves as usual.
 */
@ExtendWith(ArquillianExtension.class)
class UnfilteredEndpointIT {

    private static final McpHttp MCP = McpHttp.forContextRoot("unfiltered-endpoint-it");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "unfiltered-endpoint-it",
                "mcp.auth.enabled=false\n",
                TicketDeskTools.class,
                UnfilteredMcpApplication.class,
                SingletonMcpApplication.class);
    }

    @Test
    void theEndpointWithoutItsFiltersRefusesEveryCallEvenWithAuthenticationOff() {
        for (String path : List.of("/unfiltered-endpoint-it/unfiltered", "/unfiltered-endpoint-it/singleton")) {
            McpHttp unfiltered = new McpHttp(MCP.endpoint().resolve(path));
            for (Map<String, String> headers :
                    List.of(Map.<String, String>of(), Map.of("Origin", "http://evil.test"))) {
                HttpResponse<String> refused = unfiltered.post(McpHttp.toolsCall("list_tickets", "{}"), headers);
                assertEquals(500, refused.statusCode(), path + ": " + refused.body());
                JsonObject error = McpHttp.json(refused.body()).getJsonObject("error");
                assertEquals(-32603, error.getInt("code"), refused.body());
                assertEquals(
                        "The MCP endpoint is published without its filters; see the server log",
                        error.getString("message"));
                assertFalse(refused.body().contains("T-1"), refused.body());
            }
        }
    }

    @Test
    void theEndpointWithItsFiltersServesWithAuthenticationOff() {
        HttpResponse<String> served = MCP.post(McpHttp.toolsCall("list_tickets", "{}"));
        assertEquals(200, served.statusCode(), served.body());
        assertFalse(McpHttp.json(served.body()).getJsonObject("result").getBoolean("isError", false), served.body());
    }
}

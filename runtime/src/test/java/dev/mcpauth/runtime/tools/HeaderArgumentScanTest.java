package dev.mcpauth.runtime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpClient;
import dev.mcpauth.Tool;
import dev.mcpauth.ToolArg;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code @ToolArg(header)}: the schema's {@code x-mcp-header} and its deployment checks (MCP 2026-07-28, Tools). */
class HeaderArgumentScanTest {

    public enum Region {
        EU,
        US
    }

    public static class Tools {
        @Tool
        public String route(
                @ToolArg(header = "Tenant") String tenant,
                @ToolArg(header = "Shard") Optional<Integer> shard,
                @ToolArg(header = "Dry-Run", required = false) Boolean dryRun,
                @ToolArg(header = "Region") Region region,
                McpClient client) {
            return "";
        }

        @Tool
        public String badName(@ToolArg(header = "Bad Header") String tenant) {
            return "";
        }

        @Tool
        public String twice(@ToolArg(header = "Tenant") String a, @ToolArg(header = "tenant") String b) {
            return "";
        }

        @Tool
        public String fraction(@ToolArg(header = "Amount") double amount) {
            return "";
        }

        @Tool
        public String structured(@ToolArg(header = "Ids") List<String> ids) {
            return "";
        }
    }

    @Test
    void mirroredArgumentsCarryXMcpHeaderAndTheirKind() {
        ToolDefinition tool = TestTools.define(Tools.class, "route");
        assertEquals(
                List.of(
                        new HeaderArgument("tenant", "Tenant", HeaderArgument.Kind.STRING),
                        new HeaderArgument("shard", "Shard", HeaderArgument.Kind.INTEGER),
                        new HeaderArgument("dryRun", "Dry-Run", HeaderArgument.Kind.BOOLEAN),
                        new HeaderArgument("region", "Region", HeaderArgument.Kind.STRING)),
                tool.headerArguments());
        assertEquals(
                "Tenant",
                tool.inputSchema()
                        .getJsonObject("properties")
                        .getJsonObject("tenant")
                        .getString("x-mcp-header"));
        assertTrue(
                !tool.inputSchema().getJsonObject("properties").containsKey("client"), "McpClient is not an argument");
    }

    @Test
    void aHeaderNameThatIsNotAnHttpTokenFailsTheDeployment() {
        List<String> problems = TestTools.problemsOf(Tools.class, "badName");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0)
                        .startsWith("MCPAUTH-0111: @Tool " + Tools.class.getName() + "#badName argument 'tenant'"),
                problems.get(0));
    }

    @Test
    void twoArgumentsInOneHeaderIgnoringCaseFailTheDeployment() {
        List<String> problems = TestTools.problemsOf(Tools.class, "twice");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).startsWith("MCPAUTH-0112: @Tool " + Tools.class.getName() + "#twice"), problems.get(0));
    }

    @Test
    void onlyStringIntegerBooleanAndEnumArgumentsCanBeMirrored() {
        assertTrue(TestTools.problemsOf(Tools.class, "fraction").get(0).startsWith("MCPAUTH-0113"));
        assertTrue(TestTools.problemsOf(Tools.class, "structured").get(0).startsWith("MCPAUTH-0113"));
    }
}

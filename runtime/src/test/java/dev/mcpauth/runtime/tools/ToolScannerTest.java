package dev.mcpauth.runtime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import dev.mcpauth.Tool;
import dev.mcpauth.ToolArg;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolScannerTest {

    record Ticket(String id, int votes) {}

    public static class Tools {
        @Tool(description = "Find tickets matching a query", title = "Search tickets")
        public List<Ticket> searchTickets(@ToolArg(description = "free text") String query, int limit) {
            return List.of();
        }

        @Tool(name = "tickets.get")
        public Ticket getTicket(String id) {
            return null;
        }

        @Tool
        public String whoami(McpCaller caller, String greeting) {
            return caller.subject();
        }

        @Tool
        public String optionals(Optional<String> maybe, @ToolArg(required = false) Integer notRequired, String needed) {
            return "";
        }

        @Tool
        public String renamed(@ToolArg(name = "ticket_id") String id) {
            return id;
        }

        @Tool
        public String[] names() {
            return new String[0];
        }

        @Tool
        public void fireAndForget(String id) {}

        @Tool(name = "search tickets")
        public String badName() {
            return "";
        }

        @Tool
        String packagePrivate() {
            return "";
        }

        @Tool
        public static String staticTool() {
            return "";
        }

        @Tool
        public String takesObject(Object payload) {
            return "";
        }

        @Tool
        public Object returnsObject() {
            return null;
        }

        @Tool
        public String twice(@ToolArg(name = "x") String a, @ToolArg(name = "x") String b) {
            return "";
        }

        @SuppressWarnings("rawtypes")
        @Tool
        public Optional rawOptional() {
            return Optional.empty();
        }

        @Tool(name = "bad name")
        String everythingWrong(Object payload) {
            return "";
        }
    }

    private static JsonObject descriptor(String method) {
        return TestTools.define(Tools.class, method).descriptor();
    }

    private static JsonObject inputSchema(String method) {
        return descriptor(method).getJsonObject("inputSchema");
    }

    private static List<String> required(JsonObject schema) {
        JsonArray required = schema.getJsonArray("required");
        return required.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static String onlyProblem(String method) {
        List<String> problems = TestTools.problemsOf(Tools.class, method);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void theToolNameDefaultsToTheSnakeCaseMethodName() {
        assertEquals("search_tickets", descriptor("searchTickets").getString("name"));
    }

    @Test
    void anExplicitToolNameWins() {
        assertEquals("tickets.get", descriptor("getTicket").getString("name"));
    }

    @Test
    void titleAndDescriptionsAreCarriedIntoTheDescriptor() {
        JsonObject descriptor = descriptor("searchTickets");
        assertEquals("Search tickets", descriptor.getString("title"));
        assertEquals("Find tickets matching a query", descriptor.getString("description"));
        JsonObject query = descriptor
                .getJsonObject("inputSchema")
                .getJsonObject("properties")
                .getJsonObject("query");
        assertEquals("free text", query.getString("description"));
        assertEquals("string", query.getString("type"));
    }

    @Test
    void toolsWithoutTitleOrDescriptionLeaveThemOut() {
        JsonObject descriptor = descriptor("getTicket");
        assertFalse(descriptor.containsKey("title"));
        assertFalse(descriptor.containsKey("description"));
    }

    @Test
    void theInputSchemaIsAClosedObjectRequiringPlainParameters() {
        JsonObject schema = inputSchema("searchTickets");
        assertEquals("object", schema.getString("type"));
        assertEquals(List.of("query", "limit"), required(schema));
        assertEquals(false, schema.getBoolean("additionalProperties"));
    }

    @Test
    void aCallerParameterIsNotPartOfTheInputSchema() {
        JsonObject schema = inputSchema("whoami");
        assertEquals(
                List.of("greeting"),
                List.copyOf(schema.getJsonObject("properties").keySet()));
        assertEquals(List.of("greeting"), required(schema));
    }

    @Test
    void optionalAndNotRequiredParametersAreNotRequired() {
        JsonObject schema = inputSchema("optionals");
        assertEquals(
                List.of("maybe", "notRequired", "needed"),
                List.copyOf(schema.getJsonObject("properties").keySet()));
        assertEquals(List.of("needed"), required(schema));
        assertEquals(
                "string",
                schema.getJsonObject("properties").getJsonObject("maybe").getString("type"));
    }

    @Test
    void toolArgNameRenamesTheArgument() {
        JsonObject schema = inputSchema("renamed");
        assertEquals(
                List.of("ticket_id"),
                List.copyOf(schema.getJsonObject("properties").keySet()));
        assertEquals(List.of("ticket_id"), required(schema));
    }

    @Test
    void aRecordReturnGetsItsSchemaAsOutputSchema() {
        JsonObject output = descriptor("getTicket").getJsonObject("outputSchema");
        assertEquals("object", output.getString("type"));
        assertEquals(
                List.of("id", "votes"),
                List.copyOf(output.getJsonObject("properties").keySet()));
    }

    @Test
    void aListReturnGetsAnOutputSchemaWrappingTheArrayAsResult() {
        JsonObject output = descriptor("searchTickets").getJsonObject("outputSchema");
        assertEquals("object", output.getString("type"));
        assertEquals(List.of("result"), required(output));
        JsonObject result = output.getJsonObject("properties").getJsonObject("result");
        assertEquals("array", result.getString("type"));
        assertEquals("object", result.getJsonObject("items").getString("type"));
    }

    @Test
    void anArrayReturnIsWrappedAsResultToo() {
        JsonObject result = descriptor("names")
                .getJsonObject("outputSchema")
                .getJsonObject("properties")
                .getJsonObject("result");
        assertEquals("array", result.getString("type"));
        assertEquals("string", result.getJsonObject("items").getString("type"));
    }

    @Test
    void textAndVoidReturnsHaveNoOutputSchema() {
        assertFalse(descriptor("whoami").containsKey("outputSchema"));
        assertFalse(descriptor("fireAndForget").containsKey("outputSchema"));
    }

    @Test
    void anInvalidNameIsReportedWithTheMethodAndTheName() {
        String problem = onlyProblem("badName");
        assertTrue(problem.startsWith("MCPAUTH-0101: "), problem);
        assertTrue(problem.contains(Tools.class.getName() + "#badName"), problem);
        assertTrue(problem.contains("'search tickets'"), problem);
    }

    @Test
    void aNonPublicMethodIsReported() {
        String problem = onlyProblem("packagePrivate");
        assertTrue(problem.startsWith("MCPAUTH-0105: "), problem);
        assertTrue(problem.contains(Tools.class.getName() + "#packagePrivate"), problem);
    }

    @Test
    void aStaticMethodIsReported() {
        String problem = onlyProblem("staticTool");
        assertTrue(problem.startsWith("MCPAUTH-0105: "), problem);
        assertTrue(problem.contains("#staticTool"), problem);
    }

    @Test
    void anUnsupportedParameterTypeIsReportedNamingMethodParameterAndType() {
        String problem = onlyProblem("takesObject");
        assertTrue(problem.startsWith("MCPAUTH-0103: "), problem);
        assertTrue(problem.contains(Tools.class.getName() + "#takesObject"), problem);
        assertTrue(problem.contains("'payload'"), problem);
        assertTrue(problem.contains("java.lang.Object"), problem);
    }

    @Test
    void anUnsupportedReturnTypeIsReported() {
        String problem = onlyProblem("returnsObject");
        assertTrue(problem.startsWith("MCPAUTH-0104: "), problem);
        assertTrue(problem.contains("#returnsObject"), problem);
    }

    @Test
    void twoParametersWithTheSameArgumentNameAreReported() {
        String problem = onlyProblem("twice");
        assertTrue(problem.startsWith("MCPAUTH-0107: "), problem);
        assertTrue(problem.contains("'x'"), problem);
    }

    @Test
    void everyProblemOfAMethodIsReportedAtOnce() {
        List<String> problems = TestTools.problemsOf(Tools.class, "everythingWrong");
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("MCPAUTH-0101"), problems.toString());
        assertTrue(problems.get(1).startsWith("MCPAUTH-0105"), problems.toString());
        assertTrue(problems.get(2).startsWith("MCPAUTH-0103"), problems.toString());
    }

    @Test
    void aRawOptionalReturnIsReportedAsUnsupported() {
        assertTrue(onlyProblem("rawOptional").startsWith("MCPAUTH-0104: "));
    }
}

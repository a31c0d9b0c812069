package dev.mcpauth.runtime.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.McpInput;
import dev.mcpauth.McpResource;
import dev.mcpauth.McpResourceTemplate;
import dev.mcpauth.RequiresScope;
import dev.mcpauth.ResourceContents;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.features.ContextArgument;
import dev.mcpauth.runtime.features.ScanResult;
import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a resource or template method becomes at deployment: its descriptor, or each problem with its id and method. */
class ResourceScannerTest {

    record Ticket(String id, String title) {}

    public static class Resources {
        @McpResource(
                uri = "tickets://open",
                title = "Open tickets",
                description = "Every open ticket",
                mimeType = "text/markdown")
        public String openTickets() {
            return "";
        }

        @McpResource(uri = "docs://readme", name = "readme")
        public ResourceContents readmeDocument(McpCaller caller) {
            return null;
        }

        @McpResourceTemplate(
                uriTemplate = "tickets://{project}/{id}",
                title = "Ticket",
                description = "One ticket",
                mimeType = "application/json")
        public Optional<Ticket> getTicketByID(McpClient client, String project, long id, McpCaller caller) {
            return Optional.empty();
        }

        @McpResourceTemplate(uriTemplate = "asks://{id}")
        public String asks(String id, McpInput input) {
            return id;
        }

        @McpResourceTemplate(uriTemplate = "files://{number}")
        public byte[] file(int number) {
            return new byte[0];
        }

        @McpResource(uri = "not a uri")
        public String badUri() {
            return "";
        }

        @McpResource(uri = "tickets")
        public String noScheme() {
            return "";
        }

        @McpResourceTemplate(uriTemplate = "tickets://{id")
        public String badTemplate(String id) {
            return "";
        }

        @McpResource(uri = "tickets://open")
        public String fixedWithParameter(String id) {
            return "";
        }

        @McpResourceTemplate(uriTemplate = "tickets://{id}")
        public String wrongParameterName(String ticketId) {
            return "";
        }

        @McpResourceTemplate(uriTemplate = "tickets://{project}/{id}")
        public String unboundVariable(String project) {
            return "";
        }

        @McpResourceTemplate(uriTemplate = "tickets://{id}")
        public String unsupportedType(UUID id) {
            return "";
        }

        @McpResource(uri = "tickets://open")
        public void returnsNothing() {}

        @McpResource(uri = "tickets://open")
        @McpResourceTemplate(uriTemplate = "tickets://{id}")
        public String bothKinds() {
            return "";
        }

        @McpResource(uri = "tickets://open")
        String packagePrivate() {
            return "";
        }

        @McpResourceTemplate(uriTemplate = "tickets://{id}")
        private String privateTemplate(String id) {
            return id;
        }

        @McpResource(uri = "tickets://open")
        public static String staticResource() {
            return "";
        }

        @McpResource(uri = "tickets://open")
        @RequiresScope("tickets read")
        public String invalidScope() {
            return "";
        }

        @McpResourceTemplate(uriTemplate = "tickets://{id}")
        void everythingWrong(double id, String extra) {}
    }

    private static ScanResult<ResourceDefinition> scan(String name) {
        List<Method> found = Arrays.stream(Resources.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name))
                .toList();
        assertEquals(1, found.size(), name);
        return ResourceScanner.scan(found.get(0), null, AccessRequirement.of(found.get(0), Resources.class));
    }

    private static ResourceDefinition define(String name) {
        ScanResult<ResourceDefinition> outcome = scan(name);
        assertEquals(List.of(), outcome.problems());
        return outcome.definition();
    }

    private static String onlyProblem(String name) {
        ScanResult<ResourceDefinition> outcome = scan(name);
        assertNull(outcome.definition());
        assertEquals(1, outcome.problems().size(), outcome.problems().toString());
        return outcome.problems().get(0);
    }

    private static String where(String method) {
        return Resources.class.getName() + "#" + method;
    }

    @Test
    void aFixedResourceIsListedWithItsUriNameTitleDescriptionAndMimeType() {
        ResourceDefinition open = define("openTickets");
        assertFalse(open.isTemplate());
        assertEquals("tickets://open", open.key());
        JsonObject descriptor = open.descriptor();
        assertEquals("tickets://open", descriptor.getString("uri"));
        assertEquals("open_tickets", descriptor.getString("name"));
        assertEquals("Open tickets", descriptor.getString("title"));
        assertEquals("Every open ticket", descriptor.getString("description"));
        assertEquals("text/markdown", descriptor.getString("mimeType"));
        assertFalse(descriptor.containsKey("uriTemplate"));
    }

    @Test
    void anExplicitNameWinsAndAbsentFieldsAreLeftOut() {
        JsonObject descriptor = define("readmeDocument").descriptor();
        assertEquals("readme", descriptor.getString("name"));
        assertEquals(List.of("uri", "name"), List.copyOf(descriptor.keySet()));
    }

    @Test
    void aTemplateIsListedWithItsUriTemplateAndBindsVariablesByParameterName() {
        ResourceDefinition ticket = define("getTicketByID");
        assertTrue(ticket.isTemplate());
        JsonObject descriptor = ticket.descriptor();
        assertEquals("tickets://{project}/{id}", descriptor.getString("uriTemplate"));
        assertFalse(descriptor.containsKey("uri"));
        assertEquals("get_ticket_by_id", descriptor.getString("name"));
        assertEquals("Ticket", descriptor.getString("title"));
        assertEquals("One ticket", descriptor.getString("description"));
        assertEquals("application/json", descriptor.getString("mimeType"));
        assertEquals(
                List.of(
                        new ResourceParameter(ContextArgument.CLIENT),
                        new ResourceParameter("project", ResourceParameter.VariableType.STRING),
                        new ResourceParameter("id", ResourceParameter.VariableType.LONG),
                        new ResourceParameter(ContextArgument.CALLER)),
                ticket.parameters());
    }

    @Test
    void aResourceCannotTakeInputAndFailsWith0115() {
        assertEquals(
                "MCPAUTH-0115: @McpResourceTemplate " + where("asks")
                        + " takes an McpInput, which a resource cannot use"
                        + " (only: tool, prompt): a resource read and a completion have no rounds to ask in, and only a tool's answer can be"
                        + " a stream of progress",
                onlyProblem("asks"));
    }

    @Test
    void aTemplateWithoutMimeTypeLeavesItToTheReturnedValue() {
        ResourceDefinition file = define("file");
        assertNull(file.mimeType());
        assertFalse(file.descriptor().containsKey("mimeType"));
        assertEquals(List.of(new ResourceParameter("number", ResourceParameter.VariableType.INT)), file.parameters());
    }

    @Test
    void aUriThatIsNotAbsoluteFailsWith0120() {
        assertEquals(
                "MCPAUTH-0120: @McpResource " + where("badUri")
                        + " has the URI 'not a uri', which is not an absolute URI"
                        + " with a scheme (such as tickets://open)",
                onlyProblem("badUri"));
        String problem = onlyProblem("noScheme");
        assertTrue(
                problem.startsWith("MCPAUTH-0120: @McpResource " + where("noScheme") + " has the URI 'tickets'"),
                problem);
    }

    @Test
    void anInvalidTemplateFailsWith0121SayingWhy() {
        assertEquals(
                "MCPAUTH-0121: @McpResourceTemplate " + where("badTemplate")
                        + " has the template 'tickets://{id', which is"
                        + " not an RFC 6570 level 1 URI template: a '{' without its '}'",
                onlyProblem("badTemplate"));
    }

    @Test
    void aParameterThatIsNoVariableFailsWith0122() {
        String fixed = onlyProblem("fixedWithParameter");
        assertTrue(
                fixed.startsWith(
                        "MCPAUTH-0122: " + where("fixedWithParameter") + " parameter 'id' is not a variable of its"
                                + " template (a resource with a fixed URI takes none)"),
                fixed);
        // the template's variable then has no parameter either; one problem per mistake, not two
        ScanResult<ResourceDefinition> outcome = scan("wrongParameterName");
        assertEquals(2, outcome.problems().size(), outcome.problems().toString());
        assertTrue(
                outcome.problems()
                        .get(0)
                        .startsWith(
                                "MCPAUTH-0122: " + where("wrongParameterName")
                                        + " parameter 'ticketId' is not a variable of its template (the template's variables are [id])"),
                outcome.problems().get(0));
        assertEquals(
                "MCPAUTH-0123: " + where("wrongParameterName") + " has no parameter for the template variable 'id'",
                outcome.problems().get(1));
    }

    @Test
    void aVariableWithoutParameterFailsWith0123() {
        assertEquals(
                "MCPAUTH-0123: " + where("unboundVariable") + " has no parameter for the template variable 'id'",
                onlyProblem("unboundVariable"));
    }

    @Test
    void aVariableBoundToAnUnsupportedTypeFailsWith0124Only() {
        assertEquals(
                "MCPAUTH-0124: " + where("unsupportedType")
                        + " parameter 'id' is a UUID: template variables bind to String," + " int/Integer or long/Long",
                onlyProblem("unsupportedType"));
    }

    @Test
    void aMethodReturningNothingFailsWith0126() {
        assertTrue(onlyProblem("returnsNothing")
                .startsWith("MCPAUTH-0126: " + where("returnsNothing") + " returns nothing"));
    }

    @Test
    void bothAnnotationsOnOneMethodFailWith0127() {
        assertEquals(
                "MCPAUTH-0127: " + where("bothKinds") + " has both @McpResource and @McpResourceTemplate: choose one",
                onlyProblem("bothKinds"));
    }

    @Test
    void aMethodThatIsNotAPublicInstanceMethodFailsWith0114() {
        assertEquals(
                "MCPAUTH-0114: @McpResource " + where("packagePrivate") + " must be a public instance method",
                onlyProblem("packagePrivate"));
        assertEquals(
                "MCPAUTH-0114: @McpResourceTemplate " + where("privateTemplate") + " must be a public instance method",
                onlyProblem("privateTemplate"));
        assertEquals(
                "MCPAUTH-0114: @McpResource " + where("staticResource") + " must be a public instance method",
                onlyProblem("staticResource"));
    }

    @Test
    void anInvalidScopeFailsWith0109() {
        assertEquals(
                "MCPAUTH-0109: @RequiresScope on " + where("invalidScope")
                        + " names 'tickets read', which is not a valid"
                        + " OAuth scope: printable ASCII without spaces, quotes or backslashes (RFC 6749 §3.3)",
                onlyProblem("invalidScope"));
    }

    @Test
    void everyProblemOfOneMethodIsReportedAtOnce() {
        ScanResult<ResourceDefinition> outcome = scan("everythingWrong");
        assertNull(outcome.definition());
        List<String> ids = outcome.problems().stream()
                .map(problem -> problem.substring(0, "MCPAUTH-0000".length()))
                .toList();
        assertEquals(
                List.of("MCPAUTH-0114", "MCPAUTH-0124", "MCPAUTH-0122", "MCPAUTH-0126"),
                ids,
                outcome.problems().toString());
        outcome.problems().forEach(problem -> assertTrue(problem.contains(where("everythingWrong")), problem));
    }
}

package dev.mcpauth.runtime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.Tool;
import dev.mcpauth.ToolArg;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code @Tool(inputSchema)}: a hand-written 2020-12 schema is published as written and every constraint is checked. */
class HandWrittenSchemaTest {

    public static class Tools {
        @Tool(inputSchema = "contact.schema.json")
        public String contact(
                Optional<String> name,
                Optional<Map<String, String>> address,
                Optional<Map<String, String>> billing,
                Optional<String> contactMethod,
                Optional<String> phone,
                Optional<String> email) {
            return "";
        }

        @Tool(inputSchema = "contact.schema.json")
        public String missingProperty(Optional<String> name, Optional<String> fax) {
            return "";
        }

        @Tool(inputSchema = "contact.schema.json")
        public String headerInAnnotation(@ToolArg(header = "Name") Optional<String> name) {
            return "";
        }

        @Tool(inputSchema = "unchecked.schema.json")
        public String unchecked(Optional<String> name, Optional<String> home) {
            return "";
        }

        @Tool(inputSchema = "/no/such/schema.json")
        public String missing(Optional<String> name) {
            return "";
        }
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readValue();
        }
    }

    private static List<String> contact(String arguments) {
        return SchemaValidator.validate(
                json(arguments), TestTools.define(Tools.class, "contact").inputSchema());
    }

    @Test
    void theSchemaIsPublishedAsWritten() {
        ToolDefinition tool = TestTools.define(Tools.class, "contact");
        JsonObject published = tool.descriptor().getJsonObject("inputSchema");
        assertEquals("https://json-schema.org/draft/2020-12/schema", published.getString("$schema"));
        assertEquals(
                "addressDef",
                published.getJsonObject("$defs").getJsonObject("address").getString("$anchor"));
        assertTrue(published.containsKey("if") && published.containsKey("then") && published.containsKey("else"));
        assertEquals(JsonValue.FALSE, published.get("additionalProperties"));
        // the mirror header the schema names is enforced like one from @ToolArg
        assertEquals(List.of(new HeaderArgument("phone", "Phone", HeaderArgument.Kind.STRING)), tool.headerArguments());
    }

    @Test
    void validArgumentsPass() {
        assertEquals(List.of(), contact("{'name': 'Ada', 'contactMethod': 'phone', 'phone': '123'}"));
        assertEquals(
                List.of(), contact("{'email': 'a@b.c', 'address': {'city': 'Oslo'}, 'billing': {'city': 'Rome'}}"));
    }

    @Test
    void everyKeywordIsChecked() {
        // anyOf inside allOf: neither phone nor email
        assertTrue(contact("{'name': 'Ada'}").stream().anyMatch(p -> p.contains("at least one of 2 alternatives")));
        // if/then: contactMethod phone needs a phone
        assertEquals(List.of("/phone: required"), contact("{'contactMethod': 'phone', 'email': 'a@b.c'}"));
        // else: otherwise an email
        assertTrue(contact("{'contactMethod': 'email', 'phone': '1'}").contains("/email: required"));
        // $ref to $defs, and to an $anchor
        assertEquals(List.of("/address/city: required"), contact("{'email': 'a@b.c', 'address': {}}"));
        assertEquals(
                List.of("/billing/city: must be at least 2 characters long"),
                contact("{'email': 'a@b.c', 'billing': {'city': 'X'}}"));
        assertEquals(List.of("/name: must match the pattern ^[A-Z]"), contact("{'email': 'a@b.c', 'name': 'ada'}"));
        assertEquals(
                List.of("/contactMethod: must be one of [\"phone\",\"email\"]"),
                contact("{'email': 'a@b.c', 'contactMethod': 'fax'}"));
        assertEquals(List.of("/fax: unknown argument"), contact("{'email': 'a@b.c', 'fax': '1'}"));
    }

    @Test
    void aSchemaWithUncheckedConstraintsFailsTheDeployment() {
        List<String> problems = TestTools.problemsOf(Tools.class, "unchecked");
        assertEquals(1, problems.size(), problems.toString());
        String problem = problems.get(0);
        assertTrue(problem.startsWith("MCPAUTH-0117"), problem);
        assertTrue(problem.contains("#/patternProperties: the keyword patternProperties is not checked"), problem);
        assertTrue(problem.contains("#/properties/name/dependentRequired"), problem);
        assertTrue(problem.contains("#/properties/home/$ref: only a local reference"), problem);
    }

    @Test
    void everyArgumentMustBeAPropertyAndHeadersAreNamedInTheSchema() {
        List<String> missing = TestTools.problemsOf(Tools.class, "missingProperty");
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("MCPAUTH-0118") && missing.get(0).contains("'fax'"), missing.toString());
        List<String> header = TestTools.problemsOf(Tools.class, "headerInAnnotation");
        assertEquals(1, header.size(), header.toString());
        assertTrue(header.get(0).startsWith("MCPAUTH-0118"), header.toString());
    }

    @Test
    void aMissingSchemaFailsTheDeployment() {
        List<String> problems = TestTools.problemsOf(Tools.class, "missing");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("MCPAUTH-0116"), problems.toString());
        assertTrue(problems.get(0).contains("no such resource on the class path"), problems.toString());
    }

    @Test
    void typeMayBeAListAndBooleanSchemasWork() {
        JsonObject schema = json("{'type': 'object', 'properties': {'a': {'type': ['string', 'null']}, 'b': false}}")
                .asJsonObject();
        assertEquals(List.of(), SchemaValidator.validate(json("{'a': 'x'}"), schema));
        assertEquals(
                List.of("/a: expected one of [\"string\",\"null\"], got number"),
                SchemaValidator.validate(json("{'a': 1}"), schema));
        assertEquals(List.of("/b: not allowed"), SchemaValidator.validate(json("{'b': 1}"), schema));
        assertEquals(List.of(), SchemaValidator.unenforceable(schema));
    }
}

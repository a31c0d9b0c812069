package dev.mcpauth.runtime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.Tool;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

    enum Priority {
        LOW,
        HIGH
    }

    record Line(String name, int quantity) {}

    public static class Tools {
        @Tool
        public String find(String id, int count, Priority priority, Optional<String> note) {
            return id;
        }

        @Tool
        public String order(String customer, List<Line> items) {
            return customer;
        }

        @Tool
        public String tag(Set<String> tags) {
            return "";
        }
    }

    private static JsonObject inputSchemaOf(String method) {
        return TestTools.define(Tools.class, method).inputSchema();
    }

    /** JSON with single quotes, for readability. */
    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readValue();
        }
    }

    private static List<String> find(String arguments) {
        return SchemaValidator.validate(json(arguments), inputSchemaOf("find"));
    }

    private static List<String> order(String arguments) {
        return SchemaValidator.validate(json(arguments), inputSchemaOf("order"));
    }

    @Test
    void validArgumentsHaveNoProblems() {
        assertEquals(List.of(), find("{'id': 'T-1', 'count': 3, 'priority': 'HIGH'}"));
        assertEquals(List.of(), find("{'id': 'T-1', 'count': 3, 'priority': 'HIGH', 'note': 'urgent'}"));
    }

    @Test
    void nullStandsForAnAbsentOptionalArgument() {
        assertEquals(List.of(), find("{'id': 'T-1', 'count': 3, 'priority': 'LOW', 'note': null}"));
    }

    @Test
    void aWrongTypeNamesTheArgumentAndBothTypes() {
        assertEquals(List.of("/id: expected string, got number"), find("{'id': 1, 'count': 3, 'priority': 'HIGH'}"));
        assertEquals(
                List.of("/count: expected integer, got string"), find("{'id': 'a', 'count': '3', 'priority': 'HIGH'}"));
    }

    @Test
    void missingRequiredArgumentsAreEachReported() {
        assertEquals(List.of("/id: required", "/count: required", "/priority: required"), find("{}"));
    }

    @Test
    void nullForARequiredArgumentCountsAsMissing() {
        assertEquals(List.of("/id: required"), find("{'id': null, 'count': 3, 'priority': 'HIGH'}"));
    }

    @Test
    void unknownArgumentsAreRefused() {
        assertEquals(
                List.of("/ids: unknown argument"), find("{'id': 'a', 'ids': 'a', 'count': 3, 'priority': 'HIGH'}"));
    }

    @Test
    void enumValuesOutsideTheConstantsAreRefusedListingTheChoices() {
        List<String> problems = find("{'id': 'a', 'count': 3, 'priority': 'URGENT'}");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("/priority: must be one of "), problems.get(0));
        assertTrue(problems.get(0).contains("\"LOW\"") && problems.get(0).contains("\"HIGH\""), problems.get(0));
    }

    @Test
    void intArgumentsOutsideTheJavaRangeAreRefused() {
        assertEquals(
                List.of("/count: must be at most 2147483647"),
                find("{'id': 'a', 'count': 2147483648, 'priority': 'LOW'}"));
        assertEquals(
                List.of("/count: must be at least -2147483648"),
                find("{'id': 'a', 'count': -2147483649, 'priority': 'LOW'}"));
    }

    @Test
    void aNumberWithZeroFractionIsAnInteger() {
        assertEquals(List.of(), find("{'id': 'a', 'count': 1.0, 'priority': 'LOW'}"));
    }

    @Test
    void aFractionalNumberIsNotAnInteger() {
        assertEquals(
                List.of("/count: expected integer, got number"), find("{'id': 'a', 'count': 1.5, 'priority': 'LOW'}"));
    }

    @Test
    void problemsInsideArraysOfRecordsNameTheFullPath() {
        List<String> problems = order("{'customer': 'c', 'items': ["
                + "{'name': 'a', 'quantity': 1}, {'name': 'b'}, {'name': 5, 'quantity': 2}]}");
        assertEquals(List.of("/items/1/quantity: required", "/items/2/name: expected string, got number"), problems);
    }

    @Test
    void unknownMembersOfNestedRecordsAreAllowed() {
        // only the top-level arguments object is closed; records bind leniently, as JSON-B does
        assertEquals(List.of(), order("{'customer': 'c', 'items': [{'name': 'a', 'quantity': 1, 'colour': 'red'}]}"));
    }

    @Test
    void duplicateItemsOfASetAreRefused() {
        List<String> problems = SchemaValidator.validate(json("{'tags': ['a', 'b', 'a']}"), inputSchemaOf("tag"));
        assertEquals(List.of("/tags: items must be unique"), problems);
    }

    @Test
    void argumentsThatAreNotAnObjectAreRefused() {
        assertEquals(List.of("arguments: expected object, got array"), find("[]"));
    }

    @Test
    void problemsAreCappedAtTenForHugeInvalidInput() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 0; i < 10_000; i++) {
            items.add(i);
        }
        JsonObject arguments = Json.createObjectBuilder()
                .add("customer", "c")
                .add("items", items)
                .build();

        List<String> problems = SchemaValidator.validate(arguments, inputSchemaOf("order"));

        assertEquals(10, problems.size());
        assertEquals("/items/0: expected object, got number", problems.get(0));
    }

    @Test
    void problemsAreCappedAtTenForHugeNumbersOfUnknownArguments() {
        JsonObjectBuilder arguments =
                Json.createObjectBuilder().add("id", "a").add("count", 1).add("priority", "LOW");
        for (int i = 0; i < 1000; i++) {
            arguments.add("extra" + i, i);
        }
        assertEquals(
                10,
                SchemaValidator.validate(arguments.build(), inputSchemaOf("find"))
                        .size());
    }
}

package dev.mcpauth.runtime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonSchemaGeneratorTest {

    enum Priority {
        LOW,
        HIGH
    }

    record Ticket(String id, int votes, Optional<String> assignee, Priority priority) {}

    record Outer(String name, Ticket ticket) {}

    record Node(String value, List<Node> children) {}

    record HoldsObject(String name, Object payload) {}

    record Wrapper(Outer outer, HoldsObject holder) {}

    interface Shape {
        double area();
    }

    public static class Customer {
        public String name;

        @JsonbProperty("e_mail")
        public String email;

        @JsonbTransient
        public String internalNote;

        public static String ignoredStatic = "x";
        private int age;

        public int getAge() {
            return age;
        }

        @JsonbProperty("is_vip")
        public boolean isVip() {
            return false;
        }

        @JsonbTransient
        public String getSecret() {
            return "";
        }
    }

    record WithTransient(String id, @JsonbTransient String cache) {}

    /** The usual JavaBean: JSON-B reads the annotations of the private field for the property. */
    public static class Account {
        @JsonbProperty("full_name")
        private String name;

        @JsonbTransient
        private String password;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    public static class NoProperties {
        private String hidden;
    }

    // fields whose generic types the tests read
    List<String> listOfStrings;
    Set<Integer> setOfInts;
    int[] intArray;
    List<String>[] arrayOfLists;
    Map<String, Double> mapOfDoubles;
    Optional<String> optionalString;
    List<Ticket> listOfTickets;

    @SuppressWarnings("rawtypes")
    List rawList;

    Map<Integer, String> intKeyedMap;
    List<?> wildcardList;

    private static JsonObject input(Type type) throws UnsupportedTypeException {
        return new JsonSchemaGenerator(false).schemaOf(type);
    }

    private static JsonObject output(Type type) throws UnsupportedTypeException {
        return new JsonSchemaGenerator(true).schemaOf(type);
    }

    private static Type field(String name) {
        try {
            return JsonSchemaGeneratorTest.class.getDeclaredField(name).getGenericType();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static String unsupported(Type type) {
        return assertThrows(UnsupportedTypeException.class, () -> input(type)).getMessage();
    }

    @Test
    void stringsAndCharactersAreStrings() throws Exception {
        assertEquals(Json.createObjectBuilder().add("type", "string").build(), input(String.class));
        assertEquals("string", input(char.class).getString("type"));
    }

    @Test
    void intsAreIntegersWithTheirJavaRange() throws Exception {
        JsonObject schema = input(int.class);
        assertEquals("integer", schema.getString("type"));
        assertEquals(Integer.MIN_VALUE, schema.getJsonNumber("minimum").longValueExact());
        assertEquals(Integer.MAX_VALUE, schema.getJsonNumber("maximum").longValueExact());
        assertEquals(schema, input(Integer.class));
    }

    @Test
    void longsAreIntegersWithTheLongRange() throws Exception {
        JsonObject schema = input(long.class);
        assertEquals("integer", schema.getString("type"));
        assertEquals(Long.MIN_VALUE, schema.getJsonNumber("minimum").longValueExact());
        assertEquals(Long.MAX_VALUE, schema.getJsonNumber("maximum").longValueExact());
    }

    @Test
    void doublesAreNumbersAndBooleansAreBooleans() throws Exception {
        assertEquals("number", input(double.class).getString("type"));
        assertEquals("number", input(Double.class).getString("type"));
        assertEquals("boolean", input(boolean.class).getString("type"));
        assertEquals("boolean", input(Boolean.class).getString("type"));
    }

    @Test
    void enumsAreStringsListingTheConstantNames() throws Exception {
        JsonObject schema = input(Priority.class);
        assertEquals("string", schema.getString("type"));
        assertEquals(List.of("LOW", "HIGH"), strings(schema.getJsonArray("enum")));
    }

    @Test
    void optionalIsTheSchemaOfItsValue() throws Exception {
        assertEquals(input(String.class), input(field("optionalString")));
    }

    @Test
    void listsAreArraysOfTheirElementSchema() throws Exception {
        JsonObject schema = input(field("listOfStrings"));
        assertEquals("array", schema.getString("type"));
        assertEquals("string", schema.getJsonObject("items").getString("type"));
        assertFalse(schema.containsKey("uniqueItems"));
    }

    @Test
    void setsAreArraysWithUniqueItems() throws Exception {
        JsonObject schema = input(field("setOfInts"));
        assertEquals("array", schema.getString("type"));
        assertEquals("integer", schema.getJsonObject("items").getString("type"));
        assertTrue(schema.getBoolean("uniqueItems"));
    }

    @Test
    void javaArraysAreArrays() throws Exception {
        JsonObject ints = input(field("intArray"));
        assertEquals("array", ints.getString("type"));
        assertEquals("integer", ints.getJsonObject("items").getString("type"));

        JsonObject arrayOfLists = input(field("arrayOfLists"));
        assertEquals("array", arrayOfLists.getString("type"));
        assertEquals("array", arrayOfLists.getJsonObject("items").getString("type"));
    }

    @Test
    void stringKeyedMapsAreObjectsWithTypedValues() throws Exception {
        JsonObject schema = input(field("mapOfDoubles"));
        assertEquals("object", schema.getString("type"));
        assertEquals("number", schema.getJsonObject("additionalProperties").getString("type"));
    }

    @Test
    void recordInputSchemaRequiresEveryNonOptionalComponent() throws Exception {
        JsonObject schema = input(Ticket.class);
        assertEquals("object", schema.getString("type"));
        assertEquals(
                Set.of("id", "votes", "assignee", "priority"),
                schema.getJsonObject("properties").keySet());
        assertEquals(List.of("id", "votes", "priority"), strings(schema.getJsonArray("required")));
        assertEquals(
                "string",
                schema.getJsonObject("properties").getJsonObject("assignee").getString("type"));
    }

    @Test
    void recordOutputSchemaRequiresOnlyPrimitiveComponents() throws Exception {
        // JSON-B leaves out null values, so only primitives are sure to be present in what the server writes
        assertEquals(List.of("votes"), strings(output(Ticket.class).getJsonArray("required")));
    }

    @Test
    void nestedRecordsAndListsOfRecordsAreDescribed() throws Exception {
        JsonObject ticket = input(Outer.class).getJsonObject("properties").getJsonObject("ticket");
        assertEquals("object", ticket.getString("type"));
        assertTrue(ticket.getJsonObject("properties").containsKey("votes"));

        JsonObject items = input(field("listOfTickets")).getJsonObject("items");
        assertEquals(List.of("id", "votes", "priority"), strings(items.getJsonArray("required")));
    }

    @Test
    void pojoPropertiesArePublicFieldsAndGettersWithJsonbNames() throws Exception {
        JsonObject schema = input(Customer.class);
        assertEquals("object", schema.getString("type"));
        JsonObject properties = schema.getJsonObject("properties");
        assertEquals(Set.of("name", "e_mail", "age", "is_vip"), properties.keySet());
        assertEquals("integer", properties.getJsonObject("age").getString("type"));
        assertEquals("boolean", properties.getJsonObject("is_vip").getString("type"));
    }

    @Test
    void jsonbTransientAndStaticMembersAreLeftOut() throws Exception {
        JsonObject properties = input(Customer.class).getJsonObject("properties");
        assertFalse(properties.containsKey("internalNote"));
        assertFalse(properties.containsKey("secret"));
        assertFalse(properties.containsKey("ignoredStatic"));
    }

    @Test
    void datesTimesAndUuidsAreStringsWithAFormat() throws Exception {
        assertEquals(
                Json.createObjectBuilder()
                        .add("type", "string")
                        .add("format", "date")
                        .build(),
                input(LocalDate.class));
        assertEquals("date-time", input(LocalDateTime.class).getString("format"));
        assertEquals("date-time", input(Instant.class).getString("format"));
        assertEquals("uuid", input(UUID.class).getString("format"));
    }

    @Test
    void objectIsRejected() {
        assertTrue(unsupported(Object.class).contains("java.lang.Object"));
    }

    @Test
    void rawCollectionsAreRejectedAskingForTypeArguments() {
        String message = unsupported(field("rawList"));
        assertTrue(message.contains("java.util.List"), message);
        assertTrue(message.contains("type arguments"), message);
    }

    @Test
    void mapsWithNonStringKeysAreRejected() {
        String message = unsupported(field("intKeyedMap"));
        assertTrue(message.contains("Map<java.lang.Integer, java.lang.String>"), message);
        assertTrue(message.contains("Map<String, V>"), message);
    }

    @Test
    void recursiveRecordsAreRejectedNamingThePath() {
        String message = unsupported(Node.class);
        assertTrue(message.contains("recursive"), message);
        assertTrue(message.contains("Node.children"), message);
        assertTrue(message.contains(Node.class.getName()), message);
    }

    @Test
    void wildcardsAreRejected() {
        String message = unsupported(field("wildcardList"));
        assertTrue(message.contains("?"), message);
        assertTrue(message.contains("wildcard"), message);
    }

    @Test
    void interfacesAreRejected() {
        assertTrue(unsupported(Shape.class).contains(Shape.class.getName()));
    }

    @Test
    void classesWithoutPublicPropertiesAreRejected() {
        String message = unsupported(NoProperties.class);
        assertTrue(message.contains(NoProperties.class.getName()), message);
    }

    @Test
    void anUnsupportedComponentIsNamedWithItsRecordAndComponent() {
        String message = unsupported(HoldsObject.class);
        assertTrue(message.startsWith("in HoldsObject.payload: "), message);
        assertTrue(message.contains("java.lang.Object"), message);

        // deeper down, the innermost owner is named
        assertTrue(unsupported(Wrapper.class).startsWith("in HoldsObject.payload: "));
    }

    @Test
    void jsonbTransientRecordComponentsAreLeftOut() throws Exception {
        JsonObject schema = input(WithTransient.class);
        assertEquals(Set.of("id"), schema.getJsonObject("properties").keySet());
        assertEquals(List.of("id"), strings(schema.getJsonArray("required")));
    }

    @Test
    void jsonbAnnotationsOnPrivateFieldsAreHonoured() throws Exception {
        assertEquals(
                Set.of("full_name"),
                input(Account.class).getJsonObject("properties").keySet());
    }
}

package dev.mcpauth.runtime.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6570 level 1 templates: what a deployment accepts, and which URIs a template serves with which variables. */
class UriTemplateTest {

    private static UriTemplate template(String text) {
        UriTemplate.Parsed parsed = UriTemplate.parse(text);
        assertTrue(parsed.template().isPresent(), () -> text + " refused: " + parsed.problem());
        return parsed.template().get();
    }

    private static String problem(String text) {
        UriTemplate.Parsed parsed = UriTemplate.parse(text);
        assertTrue(parsed.template().isEmpty(), () -> text + " accepted");
        return parsed.problem();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tickets://{id}",
                "test://template/{id}/data",
                "tickets://{project}/{id}",
                "urn:ticket:{id}",
                "file:///var/{name}.txt",
                "tickets://open",
                "docs://{page_2}"
            })
    void level1TemplatesAreAcceptedAndKeepTheirText(String text) {
        assertEquals(text, template(text).text());
    }

    @Test
    void theVariablesAreListedInTheOrderTheyAppear() {
        assertEquals(
                List.of("project", "id"),
                template("tickets://{project}/issues/{id}").variables());
        assertEquals(List.of(), template("tickets://open").variables());
    }

    @Test
    void templatesThatDifferOnlyInVariableNamesHaveOneShape() {
        assertEquals(
                "tickets://{}/issues/{}",
                template("tickets://{project}/issues/{id}").shape());
        assertEquals(
                template("tickets://{id}").shape(),
                template("tickets://{ticket_id}").shape());
        assertNotEquals(
                template("tickets://{id}").shape(),
                template("tickets://{id}/summary").shape());
    }

    @Test
    void unbalancedBracesAreRefused() {
        assertEquals("a '{' without its '}'", problem("tickets://{id"));
        assertEquals("a '}' without its '{'", problem("tickets://id}"));
        assertEquals("a '}' without its '{'", problem("tickets://{id}}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tickets://{+path}",
                "tickets://{?query}",
                "tickets://{id*}",
                "tickets://{a,b}",
                "tickets://{}",
                "tickets://{ticket-id}",
                "tickets://{a{b}}"
            })
    void variablesBeyondLevel1AreRefusedNamingTheVariable(String text) {
        String problem = problem(text);
        assertTrue(problem.contains("is not a simple variable"), problem);
        assertTrue(problem.startsWith("'{"), problem);
    }

    @Test
    void aVariableUsedTwiceIsRefused() {
        assertEquals("the variable 'id' appears twice", problem("tickets://{id}/copy/{id}"));
    }

    @Test
    void adjacentVariablesAreRefusedSinceTheyCannotBeToldApart() {
        assertEquals(
                "two variables with nothing between them cannot be told apart", problem("tickets://{project}{id}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{id}", "tickets/{id}", "/tickets/{id}", "1tickets:{id}"})
    void aTemplateWithoutASchemeIsRefused(String text) {
        assertEquals("it has no URI scheme (such as tickets://)", problem(text));
    }

    @Test
    void aMatchingUriGivesEachVariableItsValue() {
        assertEquals(
                Optional.of(Map.of("id", "123")),
                template("test://template/{id}/data").match("test://template/123/data"));
        assertEquals(
                Optional.of(Map.of("project", "desk", "id", "T-1")),
                template("tickets://{project}/issues/{id}").match("tickets://desk/issues/T-1"));
    }

    @Test
    void aFixedTemplateMatchesOnlyItsOwnText() {
        UriTemplate open = template("tickets://open");
        assertEquals(Optional.of(Map.of()), open.match("tickets://open"));
        assertEquals(Optional.empty(), open.match("tickets://opened"));
    }

    @Test
    void literalPartsAreMatchedLiterallyNotAsRegularExpressions() {
        UriTemplate dotted = template("files://{name}.txt");
        assertEquals(Optional.of(Map.of("name", "notes")), dotted.match("files://notes.txt"));
        assertEquals(Optional.empty(), dotted.match("files://notesXtxt"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "test://template/1/2/data",
                "test://template//data",
                "test://template/123/data/more",
                "test://template/123",
                "other://template/123/data",
                "test://template/123?x/data",
                "test://template/12#3/data",
                "test://template/%zz/data"
            })
    void aVariableNeverSpansSegmentsAndOtherUrisDoNotMatch(String uri) {
        assertEquals(Optional.empty(), template("test://template/{id}/data").match(uri));
    }

    @ParameterizedTest
    @CsvSource({
        "test://template/a%20b/data, a b",
        "test://template/T%2D1/data, T-1",
        "test://template/caf%C3%A9/data, café",
        "test://template/a%2Fb/data, a/b",
        "test://template/a+b/data, a+b",
        "test://template/a%2Bb/data, a+b"
    })
    void valuesArePercentDecodedAndAPlusIsKept(String uri, String id) {
        assertEquals(
                Optional.of(Map.of("id", id)),
                template("test://template/{id}/data").match(uri));
    }

    @Test
    void aVariableEndsWhereTheLiteralAfterItFirstFollows() {
        assertEquals(
                Optional.of(Map.of("a", "1", "b", "2-3")),
                template("x://{a}-{b}").match("x://1-2-3"));
        assertEquals(
                Optional.of(Map.of("name", "a")), template("files://{name}.txt").match("files://a.txt"));
        assertEquals(Optional.empty(), template("files://{name}.txt").match("files://a.txt.txt"));
    }

    @Test
    void matchingTakesLinearTimeWhereABacktrackingPatternTookQuadratic() {
        // with one ([^/?#]+) group per variable, this URI took minutes to fail (300,000 separators, every split tried)
        String separators = "-".repeat(300_000);
        UriTemplate twoVariables = template("x://{a}-{b}");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals(Optional.empty(), twoVariables.match("x://" + separators + "/"));
            assertEquals(Optional.empty(), template("x://{a}-{b}-end").match("x://" + separators + "x"));
            assertTrue(twoVariables.match("x://" + separators).isPresent());
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a/b",
                "../../etc/passwd",
                "..",
                ".",
                "a\\b",
                "nul\u0000",
                "line\nbreak",
                "tab\there",
                "del\u007f"
            })
    void decodedValuesThatNameAnotherPathOrCarryControlCharactersAreUnsafe(String value) {
        assertTrue(UriTemplate.unsafe(value).isPresent(), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"T-1001", "a b", "café", "...", "a..b", ".hidden", "x%2Fy", "100%"})
    void ordinaryValuesAreSafe(String value) {
        assertEquals(Optional.empty(), UriTemplate.unsafe(value), value);
    }

    @Test
    void encodedTraversalDecodesToAnUnsafeValue() {
        Map<String, String> values = template("files://{name}")
                .match("files://%2E%2E%2F%2E%2E%2Fetc%2Fpasswd")
                .orElseThrow();
        assertEquals("../../etc/passwd", values.get("name"));
        assertEquals(Optional.of("it contains '/'"), UriTemplate.unsafe(values.get("name")));
        assertEquals(
                Optional.of("it is '..'"),
                UriTemplate.unsafe(template("files://{name}")
                        .match("files://%2E%2E")
                        .orElseThrow()
                        .get("name")));
    }
}

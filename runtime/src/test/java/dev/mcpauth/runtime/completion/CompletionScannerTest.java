package dev.mcpauth.runtime.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mcpauth.CompletePrompt;
import dev.mcpauth.CompleteResourceTemplate;
import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.McpInput;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.features.ContextArgument;
import dev.mcpauth.runtime.features.ScanResult;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A completion method takes the partial value and returns suggestions; anything else fails the deployment with 0140. */
class CompletionScannerTest {

    public static class Completions {
        @CompletePrompt(prompt = "reply_to_ticket", argument = "tone")
        public List<String> tones(String value) {
            return List.of();
        }

        @CompleteResourceTemplate(uriTemplate = "tickets://{id}", variable = "id")
        public Set<String> ticketIds(McpCaller caller, String prefix, McpClient client) {
            return Set.of();
        }

        @CompletePrompt(prompt = "p", argument = "a")
        public Collection<String> anyCollection(String value) {
            return List.of();
        }

        @CompletePrompt(prompt = "p", argument = "a")
        public List<String> asks(String value, McpInput input) {
            return List.of();
        }

        @CompletePrompt(prompt = "p", argument = "a")
        public List<String> noValue(McpCaller caller) {
            return List.of();
        }

        @CompletePrompt(prompt = "p", argument = "a")
        public List<String> twoValues(String value, String other) {
            return List.of();
        }

        @CompletePrompt(prompt = "p", argument = "a")
        public List<String> numberValue(int value) {
            return List.of();
        }

        @CompletePrompt(prompt = "p", argument = "a")
        public List<String> extraParameter(String value, int limit) {
            return List.of();
        }

        @CompleteResourceTemplate(uriTemplate = "t://{v}", variable = "v")
        public String returnsOneString(String value) {
            return "";
        }

        @CompleteResourceTemplate(uriTemplate = "t://{v}", variable = "v")
        public List<Integer> returnsNumbers(String value) {
            return List.of();
        }

        @SuppressWarnings("rawtypes")
        @CompleteResourceTemplate(uriTemplate = "t://{v}", variable = "v")
        public List rawList(String value) {
            return List.of();
        }

        @CompleteResourceTemplate(uriTemplate = "t://{v}", variable = "v")
        public String[] returnsArray(String value) {
            return new String[0];
        }

        @CompletePrompt(prompt = "p", argument = "a")
        List<String> packagePrivate(String value) {
            return List.of();
        }
    }

    private static ScanResult<CompletionDefinition> scan(String name) {
        List<Method> found = Arrays.stream(Completions.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name))
                .toList();
        assertEquals(1, found.size(), name);
        return CompletionScanner.scan(found.get(0), null, AccessRequirement.of(found.get(0), Completions.class));
    }

    private static CompletionDefinition define(String name) {
        ScanResult<CompletionDefinition> outcome = scan(name);
        assertEquals(List.of(), outcome.problems());
        return outcome.definition();
    }

    private static String where(String method) {
        return Completions.class.getName() + "#" + method;
    }

    @Test
    void aPromptArgumentCompletionKnowsWhatItCompletes() {
        CompletionDefinition tones = define("tones");
        assertEquals(CompletionDefinition.Kind.PROMPT, tones.kind());
        assertEquals("reply_to_ticket", tones.ref());
        assertEquals("tone", tones.argument());
        assertEquals(List.of(CompletionDefinition.Parameter.VALUE), tones.parameters());
        assertEquals("ref/prompt reply_to_ticket (tone)", tones.label());
    }

    @Test
    void aTemplateVariableCompletionMayTakeCallerAndClientAnywhere() {
        CompletionDefinition ids = define("ticketIds");
        assertEquals(CompletionDefinition.Kind.RESOURCE, ids.kind());
        assertEquals("tickets://{id}", ids.ref());
        assertEquals("id", ids.argument());
        assertEquals(
                List.of(
                        new CompletionDefinition.Parameter(ContextArgument.CALLER),
                        CompletionDefinition.Parameter.VALUE,
                        new CompletionDefinition.Parameter(ContextArgument.CLIENT)),
                ids.parameters());
        assertEquals("ref/resource tickets://{id} (id)", ids.label());
    }

    @Test
    void anyCollectionOfStringsIsASuggestionList() {
        define("anyCollection");
    }

    @ParameterizedTest
    @ValueSource(strings = {"noValue", "twoValues", "numberValue", "extraParameter"})
    void aPromptCompletionWithoutExactlyOneStringValueFailsWith0140(String method) {
        ScanResult<CompletionDefinition> outcome = scan(method);
        assertNull(outcome.definition());
        assertEquals(
                List.of(
                        "MCPAUTH-0140: @CompletePrompt " + where(method) + " must take the partial value as one String"
                                + " parameter (McpCaller and McpClient are allowed too) and return a List<String> of suggestions"),
                outcome.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"returnsOneString", "returnsNumbers", "rawList", "returnsArray"})
    void aTemplateCompletionNotReturningStringsFailsWith0140(String method) {
        ScanResult<CompletionDefinition> outcome = scan(method);
        assertNull(outcome.definition());
        assertEquals(
                List.of(
                        "MCPAUTH-0140: @CompleteResourceTemplate " + where(method)
                                + " must take the partial value as one"
                                + " String parameter (McpCaller and McpClient are allowed too) and return a List<String> of suggestions"),
                outcome.problems());
    }

    @Test
    void aCompletionCannotTakeInputAndFailsWith0115() {
        ScanResult<CompletionDefinition> outcome = scan("asks");
        assertNull(outcome.definition());
        assertEquals(
                List.of("MCPAUTH-0115: @CompletePrompt " + where("asks")
                        + " takes an McpInput, which a completion cannot use"
                        + " (only: tool, prompt): a resource read and a completion have no rounds to ask in, and only a tool's answer can be"
                        + " a stream of progress"),
                outcome.problems());
    }

    @Test
    void aMethodThatIsNotPublicFailsWith0114() {
        ScanResult<CompletionDefinition> outcome = scan("packagePrivate");
        assertNull(outcome.definition());
        assertEquals(
                List.of("MCPAUTH-0114: @CompletePrompt " + where("packagePrivate")
                        + " must be a public instance method"),
                outcome.problems());
    }
}

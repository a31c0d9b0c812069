package dev.mcpauth.runtime.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.McpProgress;
import dev.mcpauth.Prompt;
import dev.mcpauth.PromptArg;
import dev.mcpauth.PromptMessage;
import dev.mcpauth.RequiresScope;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.features.ContextArgument;
import dev.mcpauth.runtime.features.ScanResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a prompt method becomes at deployment: the {@code prompts/list} descriptor, or each problem with its id. */
class PromptScannerTest {

    public static class Prompts {
        @Prompt(title = "Reply to a ticket", description = "Drafts a reply in a tone")
        public List<PromptMessage> replyToTicket(
                @PromptArg(description = "the ticket id") String ticketId,
                Optional<String> tone,
                @PromptArg(name = "sign_off", required = false) String signOff,
                McpCaller caller,
                McpClient client) {
            return List.of();
        }

        @Prompt(name = "greeting")
        public String greet() {
            return "";
        }

        @Prompt
        public PromptMessage single(String topic) {
            return PromptMessage.user(topic);
        }

        @Prompt
        public String numbers(int count, List<String> items) {
            return "";
        }

        @Prompt
        public Integer returnsNumber() {
            return 0;
        }

        @Prompt
        public String reportsProgress(McpProgress progress) {
            return "x";
        }

        @Prompt
        public List<String> returnsStrings() {
            return List.of();
        }

        @Prompt
        public void returnsNothing() {}

        @Prompt
        String packagePrivate() {
            return "";
        }

        @Prompt
        public static String staticPrompt() {
            return "";
        }

        @Prompt
        public String twice(@PromptArg(name = "x") String a, @PromptArg(name = "x") String b) {
            return "";
        }

        @Prompt
        @RequiresScope("tickets\"read")
        public String invalidScope() {
            return "";
        }
    }

    private static ScanResult<PromptDefinition> scan(Class<?> type, String name) {
        List<Method> found = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(name))
                .toList();
        assertEquals(1, found.size(), name);
        return PromptScanner.scan(found.get(0), null, AccessRequirement.of(found.get(0), type));
    }

    private static PromptDefinition define(String name) {
        ScanResult<PromptDefinition> outcome = scan(Prompts.class, name);
        assertEquals(List.of(), outcome.problems());
        return outcome.definition();
    }

    private static List<String> problems(String name) {
        ScanResult<PromptDefinition> outcome = scan(Prompts.class, name);
        assertNull(outcome.definition());
        return outcome.problems();
    }

    private static String where(String method) {
        return Prompts.class.getName() + "#" + method;
    }

    @Test
    void thePromptIsListedWithNameTitleDescriptionAndArguments() {
        JsonObject descriptor = define("replyToTicket").descriptor();
        assertEquals("reply_to_ticket", descriptor.getString("name"));
        assertEquals("Reply to a ticket", descriptor.getString("title"));
        assertEquals("Drafts a reply in a tone", descriptor.getString("description"));
        assertEquals(
                List.of(
                        json("name", "ticketId", "description", "the ticket id", "required", true),
                        json("name", "tone", "required", false),
                        json("name", "sign_off", "required", false)),
                descriptor.getJsonArray("arguments"));
    }

    @Test
    void aPromptCannotTakeProgressAndFailsWith0115() {
        assertEquals(
                List.of("MCPAUTH-0115: @Prompt " + where("reportsProgress")
                        + " takes an McpProgress, which a prompt cannot use"
                        + " (only: tool): a resource read and a completion have no rounds to ask in, and only a tool's answer can be a stream"
                        + " of progress"),
                problems("reportsProgress"));
    }

    @Test
    void callerAndClientParametersAreNoArguments() {
        PromptDefinition reply = define("replyToTicket");
        assertEquals(List.of("ticketId", "tone", "sign_off"), reply.argumentNames());
        assertEquals(
                Arrays.asList(null, null, null, ContextArgument.CALLER, ContextArgument.CLIENT),
                reply.parameters().stream().map(PromptParameter::context).toList());
        assertTrue(reply.parameters().get(1).optionalWrapper());
        assertFalse(reply.parameters().get(2).optionalWrapper());
    }

    @Test
    void anExplicitNameWinsAndAPromptWithoutArgumentsListsNone() {
        JsonObject descriptor = define("greet").descriptor();
        assertEquals("greeting", descriptor.getString("name"));
        assertEquals(0, descriptor.getJsonArray("arguments").size());
        assertFalse(descriptor.containsKey("title"));
        assertFalse(descriptor.containsKey("description"));
    }

    @Test
    void aPromptMayReturnOneMessage() {
        assertNotNull(define("single"));
    }

    @Test
    void anArgumentThatIsNotAStringFailsWith0130ForEachParameter() {
        assertEquals(
                List.of(
                        "MCPAUTH-0130: @Prompt " + where("numbers")
                                + " parameter 'count' is a int: prompt arguments are String (or"
                                + " Optional<String> when not required); McpCaller and McpClient are allowed too",
                        "MCPAUTH-0130: @Prompt " + where("numbers")
                                + " parameter 'items' is a java.util.List<java.lang.String>: prompt"
                                + " arguments are String (or Optional<String> when not required); McpCaller and McpClient are allowed too"),
                problems("numbers"));
    }

    @Test
    void aReturnTypeThatIsNotMessagesFailsWith0131() {
        assertEquals(
                List.of("MCPAUTH-0131: @Prompt " + where("returnsNumber")
                        + " returns java.lang.Integer: a prompt returns a"
                        + " String (one user message), a PromptMessage, or a List<PromptMessage>"),
                problems("returnsNumber"));
        assertTrue(problems("returnsStrings")
                .get(0)
                .startsWith("MCPAUTH-0131: @Prompt " + where("returnsStrings")
                        + " returns java.util.List<java.lang.String>"));
        assertTrue(problems("returnsNothing")
                .get(0)
                .startsWith("MCPAUTH-0131: @Prompt " + where("returnsNothing") + " returns void"));
    }

    @Test
    void aMethodThatIsNotAPublicInstanceMethodFailsWith0114() {
        assertEquals(
                List.of("MCPAUTH-0114: @Prompt " + where("packagePrivate") + " must be a public instance method"),
                problems("packagePrivate"));
        assertEquals(
                List.of("MCPAUTH-0114: @Prompt " + where("staticPrompt") + " must be a public instance method"),
                problems("staticPrompt"));
    }

    @Test
    void twoArgumentsWithOneNameFailWith0107() {
        List<String> problems = problems("twice");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("MCPAUTH-0107: "), problems.get(0));
        assertTrue(problems.get(0).contains(where("twice") + " has two parameters named 'x'"), problems.get(0));
    }

    @Test
    void anInvalidScopeFailsWith0109() {
        List<String> problems = problems("invalidScope");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0)
                        .startsWith(
                                "MCPAUTH-0109: @RequiresScope on " + where("invalidScope") + " names 'tickets\"read'"),
                problems.get(0));
    }

    /** Without {@code -parameters} a parameter has no name, so an argument without {@code @PromptArg(name)} has none. */
    @Test
    void anArgumentWithoutANameFailsWith0106(@TempDir Path classes) throws Exception {
        Path source = classes.resolve("p/Unnamed.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package p;
                public class Unnamed {
                    @dev.mcpauth.Prompt
                    public String reply(@dev.mcpauth.PromptArg(name = "id") String named, String unnamed) {
                        return "";
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String api = new File(Prompt.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .getPath();
        // deliberately without -parameters
        assertEquals(0, javac.run(null, null, null, "-classpath", api, "-d", classes.toString(), source.toString()));
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> unnamed = loader.loadClass("p.Unnamed");
            ScanResult<PromptDefinition> outcome = scan(unnamed, "reply");
            assertNull(outcome.definition());
            assertEquals(1, outcome.problems().size(), outcome.problems().toString());
            String problem = outcome.problems().get(0);
            assertTrue(problem.startsWith("MCPAUTH-0106: "), problem);
            assertTrue(
                    problem.contains("p.Unnamed#reply parameter 1 has no name: compile with '-parameters'"), problem);
        }
    }

    /** An expected JSON object from names and values. */
    private static JsonObject json(Object... namesAndValues) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] instanceof Boolean flag) {
                builder.add((String) namesAndValues[i], flag);
            } else {
                builder.add((String) namesAndValues[i], (String) namesAndValues[i + 1]);
            }
        }
        return builder.build();
    }
}

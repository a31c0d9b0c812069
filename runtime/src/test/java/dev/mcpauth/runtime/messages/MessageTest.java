package dev.mcpauth.runtime.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link Message} the one home of the message ids: each id is unique and well-formed, no other source
 * spells one out, and {@code docs/messages.md} documents every one. Read from the sources and that page, so a
 * scattered literal or an undocumented id fails the build.
 */
class MessageTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path HOME = SOURCES.resolve("dev/mcpauth/runtime/messages/Message.java");
    private static final Path MESSAGES_PAGE = Path.of("../docs/messages.md");
    private static final Pattern ID = Pattern.compile("MCPAUTH-\\d{4}");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(MCPAUTH-\\d{4})` \\|");

    @Test
    void idsAreWellFormedAndUnique() {
        List<String> malformed = Arrays.stream(Message.values())
                .map(Message::id)
                .filter(id -> !ID.matcher(id).matches())
                .toList();
        assertEquals(List.of(), malformed);
        Map<String, List<Message>> byId = Arrays.stream(Message.values()).collect(Collectors.groupingBy(Message::id));
        List<String> reused = byId.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::toString)
                .toList();
        assertEquals(List.of(), reused);
    }

    @Test
    void aFormattedMessageStartsWithItsIdAndKeepsTheTextWordForWord() {
        // the id prefix and the text are what users, docs/messages.md and the integration tests search for
        assertEquals(
                "MCPAUTH-0406: mcp.auth.enabled must be true or false, not 'maybe'",
                Message.CONFIG_NOT_BOOLEAN.format("mcp.auth.enabled", "maybe"));
        assertEquals(
                "MCPAUTH-0106: @Tool a.B#c parameter 0 has no name: compile with '-parameters'"
                        + " (maven-compiler-plugin <parameters>true</parameters>) or set @ToolArg(name = ...)",
                Message.TOOL_PARAMETER_UNNAMED.format("@Tool", "a.B#c", 0, "@ToolArg"));
    }

    @Test
    void noOtherSourceSpellsOutAnId() throws IOException {
        List<String> scattered = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.equals(HOME))
                    .toList()) {
                Matcher matcher = ID.matcher(Files.readString(file));
                while (matcher.find()) {
                    scattered.add(SOURCES.relativize(file) + ": " + matcher.group() + " (use Message instead)");
                }
            }
        }
        assertEquals(List.of(), scattered);
    }

    /** Fails until docs/messages.md has a row for every id; the table is written from this enum's javadoc. */
    @Test
    void theMessagesPageDocumentsEveryIdAndNoOther() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(MESSAGES_PAGE)) {
            Matcher row = TABLE_ROW.matcher(line);
            if (row.find()) {
                documented.add(row.group(1));
            }
        }
        Set<String> ids =
                Arrays.stream(Message.values()).map(Message::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> undocumented = new TreeSet<>(ids);
        undocumented.removeAll(documented);
        assertEquals(
                Set.of(), undocumented, "ids without a row `| `MCPAUTH-NNNN` | ... |` in docs/messages.md's table");
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(ids);
        assertEquals(Set.of(), stale, "docs/messages.md rows for ids that Message does not have");
    }
}

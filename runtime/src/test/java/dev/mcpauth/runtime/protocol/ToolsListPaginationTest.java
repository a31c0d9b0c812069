package dev.mcpauth.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.Tool;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.tools.TestTools;
import dev.mcpauth.runtime.tools.ToolDefinition;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolsListPaginationTest {

    public static class FiveTools {
        @Tool
        public String alpha() {
            return "";
        }

        @Tool
        public String bravo() {
            return "";
        }

        @Tool
        public String charlie() {
            return "";
        }

        @Tool
        public String delta() {
            return "";
        }

        @Tool
        public String echo() {
            return "";
        }
    }

    private static final List<ToolDefinition> TOOLS = TestTools.defineAll(FiveTools.class);

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("name"))
                .toList();
    }

    private static JsonObject withCursor(String cursor) {
        return Json.createObjectBuilder().add("cursor", cursor).build();
    }

    @Test
    void pagesOfTwoFollowTheCursorChainThroughEveryToolExactlyOnce() {
        List<List<String>> pages = new ArrayList<>();
        JsonObject page = ToolsHandler.list(JsonValue.EMPTY_JSON_OBJECT, TOOLS, 2);
        pages.add(names(page));
        while (page.containsKey("nextCursor")) {
            page = ToolsHandler.list(withCursor(page.getString("nextCursor")), TOOLS, 2);
            pages.add(names(page));
        }
        assertEquals(List.of(List.of("alpha", "bravo"), List.of("charlie", "delta"), List.of("echo")), pages);
    }

    @Test
    void everythingFitsOnOnePageWithoutACursor() {
        JsonObject page = ToolsHandler.list(JsonValue.EMPTY_JSON_OBJECT, TOOLS, 100);
        assertEquals(List.of("alpha", "bravo", "charlie", "delta", "echo"), names(page));
        assertFalse(page.containsKey("nextCursor"));
    }

    @Test
    void aPageExactlyFullOfTheLastToolsHasNoNextCursor() {
        JsonObject page = ToolsHandler.list(JsonValue.EMPTY_JSON_OBJECT, TOOLS, 5);
        assertEquals(5, names(page).size());
        assertFalse(page.containsKey("nextCursor"));
    }

    @Test
    void listedToolsCarryTheirDescriptors() {
        JsonObject first = ToolsHandler.list(JsonValue.EMPTY_JSON_OBJECT, TOOLS, 1)
                .getJsonArray("tools")
                .getJsonObject(0);
        assertEquals("alpha", first.getString("name"));
        assertTrue(first.containsKey("inputSchema"));
    }

    @Test
    void noToolsGiveAnEmptyList() {
        JsonObject page = ToolsHandler.list(JsonValue.EMPTY_JSON_OBJECT, List.of(), 2);
        assertEquals(List.of(), names(page));
        assertFalse(page.containsKey("nextCursor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage!", "", "not a cursor"})
    void aCursorThatIsNotOneOfOursIsAnInvalidParamsError(String cursor) {
        JsonRpcException error =
                assertThrows(JsonRpcException.class, () -> ToolsHandler.list(withCursor(cursor), TOOLS, 2));
        assertEquals(JsonRpcError.INVALID_PARAMS, error.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tools:99", "tools:-1", "tools:x", "hello"})
    void aWellEncodedCursorWithABadOffsetIsAnInvalidParamsError(String content) {
        String cursor =
                Base64.getUrlEncoder().withoutPadding().encodeToString(content.getBytes(StandardCharsets.US_ASCII));
        JsonRpcException error =
                assertThrows(JsonRpcException.class, () -> ToolsHandler.list(withCursor(cursor), TOOLS, 2));
        assertEquals(JsonRpcError.INVALID_PARAMS, error.error());
    }

    @Test
    void aCursorThatIsNotAStringIsAnInvalidParamsError() {
        JsonObject params = Json.createObjectBuilder().add("cursor", 2).build();
        JsonRpcException error = assertThrows(JsonRpcException.class, () -> ToolsHandler.list(params, TOOLS, 2));
        assertEquals(JsonRpcError.INVALID_PARAMS, error.error());
    }
}

package dev.mcpauth.runtime.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpClient;
import dev.mcpauth.McpInput;
import dev.mcpauth.MissingClientCapabilityException;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which questions a client can be asked, and what a URL-mode elicitation sends, in both eras. */
class QuestionsTest {

    private static McpClient client(Map<String, Object> capabilities) {
        return new McpClient("2025-11-25", "c", "1", capabilities, true);
    }

    @Test
    void anEmptyElicitationCapabilityIsFormOnlyAndUrlModeMustBeDeclared() {
        McpInput formOnly = new LiveInteraction(client(Map.of("elicitation", Map.of())), (m, p) -> Map.of());
        assertTrue(formOnly.canAsk(McpInput.ELICITATION));
        assertFalse(formOnly.canAsk(McpInput.URL_ELICITATION));
        MissingClientCapabilityException missing = assertThrows(
                MissingClientCapabilityException.class,
                () -> formOnly.elicitUrl("pay", "Pay the invoice", "https://pay.example/i/1"));
        assertEquals(List.of(McpInput.URL_ELICITATION), missing.missing());

        McpInput urlOnly =
                new LiveInteraction(client(Map.of("elicitation", Map.of("url", Map.of()))), (m, p) -> Map.of());
        assertTrue(urlOnly.canAsk(McpInput.URL_ELICITATION));
        assertFalse(urlOnly.canAsk(McpInput.ELICITATION), "a client that declared only url mode gets no forms");
    }

    @Test
    void aUrlElicitationSendsTheUrlModeWithAnElicitationIdAndNeverTheUrlInAForm() {
        List<JsonObject> sent = new ArrayList<>();
        McpInput live = new LiveInteraction(
                client(Map.of("elicitation", Map.of("form", Map.of(), "url", Map.of()))), (method, params) -> {
                    assertEquals("elicitation/create", method);
                    sent.add(params);
                    return Map.of("action", "accept");
                });
        assertTrue(live.elicitUrl("pay", "Pay the invoice", "https://pay.example/i/1")
                .accepted());
        JsonObject params = sent.get(0);
        assertEquals("url", params.getString("mode"));
        assertEquals("https://pay.example/i/1", params.getString("url"));
        assertEquals("Pay the invoice", params.getString("message"));
        assertFalse(params.getString("elicitationId").isBlank());
        assertFalse(params.containsKey("requestedSchema"));
    }

    @Test
    void inA2026RoundTheUrlQuestionIsAnInputRequest() {
        Interaction round = new Interaction(
                new McpClient("2026-07-28", "c", "1", Map.of("elicitation", Map.of("url", Map.of())), true),
                true,
                Map.of(),
                Map.of());
        McpInput.Answer answer = round.elicitUrl("pay", "Pay the invoice", "https://pay.example/i/1");
        assertThrows(McpInput.InputRequired.class, answer::accepted);
        JsonObject asked = round.inputRequests().getJsonObject("pay");
        assertEquals("elicitation/create", asked.getString("method"));
        assertEquals("url", asked.getJsonObject("params").getString("mode"));
    }
}

package dev.mcpauth.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sealed {@code requestState} of multi round-trip calls: confidential, tamper-proof, bound, expiring, rotatable. */
class RequestStatesTest {

    private static final byte[] KEY_A = Base64.getDecoder().decode("q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=");
    private static final byte[] KEY_B = Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private static final JsonObject ARGUMENTS =
            Json.createObjectBuilder().add("ticketId", "T-1").add("text", "hi").build();
    private static final String BINDING =
            RequestStates.binding("https://idp", "alice", "desk", "tools/call draft_reply", ARGUMENTS);
    private static final RequestStates.Contents CONTENTS = new RequestStates.Contents(
            Map.of("confirm", Map.of("action", "accept", "content", Map.of("ok", true))),
            Map.of("step", "2"),
            Set.of("confirm"));

    private static RequestStates states(Clock clock, byte[]... keys) {
        return new RequestStates(List.of(keys), 600, clock);
    }

    private static void assertRefused(String why, Runnable open) {
        JsonRpcException refused = assertThrows(JsonRpcException.class, open::run);
        assertEquals(JsonRpcError.INVALID_PARAMS, refused.error());
        assertTrue(
                refused.getMessage().startsWith("Invalid requestState: ")
                        && refused.getMessage().contains(why),
                refused.getMessage());
    }

    @Test
    void aStateIsGoodForOneRoundOnEveryInstance() {
        dev.mcpauth.runtime.state.SharedMap used = new dev.mcpauth.runtime.state.InMemoryState().map("used");
        String state = states(NOW, KEY_A).seal(BINDING, CONTENTS);
        RequestStates instanceA = states(NOW, KEY_A).singleUse(used);
        RequestStates instanceB = states(NOW, KEY_A).singleUse(used);
        assertEquals(CONTENTS.kept(), instanceA.open(state, BINDING).kept());
        assertRefused("used already", () -> instanceA.open(state, BINDING));
        assertRefused("used already", () -> instanceB.open(state, BINDING));
        // a state refused for another reason is not spent: its owner can still use it
        String other = states(NOW, KEY_A).seal(BINDING, CONTENTS);
        assertRefused("another caller", () -> instanceA.open(other, "someone else"));
        assertEquals(CONTENTS.kept(), instanceB.open(other, BINDING).kept());
    }

    @Test
    void aStateOpensWithItsContentsAndShowsNothingInClear() {
        String state = states(NOW, KEY_A).seal(BINDING, CONTENTS);
        assertEquals(CONTENTS.kept(), states(NOW, KEY_A).open(state, BINDING).kept());
        assertEquals(
                Map.of("action", "accept", "content", Map.of("ok", true)),
                states(NOW, KEY_A).open(state, BINDING).answers().get("confirm"));
        String decoded = new String(Base64.getUrlDecoder().decode(state));
        assertTrue(!decoded.contains("confirm") && !decoded.contains("accept") && !decoded.contains("step"), decoded);
        assertNotEquals(state, states(NOW, KEY_A).seal(BINDING, CONTENTS), "a fresh nonce each time");
    }

    @Test
    void aChangedStateIsRefused() {
        String state = states(NOW, KEY_A).seal(BINDING, CONTENTS);
        char last = state.charAt(state.length() - 2);
        String flipped =
                state.substring(0, state.length() - 2) + (last == 'A' ? 'B' : 'A') + state.charAt(state.length() - 1);
        assertRefused(
                "not issued by this server or was changed",
                () -> states(NOW, KEY_A).open(flipped, BINDING));
        assertRefused(
                "not issued by this server or was changed",
                () -> states(NOW, KEY_A).open(state + "-TAMPERED", BINDING));
        assertRefused(
                "not issued by this server or was changed",
                () -> states(NOW, KEY_A).open("", BINDING));
    }

    @Test
    void anExpiredStateIsRefused() {
        String state = states(NOW, KEY_A).seal(BINDING, CONTENTS);
        Clock later = Clock.offset(NOW, java.time.Duration.ofSeconds(601));
        assertRefused("expired", () -> states(later, KEY_A).open(state, BINDING));
    }

    @Test
    void aStateOfAnotherCallerToolOrArgumentsIsRefused() {
        String state = states(NOW, KEY_A).seal(BINDING, CONTENTS);
        for (String other : List.of(
                RequestStates.binding("https://idp", "bob", "desk", "tools/call draft_reply", ARGUMENTS),
                RequestStates.binding("https://other-idp", "alice", "desk", "tools/call draft_reply", ARGUMENTS),
                RequestStates.binding("https://idp", "alice", "other-app", "tools/call draft_reply", ARGUMENTS),
                RequestStates.binding("https://idp", "alice", "desk", "tools/call close_ticket", ARGUMENTS),
                RequestStates.binding(
                        "https://idp",
                        "alice",
                        "desk",
                        "tools/call draft_reply",
                        Json.createObjectBuilder()
                                .add("ticketId", "T-2")
                                .add("text", "hi")
                                .build()))) {
            assertRefused(
                    "another caller, tool or arguments",
                    () -> states(NOW, KEY_A).open(state, other));
        }
    }

    @Test
    void noFieldCanShiftIntoItsNeighbour() {
        // with fields joined by a separator, these pairs bound alike: a value could carry the separator
        assertNotEquals(
                RequestStates.binding("https://idp\nalice", "x", "desk", "tools/call t", ARGUMENTS),
                RequestStates.binding("https://idp", "alice\nx", "desk", "tools/call t", ARGUMENTS));
        assertNotEquals(
                RequestStates.binding("https://idp", "alice", "desk\ntools/call t", "", ARGUMENTS),
                RequestStates.binding("https://idp", "alice", "desk", "tools/call t\n", ARGUMENTS));
        assertNotEquals(
                RequestStates.binding("https://idp", "alice", null, "tools/call t", ARGUMENTS),
                RequestStates.binding("https://idp", "alice", "null", "tools/call t", ARGUMENTS));
    }

    @Test
    void argumentsInAnotherOrderBindTheSame() {
        JsonObject reordered = Json.createObjectBuilder()
                .add("text", "hi")
                .add("ticketId", "T-1")
                .build();
        assertEquals(
                BINDING, RequestStates.binding("https://idp", "alice", "desk", "tools/call draft_reply", reordered));
    }

    @Test
    void keysRotateAndInstancesWithTheSameKeysOpenEachOthersStates() {
        String sealedWithA = states(NOW, KEY_A).seal(BINDING, CONTENTS);
        // a second instance with the same key
        assertEquals(
                CONTENTS.kept(), states(NOW, KEY_A).open(sealedWithA, BINDING).kept());
        // rotation: B seals now, A still opens what it sealed
        RequestStates rotated = states(NOW, KEY_B, KEY_A);
        assertEquals(CONTENTS.kept(), rotated.open(sealedWithA, BINDING).kept());
        String sealedWithB = rotated.seal(BINDING, CONTENTS);
        assertRefused("not issued by this server", () -> states(NOW, KEY_A).open(sealedWithB, BINDING));
        // without configured keys, an instance makes up its own: nobody else opens its states
        assertRefused("not issued by this server", () -> states(NOW).open(sealedWithA, BINDING));
    }
}

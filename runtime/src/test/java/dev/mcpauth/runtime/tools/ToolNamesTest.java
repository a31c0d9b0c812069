package dev.mcpauth.runtime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ToolNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "searchTickets, search_tickets",
        "search, search",
        "getURL, get_url",
        "parseHTTPResponse, parse_http_response",
        "getV2Data, get_v2_data",
        "base64Encode, base64_encode",
        "sha256, sha256",
        "already_snake, already_snake",
    })
    void derivedNamesAreSnakeCaseOfTheMethodName(String methodName, String toolName) {
        assertEquals(toolName, ToolNames.fromMethodName(methodName));
    }

    @Test
    void derivedNamesOfOrdinaryMethodsAreValid() {
        assertTrue(ToolNames.isValid(ToolNames.fromMethodName("parseHTTPResponse")));
    }

    @Test
    void namesUpTo128CharactersAreValid() {
        assertTrue(ToolNames.isValid("a"));
        assertTrue(ToolNames.isValid("a".repeat(128)));
    }

    @Test
    void namesLongerThan128CharactersOrEmptyAreInvalid() {
        assertFalse(ToolNames.isValid("a".repeat(129)));
        assertFalse(ToolNames.isValid(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tickets.search", "search-tickets", "search_tickets", "Search2", "v1.tickets-search_all"})
    void lettersDigitsDotsDashesAndUnderscoresAreValid(String name) {
        assertTrue(ToolNames.isValid(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"search tickets", "tickets/search", "tickéts", "工具", "search:tickets", "a\tb", "search@v1"})
    void spacesSlashesPunctuationAndNonAsciiAreInvalid(String name) {
        assertFalse(ToolNames.isValid(name));
    }
}

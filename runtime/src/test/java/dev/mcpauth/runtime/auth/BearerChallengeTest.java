package dev.mcpauth.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code WWW-Authenticate} values a client receives, character for character. */
class BearerChallengeTest {

    private static final String PRM = "http://x/.well-known/oauth-protected-resource/mcp";

    @Test
    void aRequestWithoutTokenIsToldTheScopeAndWhereTheMetadataIs() {
        assertEquals(
                "Bearer scope=\"tickets:read\", resource_metadata=\"" + PRM + "\"",
                BearerChallenge.format(null, null, List.of("tickets:read"), PRM));
    }

    @Test
    void severalScopesAreSpaceSeparatedInOneValue() {
        assertEquals(
                "Bearer scope=\"tickets:read tickets:write\", resource_metadata=\"" + PRM + "\"",
                BearerChallenge.format(null, null, List.of("tickets:read", "tickets:write"), PRM));
    }

    @Test
    void aRejectedTokenGetsTheErrorAndItsDescriptionFirst() {
        assertEquals(
                "Bearer error=\"invalid_token\", error_description=\"The token has expired\", scope=\"tickets:read\","
                        + " resource_metadata=\"" + PRM + "\"",
                BearerChallenge.format(
                        BearerChallenge.INVALID_TOKEN, "The token has expired", List.of("tickets:read"), PRM));
    }

    @Test
    void withoutScopesTheScopeParameterIsLeftOut() {
        assertEquals("Bearer resource_metadata=\"" + PRM + "\"", BearerChallenge.format(null, null, List.of(), PRM));
        assertEquals(
                "Bearer error=\"invalid_request\", resource_metadata=\"" + PRM + "\"",
                BearerChallenge.format(BearerChallenge.INVALID_REQUEST, null, List.of(), PRM));
    }

    @Test
    void aDescriptionWithoutAnErrorIsNotSent() {
        assertEquals(
                "Bearer resource_metadata=\"" + PRM + "\"", BearerChallenge.format(null, "ignored", List.of(), PRM));
    }

    @Test
    void quotedValuesEscapeQuoteAndBackslashAndDropControlCharacters() {
        assertEquals("a\\\"b\\\\c", BearerChallenge.quoted("a\"b\\c"));
        assertEquals("abc", BearerChallenge.quoted("a\r\nb\u0000\u007Fc"));
        assertEquals(
                "Bearer resource_metadata=\"http://x/\\\"y\"",
                BearerChallenge.format(null, null, List.of(), "http://x/\r\n\"y"));
    }

    @Test
    void theDescriptionKeepsOnlyTheCharactersRfc6750Allows() {
        assertEquals("say 'hi' now", BearerChallenge.descriptionCharacters("say \"hi\" now"));
        assertEquals("ab", BearerChallenge.descriptionCharacters("a\\b"));
        assertEquals("tokn caf", BearerChallenge.descriptionCharacters("tok€n café"));
        assertEquals("ab", BearerChallenge.descriptionCharacters("a\r\n\tb"));
    }

    @Test
    void aHostileDescriptionCannotBreakOutOfItsQuotedString() {
        assertEquals(
                "Bearer error=\"invalid_token\", error_description=\"x', scope='admin\", resource_metadata=\"" + PRM
                        + "\"",
                BearerChallenge.format(BearerChallenge.INVALID_TOKEN, "x\", scope=\"admin", List.of(), PRM));
    }
}

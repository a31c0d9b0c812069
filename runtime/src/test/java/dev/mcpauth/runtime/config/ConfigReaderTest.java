package dev.mcpauth.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each kind of value: its default, its parsing, and the message id of a bad value. */
class ConfigReaderTest {

    private static ConfigReader reader(Map<String, String> values) {
        return new ConfigReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build());
    }

    @Test
    void unsetKeysGiveTheDefaultsWithoutProblems() {
        ConfigReader config = reader(Map.of());
        assertEquals(Optional.empty(), config.string("a"));
        assertEquals(Optional.empty(), config.list("a"));
        assertTrue(config.bool("a", true));
        assertEquals(7, config.nonNegativeInt("a", 7));
        assertEquals(8, config.positiveInt("a", 8));
        assertEquals(Optional.empty(), config.httpUrl("a"));
        assertEquals(List.of(), config.problems());
    }

    @Test
    void goodValuesAreRead() {
        ConfigReader config = reader(
                Map.of("s", "  x ", "l", "a, ,b", "b", "FALSE", "n", "0", "p", "3", "u", " https://e.example/x "));
        assertEquals(Optional.of("x"), config.string("s"));
        assertEquals(Optional.of(List.of("a", "b")), config.list("l"));
        assertFalse(config.bool("b", true));
        assertEquals(0, config.nonNegativeInt("n", 7));
        assertEquals(3, config.positiveInt("p", 8));
        assertEquals(Optional.of(URI.create("https://e.example/x")), config.httpUrl("u"));
        assertEquals(List.of(), config.problems());
    }

    @Test
    void everyBadValueIsReportedWithItsIdAndKeyAndTheDefaultKept() {
        ConfigReader config = reader(Map.of("b", "maybe", "n", "-1", "p", "0", "u", "ftp://e.example"));
        assertTrue(config.bool("b", true));
        assertEquals(7, config.nonNegativeInt("n", 7));
        assertEquals(8, config.positiveInt("p", 8));
        assertEquals(Optional.empty(), config.httpUrl("u"));
        assertNull(config.httpUrl("item", "not a url"));
        assertEquals(
                List.of(
                        "MCPAUTH-0406: b must be true or false, not 'maybe'",
                        "MCPAUTH-0407: n must be a whole number of at least 0, not '-1'",
                        "MCPAUTH-0302: p must be a positive integer, not '0'",
                        "MCPAUTH-0404: u must be an absolute http(s) URL, not 'ftp://e.example'",
                        "MCPAUTH-0404: item must be an absolute http(s) URL, not 'not a url'"),
                config.problems());
    }
}

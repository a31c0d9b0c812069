package dev.mcpauth.runtime.config;

import dev.mcpauth.runtime.messages.Message;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Reads MicroProfile Config values of the common kinds and collects one message per bad value, naming the
 * key and the value, so a deployment reports every configuration problem at once instead of the first.
 * Each kind has its message: {@link Message#CONFIG_NOT_POSITIVE_INTEGER}, {@link Message#CONFIG_NOT_HTTP_URL},
 * {@link Message#CONFIG_NOT_BOOLEAN}, {@link Message#CONFIG_NOT_NON_NEGATIVE_INTEGER}. A bad value yields the
 * default (or nothing), so reading goes on and later keys are checked too.
 */
public final class ConfigReader {

    private final Config config;
    private final List<String> problems = new ArrayList<>();

    /**
     * A reader with no problems yet.
     *
     * @param config the application's configuration
     */
    public ConfigReader(Config config) {
        this.config = config;
    }

    /**
     * Every problem found so far, in the order found.
     *
     * @return the messages, each starting with its id
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Records a problem found by the caller's own checks.
     *
     * @param message the message, made by {@link Message#format} so it starts with its id, and naming the key
     */
    public void problem(String message) {
        problems.add(message);
    }

    /**
     * A value as written, if set.
     *
     * @param key the key
     * @return the raw value
     */
    public Optional<String> raw(String key) {
        return config.getOptionalValue(key, String.class);
    }

    /**
     * A value without surrounding white space, if set.
     *
     * @param key the key
     * @return the trimmed value
     */
    public Optional<String> string(String key) {
        return raw(key).map(String::trim);
    }

    /**
     * A comma-separated list, each item trimmed, empty items dropped; empty when the key is not set.
     *
     * @param key the key
     * @return the items
     */
    public Optional<List<String>> list(String key) {
        return config.getOptionalValues(key, String.class)
                .map(values -> values.stream()
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .toList());
    }

    /**
     * {@code true} or {@code false} (any case); anything else is reported ({@link Message#CONFIG_NOT_BOOLEAN}).
     *
     * @param key the key
     * @param defaultValue the value when unset or bad
     * @return the value
     */
    public boolean bool(String key, boolean defaultValue) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String value = raw.get().trim().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return value.equals("true");
        }
        problems.add(Message.CONFIG_NOT_BOOLEAN.format(key, raw.get()));
        return defaultValue;
    }

    /**
     * A whole number of at least 0; anything else is reported ({@link Message#CONFIG_NOT_NON_NEGATIVE_INTEGER}).
     *
     * @param key the key
     * @param defaultValue the value when unset or bad
     * @return the value
     */
    public int nonNegativeInt(String key, int defaultValue) {
        return intAtLeast(key, defaultValue, 0, Message.CONFIG_NOT_NON_NEGATIVE_INTEGER);
    }

    /**
     * A whole number of at least 1; anything else is reported ({@link Message#CONFIG_NOT_POSITIVE_INTEGER}).
     *
     * @param key the key
     * @param defaultValue the value when unset or bad
     * @return the value
     */
    public int positiveInt(String key, int defaultValue) {
        return intAtLeast(key, defaultValue, 1, Message.CONFIG_NOT_POSITIVE_INTEGER);
    }

    private int intAtLeast(String key, int defaultValue, int minimum, Message message) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get().trim());
            if (value >= minimum) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(message.format(key, raw.get()));
        return defaultValue;
    }

    /**
     * An absolute http(s) URL with a host, if set; a bad one is reported ({@link Message#CONFIG_NOT_HTTP_URL}) and read as unset.
     *
     * @param key the key
     * @return the URL
     */
    public Optional<URI> httpUrl(String key) {
        return string(key).map(value -> httpUrl(key, value));
    }

    /**
     * Checks one value (an item of a list, say) as an absolute http(s) URL with a host ({@link Message#CONFIG_NOT_HTTP_URL}).
     *
     * @param key the key the value came from, for the message
     * @param value the value
     * @return the URL, or null when it is not one (and the problem is recorded)
     */
    public URI httpUrl(String key, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(Message.CONFIG_NOT_HTTP_URL.format(key, value));
        return null;
    }
}

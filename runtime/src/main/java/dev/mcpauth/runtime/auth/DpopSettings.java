package dev.mcpauth.runtime.auth;

import static dev.mcpauth.McpConfigKeys.AUTH_DPOP;
import static dev.mcpauth.McpConfigKeys.AUTH_DPOP_ALGORITHMS;
import static dev.mcpauth.McpConfigKeys.AUTH_DPOP_MAX_AGE_SECONDS;
import static dev.mcpauth.McpConfigKeys.AUTH_DPOP_NONCE;
import static dev.mcpauth.McpConfigKeys.AUTH_DPOP_NONCE_SECONDS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_DPOP_ALGORITHMS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_DPOP_MAX_AGE_SECONDS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_DPOP_NONCE_SECONDS;

import com.nimbusds.jose.JWSAlgorithm;
import dev.mcpauth.runtime.config.ConfigReader;
import dev.mcpauth.runtime.messages.Message;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether and how DPoP-bound tokens are accepted (RFC 9449): the mode, the proof algorithms and the proof's time
 * window. Read once at deployment.
 *
 * @param mode disabled, optional or required
 * @param algorithms the accepted proof algorithms, all asymmetric
 * @param window how far a proof's {@code iat} may be from now
 * @param nonces whether proofs must carry a nonce the server issued
 * @param nonceLifetime how long an issued nonce is accepted
 */
public record DpopSettings(
        Mode mode, Set<JWSAlgorithm> algorithms, Duration window, boolean nonces, Duration nonceLifetime) {

    /** Which schemes the resource accepts. */
    public enum Mode {
        /** {@code Bearer} only. */
        DISABLED,
        /** {@code Bearer} and {@code DPoP}. */
        OPTIONAL,
        /** {@code DPoP} only. */
        REQUIRED
    }

    /** The asymmetric algorithms a proof may use: never {@code none}, never an HMAC. */
    static final Set<JWSAlgorithm> ASYMMETRIC = Set.copyOf(JWSAlgorithm.Family.SIGNATURE);

    /** Bearer only. */
    public static final DpopSettings DISABLED = new DpopSettings(
            Mode.DISABLED,
            algorithms(List.of(DEFAULT_DPOP_ALGORITHMS.split(","))),
            Duration.ofSeconds(DEFAULT_DPOP_MAX_AGE_SECONDS),
            false,
            Duration.ofSeconds(DEFAULT_DPOP_NONCE_SECONDS));

    /** Whether the {@code DPoP} scheme is accepted. */
    public boolean enabled() {
        return mode != Mode.DISABLED;
    }

    /**
     * Reads the keys; bad values are reported to the reader.
     *
     * @param reader the configuration
     * @return the settings
     */
    static DpopSettings read(ConfigReader reader) {
        // optional by default: a client that asked its authorization server for a bound token can use it, and a
        // Bearer client sees only a second challenge
        String value = reader.string(AUTH_DPOP).orElse("optional").trim().toLowerCase(Locale.ROOT);
        Mode mode;
        switch (value) {
            case "disabled" -> mode = Mode.DISABLED;
            case "optional" -> mode = Mode.OPTIONAL;
            case "required" -> mode = Mode.REQUIRED;
            default -> {
                reader.problem(Message.CONFIG_DPOP_MODE.format(AUTH_DPOP, value));
                mode = Mode.DISABLED;
            }
        }
        List<String> names = reader.list(AUTH_DPOP_ALGORITHMS).orElse(List.of(DEFAULT_DPOP_ALGORITHMS.split(",")));
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : names) {
            JWSAlgorithm algorithm = JWSAlgorithm.parse(name.trim());
            if (ASYMMETRIC.contains(algorithm)) {
                algorithms.add(algorithm);
            } else {
                reader.problem(Message.CONFIG_DPOP_ALGORITHM.format(AUTH_DPOP_ALGORITHMS, name.trim()));
            }
        }
        int seconds = reader.positiveInt(AUTH_DPOP_MAX_AGE_SECONDS, DEFAULT_DPOP_MAX_AGE_SECONDS);
        boolean nonces = reader.bool(AUTH_DPOP_NONCE, false);
        int nonceSeconds = reader.positiveInt(AUTH_DPOP_NONCE_SECONDS, DEFAULT_DPOP_NONCE_SECONDS);
        return new DpopSettings(
                mode, Set.copyOf(algorithms), Duration.ofSeconds(seconds), nonces, Duration.ofSeconds(nonceSeconds));
    }

    private static Set<JWSAlgorithm> algorithms(List<String> names) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        names.forEach(name -> algorithms.add(JWSAlgorithm.parse(name.trim())));
        return Set.copyOf(algorithms);
    }
}

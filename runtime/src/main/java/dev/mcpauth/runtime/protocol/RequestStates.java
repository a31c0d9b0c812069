package dev.mcpauth.runtime.protocol;

import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.messages.Message;
import dev.mcpauth.runtime.state.SharedMap;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens the {@code requestState} of multi round-trip calls (MCP 2026-07-28, Multi Round-Trip Requests:
 * "when requestState affects authorization it must be integrity-protected"). A state is AES-GCM encrypted with
 * the first configured key (so the client can neither read nor change it) and carries the binding of the round
 * (issuer, subject and client of the caller, the tool or prompt, its arguments) and an expiry. Opening tries every
 * configured key, so keys rotate without breaking calls in flight, and every instance with the same keys opens
 * every other's states.
 */
public final class RequestStates {

    private static final Logger LOG = Logger.getLogger(RequestStates.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A state's fingerprint, which is what the shared map keeps of a used one. */
    private static String fingerprint(String state) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
    /** A state is a few answers and kept values; anything bigger is not ours. */
    static final int MAX_STATE_CHARS = 64 * 1024;

    private final List<SecretKeySpec> keys;
    private final long ttlSeconds;
    private final Clock clock;
    private volatile SharedMap used;

    /**
     * States sealed with these keys.
     *
     * @param configuredKeys the AES keys ({@code mcp.request-state.keys}), the sealing key first; empty to use a
     *     random key of this instance (logged: states then do not survive a restart or reach another instance)
     * @param ttlSeconds how long a state stays valid
     * @param clock the clock
     */
    public RequestStates(List<byte[]> configuredKeys, long ttlSeconds, Clock clock) {
        List<byte[]> raw = configuredKeys;
        if (raw.isEmpty()) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            raw = List.of(random);
            LOG.warning(Message.REQUEST_STATE_RANDOM_KEY.format());
        }
        this.keys = raw.stream().map(bytes -> new SecretKeySpec(bytes, "AES")).toList();
        this.ttlSeconds = ttlSeconds;
        this.clock = clock;
    }

    /**
     * What a state holds besides its binding: the answers so far, the tool's kept values, and the keys of every
     * question asked so far (only answers to those are ever accepted).
     *
     * @param answers the answers so far, by question key
     * @param kept the tool's kept values
     * @param asked the keys of the questions asked in earlier rounds
     */
    public record Contents(Map<String, Object> answers, Map<String, String> kept, Set<String> asked) {
        /** Nothing yet: the first round. */
        public static final Contents NONE = new Contents(Map.of(), Map.of(), Set.of());
    }

    /**
     * Seals a state.
     *
     * @param binding what the state belongs to (see {@link #binding})
     * @param contents the answers and kept values
     * @return the opaque {@code requestState}
     */
    public String seal(String binding, Contents contents) {
        JsonObject payload = Jsonp.object()
                .add("b", binding)
                .add("e", clock.instant().getEpochSecond() + ttlSeconds)
                .add("a", Jsonp.toJson(contents.answers()))
                .add("k", Jsonp.toJson(contents.kept()))
                .add("q", Jsonp.toJson(List.copyOf(contents.asked())))
                .build();
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(0), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(payload.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * These states, each good for one round: opening one a second time, on any instance, is refused. Without it a
     * state could be replayed until it expires.
     *
     * @param used where the states already used are kept (until they would have expired anyway)
     * @return this
     */
    public RequestStates singleUse(SharedMap used) {
        this.used = used;
        return this;
    }

    /**
     * Opens a state the client echoed.
     *
     * @param state the {@code requestState}
     * @param binding what the current request belongs to; the state must have been sealed for exactly that
     * @return the answers and kept values
     * @throws JsonRpcException {@code INVALID_PARAMS} naming why: not ours or changed, expired, or issued for
     *     another caller, tool or arguments
     */
    public Contents open(String state, String binding) {
        JsonObject payload = decrypt(state);
        if (!(payload.get("e") instanceof JsonNumber expiry)
                || expiry.longValue() < clock.instant().getEpochSecond()) {
            throw invalid("it has expired; call the tool again without it");
        }
        if (!(payload.get("b") instanceof JsonString sealedFor)
                || !sealedFor.getString().equals(binding)) {
            throw invalid("it was issued for another caller, tool or arguments");
        }
        SharedMap once = used;
        if (once != null
                && !once.putIfAbsent(
                        fingerprint(state),
                        "",
                        Duration.ofSeconds(
                                Math.max(1, expiry.longValue() - clock.instant().getEpochSecond() + 1)))) {
            throw invalid("it was used already; each state is good for one round");
        }
        Map<String, Object> answers = payload.get("a") instanceof JsonObject a ? Jsonp.toJava(a) : Map.of();
        Map<String, String> kept = new LinkedHashMap<>();
        if (payload.get("k") instanceof JsonObject k) {
            k.forEach((name, value) -> {
                if (value instanceof JsonString text) {
                    kept.put(name, text.getString());
                }
            });
        }
        Set<String> asked = new LinkedHashSet<>();
        if (payload.get("q") instanceof JsonArray keys) {
            keys.forEach(key -> {
                if (key instanceof JsonString text) {
                    asked.add(text.getString());
                }
            });
        }
        return new Contents(answers, kept, asked);
    }

    private JsonObject decrypt(String state) {
        byte[] bytes;
        try {
            bytes = state.length() > MAX_STATE_CHARS
                    ? null
                    : Base64.getUrlDecoder().decode(state);
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length <= IV_BYTES) {
            throw invalid("it was not issued by this server or was changed");
        }
        for (SecretKeySpec key : keys) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
                byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
                try (JsonReader reader = Jsonp.reader(new StringReader(new String(plain, StandardCharsets.UTF_8)))) {
                    return reader.readObject();
                }
            } catch (AEADBadTagException e) {
                // not this key: try the next one (rotation)
            } catch (GeneralSecurityException | RuntimeException e) {
                break;
            }
        }
        throw invalid("it was not issued by this server or was changed");
    }

    private static JsonRpcException invalid(String why) {
        return new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Invalid requestState: " + why);
    }

    /**
     * What a state belongs to: the caller (issuer, subject, client), the method and item, and the arguments in a
     * canonical form, each length-prefixed, hashed so the state carries no personal data in clear even if the key
     * leaked.
     *
     * @param issuer the caller's issuer, or null
     * @param subject the caller's subject
     * @param client the caller's client id, or null
     * @param item the method and the tool or prompt name
     * @param arguments the call's arguments
     * @return the binding
     */
    public static String binding(String issuer, String subject, String client, String item, JsonValue arguments) {
        // each field length-prefixed (null apart from every string), so no value can shift into its neighbour:
        // issuer "a\nb" with subject "c" never binds like issuer "a" with subject "b\nc"
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {issuer, subject, client, item, Canonical.of(arguments)}) {
            text.append(field == null ? "-" : field.length() + ":" + field).append(';');
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** JSON with object members sorted by name, so the same arguments sent in another order bind the same. */
    static final class Canonical {
        private Canonical() {}

        static String of(JsonValue value) {
            if (value instanceof JsonObject object) {
                StringBuilder out = new StringBuilder("{");
                object.keySet().stream()
                        .sorted()
                        .forEach(name -> out.append(out.length() > 1 ? "," : "")
                                .append(Jsonp.toJson(name))
                                .append(':')
                                .append(of(object.get(name))));
                return out.append('}').toString();
            }
            if (value instanceof jakarta.json.JsonArray array) {
                StringBuilder out = new StringBuilder("[");
                for (int i = 0; i < array.size(); i++) {
                    out.append(i > 0 ? "," : "").append(of(array.get(i)));
                }
                return out.append(']').toString();
            }
            return value.toString();
        }
    }
}

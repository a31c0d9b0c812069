package dev.mcpauth.runtime.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server-provided DPoP nonces (RFC 9449 §8) without server state: a nonce is the time it was issued and an HMAC of
 * that time under the deployment's keys, so any instance that shares the keys accepts it until it is too old, and
 * none has to remember anything. It limits how long a proof made in advance stays usable.
 */
public final class DpopNonces {

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final List<byte[]> keys;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * Nonces.
     *
     * @param keys the secret keys, the signing key first; every instance of a deployment needs the same ones
     * @param lifetime how long a nonce is accepted
     * @param clock the time
     */
    public DpopNonces(List<byte[]> keys, Duration lifetime, Clock clock) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a nonce needs a key");
        }
        this.keys = List.copyOf(keys);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A fresh nonce. */
    public String issue() {
        long now = clock.instant().getEpochSecond();
        byte[] time = ByteBuffer.allocate(Long.BYTES).putLong(now).array();
        return ENCODER.encodeToString(time) + "." + ENCODER.encodeToString(mac(keys.get(0), time));
    }

    /**
     * Whether a nonce was issued by this deployment and is still young enough.
     *
     * @param nonce the proof's {@code nonce} claim, or null
     * @return true when it is accepted
     */
    public boolean accepts(String nonce) {
        if (nonce == null || nonce.length() > 100) {
            return false;
        }
        int dot = nonce.indexOf('.');
        if (dot < 0) {
            return false;
        }
        byte[] time;
        byte[] tag;
        try {
            time = DECODER.decode(nonce.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
            tag = DECODER.decode(nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (time.length != Long.BYTES) {
            return false;
        }
        boolean ours = false;
        for (byte[] key : keys) {
            ours |= MessageDigest.isEqual(mac(key, time), tag);
        }
        long issued = ByteBuffer.wrap(time).getLong();
        long age = clock.instant().getEpochSecond() - issued;
        return ours && age >= -5 && age <= lifetime.toSeconds();
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}

package dev.mcpauth.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpauth.McpCaller;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of verifying a bearer token: a fresh RS256 or ES256 token (full signature and claim checks,
 * keys already fetched) and a token seen before (the verified-token cache). In the runtime's package, to
 * build the verifier with an in-memory key set and to switch its cache off.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenVerificationBenchmark {

    private static final String RESOURCE = "http://localhost:9080/mcp";
    private static final String ISSUER = "http://localhost:8180/realms/mcp";

    private JwtTokenVerifier withoutCache;
    private JwtTokenVerifier withCache;
    private String rs256;
    private String es256;

    @Setup
    public void setUp() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        ImmutableJWKSet<com.nimbusds.jose.proc.SecurityContext> keys =
                new ImmutableJWKSet<>(new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK())));
        AuthSettings settings = new AuthSettings(
                true,
                AuthSettings.Verifier.JWT,
                new ResourceMetadataSettings(
                        URI.create(RESOURCE),
                        List.of(ISSUER),
                        Optional.empty(),
                        Optional.empty(),
                        "bench",
                        Optional.empty()),
                new TokenSettings(
                        ISSUER,
                        List.of(ISSUER),
                        Optional.empty(),
                        Set.of(RESOURCE),
                        60,
                        2000,
                        10_000,
                        false,
                        List.of(),
                        false),
                Optional.empty(),
                new AuthorizationSettings("groups", Set.of(ISSUER), false, java.util.Map.of(), java.util.Map.of()));
        withoutCache = new JwtTokenVerifier(settings, keys, Clock.systemUTC(), new VerifiedTokenCache(0, 60));
        withCache = new JwtTokenVerifier(settings, keys, Clock.systemUTC(), new VerifiedTokenCache(10_000, 60));
        rs256 = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), new RSASSASigner(rsa));
        es256 = sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), new ECDSASigner(ec));
        withCache.verify(rs256);
    }

    private static String sign(JWSHeader header, com.nimbusds.jose.JWSSigner signer) throws JOSEException {
        // a Keycloak-sized token: the usual claims plus a few more
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("5b6c7d8e-aaaa-bbbb-cccc-0123456789ab")
                .audience(List.of(RESOURCE, "account"))
                .claim("azp", "mcp-client-4711")
                .claim("preferred_username", "alice")
                .claim("scope", "openid profile email tickets:read tickets:write")
                .claim("email_verified", true)
                .claim("name", "Alice Example")
                .claim("sid", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .jwtID("jti-1")
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Benchmark
    public McpCaller freshRs256() throws Exception {
        return withoutCache.verify(rs256);
    }

    @Benchmark
    public McpCaller freshEs256() throws Exception {
        return withoutCache.verify(es256);
    }

    @Benchmark
    public McpCaller seenBefore() throws Exception {
        return withCache.verify(rs256);
    }
}

package dev.mcpauth.runtime.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
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
 * What DPoP adds to a request: checking one ES256 proof (parse, header rules, signature with its embedded key, the
 * claims, the thumbprint against {@code cnf.jkt}), beside the bearer path's cached token check (see
 * {@link TokenVerificationBenchmark#seenBefore}, the common case). The replay guard here always says "first use", so
 * the figure is the verification itself; on the engine a proof costs one more {@code putIfAbsent}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DpopProofBenchmark {

    private static final URI TARGET = URI.create("http://localhost:9080/mcp");
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.a-keycloak-sized-access-token.signature";

    private DpopProofVerifier verifier;
    private String proof;
    private String boundKey;

    @Setup
    public void setUp() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        // a window wide enough that the one proof stays valid for the whole run
        verifier = new DpopProofVerifier(
                Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256),
                Duration.ofHours(1),
                (name, remember) -> true,
                Clock.systemUTC());
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType("dpop+jwt"))
                        .jwk(key.toPublicJWK())
                        .build(),
                new JWTClaimsSet.Builder()
                        .claim("htm", "POST")
                        .claim("htu", TARGET.toString())
                        .issueTime(new Date())
                        .jwtID("e1j3V_bKic8-LAEB")
                        .claim("ath", DpopProofVerifier.hash(TOKEN))
                        .build());
        jwt.sign(new ECDSASigner(key));
        proof = jwt.serialize();
        boundKey = DpopProofVerifier.thumbprint(key.toPublicJWK());
    }

    @Benchmark
    public String es256Proof() throws Exception {
        verifier.verify(proof, "POST", TARGET, TOKEN, boundKey);
        return boundKey;
    }
}

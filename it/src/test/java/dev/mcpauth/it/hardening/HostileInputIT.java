package dev.mcpauth.it.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.auth.TestAuthorizationServer;
import dev.mcpauth.it.fixture.ShopTools;
import dev.mcpauth.it.fixture.TicketDeskTools;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A seeded fuzz campaign against the real endpoint: hostile Authorization headers, mutated JWTs, odd token
 * shapes (JWE, unsigned, wrong number of parts, non-JSON headers), broken JSON-RPC bodies and hostile tool
 * arguments, against a deployment trusting one issuer and one trusting two ({@code mcp.auth.issuers}).
 * Every answer must be a deliberate one: no 5xx, no accepted forgery, no stack trace and no token text in any
 * response. {@code -Dfuzz.iterations=N} (default 300 per campaign) and {@code -Dfuzz.seed=S} make it longer or
 * different; a failure prints the seed and the input. Each campaign records what it sent and how it was
 * answered; the summary (the figures in docs/security.md) is printed once all have run, in a fixed order.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    /** The second issuer of the two-issuer deployment; the first is {@link #AS}. */
    private static final TestAuthorizationServer PARTNERS = TestAuthorizationServer.start();

    private static final McpHttp MCP = McpHttp.forContextRoot("fuzz-it");
    private static final McpHttp TWO_ISSUERS = McpHttp.forContextRoot("fuzz-two-issuers-it");
    private static final String RESOURCE = MCP.endpoint().toString();
    private static final int PORT = MCP.endpoint().getPort();
    private static final String PATH = MCP.endpoint().getPath();
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 300);
    private static final long SEED = Long.getLong("fuzz.seed", 20261127L);
    private static final byte[] PING =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
    /** The deployment trusting {@link #AS} only, and the one trusting {@link #AS} and {@link #PARTNERS}. */
    private static final List<Target> TARGETS =
            List.of(new Target("one issuer", MCP), new Target("two issuers", TWO_ISSUERS));

    /** A deployment under attack: its name in the summary and its MCP endpoint. */
    private record Target(String name, McpHttp mcp) {

        String resource() {
            return mcp.endpoint().toString();
        }

        String path() {
            return mcp.endpoint().getPath();
        }
    }

    /** The campaigns, in the order the summary lists them; each counts its requests and 5xx answers. */
    private enum Campaign {
        HEADERS("authorization headers"),
        MUTATED_TOKENS("mutated JWTs"),
        TOKEN_SHAPES("hostile token shapes"),
        BODIES("JSON-RPC bodies"),
        TOOL_ARGUMENTS("tool arguments"),
        OVERSIZED("oversized inputs");

        private final String title;
        private int requests;
        private int serverErrors;
        private String outcome;

        Campaign(String title) {
            this.title = title;
        }

        RawHttp.Response send(String path, byte[] authorization, byte[] body) throws IOException {
            RawHttp.Response response = RawHttp.post(PORT, path, authorization, body);
            requests++;
            if (response.status() >= 500) {
                serverErrors++;
            }
            return response;
        }

        /** Records what the campaign showed; called only once every assertion of the campaign has passed. */
        void passed(String outcome) {
            this.outcome = outcome + " (" + requests + " requests, " + serverErrors + " 5xx)";
        }

        String summary() {
            return title + ": "
                    + (outcome != null
                            ? outcome
                            : requests == 0
                                    ? "not run"
                                    : "FAILED after " + requests + " requests, " + serverErrors + " 5xx");
        }
    }

    @Deployment(name = "one-issuer", testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "fuzz-it",
                "mcp.auth.resource=" + RESOURCE + "\nmp.jwt.verify.issuer=" + AS.issuer() + "\n",
                ShopTools.class,
                ShopTools.Size.class,
                ShopTools.Pizza.class,
                ShopTools.Order.class,
                TicketDeskTools.class);
    }

    @Deployment(name = "two-issuers", testable = false)
    static WebArchive twoIssuers() {
        return Deployments.war(
                "fuzz-two-issuers-it",
                "mcp.auth.resource=" + TWO_ISSUERS.endpoint() + "\n" + "mcp.auth.issuers=" + AS.issuer() + ","
                        + PARTNERS.issuer() + "\n",
                ShopTools.class,
                ShopTools.Size.class,
                ShopTools.Pizza.class,
                ShopTools.Order.class,
                TicketDeskTools.class);
    }

    @AfterAll
    static void printSummary() {
        int requests =
                Arrays.stream(Campaign.values()).mapToInt(c -> c.requests).sum();
        int serverErrors =
                Arrays.stream(Campaign.values()).mapToInt(c -> c.serverErrors).sum();
        System.out.println("Hostile input campaigns (seed " + SEED + ", " + ITERATIONS + " iterations): "
                + Arrays.stream(Campaign.values()).map(Campaign::summary).collect(Collectors.joining("; "))
                + "; in all " + requests + " requests, " + serverErrors + " answered 5xx");
    }

    @Test
    @OperateOnDeployment("one-issuer")
    void hostileAuthorizationHeadersAreRefusedCleanly() throws IOException {
        Random random = new Random(SEED);
        String valid = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        int refused = 0;
        int equivalent = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] header = hostileHeader(random, valid);
            RawHttp.Response response = Campaign.HEADERS.send(PATH, header, PING);
            String text = new String(header, StandardCharsets.ISO_8859_1);
            String input = "seed " + SEED + " #" + i + " header " + text.substring(0, Math.min(text.length(), 120));
            assertClean(response, valid, input);
            if (text.equals("Bearer " + valid)) {
                equivalent++;
                continue;
            }
            // re-encodings of the valid token (base64url's unused trailing bits) are refused too
            assertTrue(response.status() == 400 || response.status() == 401, input + " -> " + response.status());
            refused++;
        }
        Campaign.HEADERS.passed(refused + " refused (400/401), " + equivalent
                + " identical to the valid token, 0 forgeries or re-encodings accepted");
    }

    @Test
    @OperateOnDeployment("one-issuer")
    void mutatedTokensAreNeverAccepted() throws IOException {
        int refused = 0;
        int reEncodings = 0;
        for (Target target : TARGETS) {
            Random random = new Random(SEED + 1);
            String valid = AS.rs256(AS.claims(target.resource(), "tickets:read").build());
            String[] parts = valid.split("\\.");
            for (int i = 0; i < ITERATIONS; i++) {
                String mutated = mutate(random, valid);
                if (mutated.equals(valid)) {
                    continue;
                }
                RawHttp.Response response = Campaign.MUTATED_TOKENS.send(
                        target.path(), ("Bearer " + mutated).getBytes(StandardCharsets.ISO_8859_1), PING);
                String input = target.name() + ", seed " + (SEED + 1) + " #" + i + " token " + mutated;
                assertInvalidToken(response, valid, input);
                refused++;
                if (sameDecodedSegments(parts, mutated)) {
                    reEncodings++;
                }
            }
        }
        Campaign.MUTATED_TOKENS.passed(refused + " refused with 401 invalid_token (" + reEncodings
                + " of them re-encodings of the valid token), 0 accepted, one issuer and two issuers");
    }

    @Test
    @OperateOnDeployment("two-issuers")
    void hostileTokenShapesGetInvalidTokenWithOneIssuerAndWithTwo() throws IOException {
        // the deployments work: a good token of each trusted issuer is accepted, so the refusals below are decisions
        for (Target target : TARGETS) {
            String good = AS.rs256(AS.claims(target.resource(), "tickets:read").build());
            assertEquals(
                    200,
                    Campaign.TOKEN_SHAPES
                            .send(target.path(), ("Bearer " + good).getBytes(StandardCharsets.ISO_8859_1), PING)
                            .status(),
                    target.name() + ": a valid token of " + AS.issuer());
        }
        String partner = PARTNERS.es256(PARTNERS.claims(TWO_ISSUERS.endpoint().toString(), "tickets:read")
                .build());
        assertEquals(
                200,
                Campaign.TOKEN_SHAPES
                        .send(
                                TWO_ISSUERS.endpoint().getPath(),
                                ("Bearer " + partner).getBytes(StandardCharsets.ISO_8859_1),
                                PING)
                        .status(),
                "two issuers: a valid token of the second issuer");

        List<String> failures = new ArrayList<>();
        int shapes = 0;
        for (Target target : TARGETS) {
            Map<String, String> tokens = hostileTokenShapes(target.resource());
            shapes = tokens.size();
            for (Map.Entry<String, String> shape : tokens.entrySet()) {
                RawHttp.Response response = Campaign.TOKEN_SHAPES.send(
                        target.path(), ("Bearer " + shape.getValue()).getBytes(StandardCharsets.ISO_8859_1), PING);
                try {
                    assertInvalidToken(response, shape.getValue(), target.name() + ", " + shape.getKey());
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
            }
        }
        assertTrue(
                failures.isEmpty(),
                failures.size() + " of " + 2 * shapes
                        + " hostile token shapes were not refused with 401 invalid_token ("
                        + Campaign.TOKEN_SHAPES.serverErrors + " answered 5xx):\n" + String.join("\n", failures));
        Campaign.TOKEN_SHAPES.passed(
                shapes + " shapes (JWE, alg none, 2/4/5/6 parts, non-base64url, huge, non-object JSON, ...)"
                        + " x one issuer and two issuers, each 401 invalid_token with a Bearer challenge");
    }

    @Test
    @OperateOnDeployment("one-issuer")
    void brokenJsonRpcBodiesGetJsonRpcErrors() throws IOException {
        Random random = new Random(SEED + 2);
        String token = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        byte[] bearer = ("Bearer " + token).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Integer> answers = new TreeMap<>();
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] body = hostileBody(random);
            String input = "seed " + (SEED + 2) + " #" + i + " body "
                    + new String(Arrays.copyOf(body, Math.min(body.length, 120)), StandardCharsets.UTF_8);
            ExpectedError expected = ExpectedError.of(body, input);
            RawHttp.Response response = Campaign.BODIES.send(PATH, bearer, body);
            assertClean(response, token, input);
            assertJsonRpcError(response, expected, input);
            answers.merge(expected.status() + " " + expected.code(), 1, Integer::sum);
        }
        Campaign.BODIES.passed(
                ITERATIONS + " hostile bodies, each the JSON-RPC error JSON-RPC 2.0 prescribes (HTTP status and code: "
                        + answers.entrySet().stream()
                                .map(e -> e.getKey() + " x" + e.getValue())
                                .collect(Collectors.joining(", "))
                        + ")");
    }

    @Test
    @OperateOnDeployment("one-issuer")
    void hostileToolArgumentsAreRejectedOrHandled() throws IOException {
        Random random = new Random(SEED + 3);
        String token = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        byte[] bearer = ("Bearer " + token).getBytes(StandardCharsets.ISO_8859_1);
        String[] tools = {"echo", "add", "order_pizza", "letters", "list_tickets"};
        int results = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String tool = tools[random.nextInt(tools.length)];
            String arguments = randomJson(random, 0);
            byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                            + tool + "\",\"arguments\":" + arguments + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            RawHttp.Response response = Campaign.TOOL_ARGUMENTS.send(PATH, bearer, body);
            String input = "seed " + (SEED + 3) + " #" + i + " " + tool + " " + arguments;
            assertClean(response, token, input);
            assertEquals(200, response.status(), input + " -> " + response.body());
            assertTrue(
                    response.body().contains("\"result\"") || response.body().contains("\"code\":-32602"),
                    input + " -> " + response.body());
            results += response.body().contains("\"result\"") ? 1 : 0;
        }
        Campaign.TOOL_ARGUMENTS.passed(ITERATIONS + " random argument objects, " + results + " answered with a result, "
                + (ITERATIONS - results) + " with -32602");
    }

    @Test
    @OperateOnDeployment("one-issuer")
    void oversizedInputsGet4xxNotMemoryBlowUps() throws IOException {
        String token = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        byte[] bearer = ("Bearer " + token).getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Response hugeHeader = Campaign.OVERSIZED.send(
                PATH, ("Bearer " + "A".repeat(200_000)).getBytes(StandardCharsets.ISO_8859_1), PING);
        // Liberty refuses the header before it has read all of it and closes; whether its 4xx reaches us before the
        // connection is reset is a race of the network stack, so a connection closed unanswered counts as refused too
        assertTrue(
                hugeHeader.status() >= 400 && hugeHeader.status() < 500
                        || hugeHeader.status() == RawHttp.CLOSED_UNANSWERED,
                "200 kB header -> " + hugeHeader.status());
        RawHttp.Response longToken = Campaign.OVERSIZED.send(
                PATH, ("Bearer " + "A".repeat(20_000)).getBytes(StandardCharsets.ISO_8859_1), PING);
        assertEquals(400, longToken.status());
        byte[] hugeBody =
                ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\""
                                + "x".repeat(5_000_000) + "\"}}}")
                        .getBytes(StandardCharsets.UTF_8);
        assertEquals(413, Campaign.OVERSIZED.send(PATH, bearer, hugeBody).status());
        byte[] deep =
                ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":"
                                + "[".repeat(100_000) + "]".repeat(100_000) + "}}}")
                        .getBytes(StandardCharsets.UTF_8);
        RawHttp.Response deepResponse = Campaign.OVERSIZED.send(PATH, bearer, deep);
        assertClean(deepResponse, token, "100,000 nested arrays");
        assertTrue(
                deepResponse.status() == 400 || deepResponse.status() == 200,
                "deep nesting -> " + deepResponse.status());
        Campaign.OVERSIZED.passed("a 200 kB header -> " + hugeHeader.status()
                + ", a 20 kB token -> 400, a 5 MB body -> 413," + " 100,000 nested arrays -> " + deepResponse.status());
    }

    /**
     * Token shapes no authorization server issues, each of which must get 401 {@code invalid_token}: JWE,
     * unsigned JWTs, the wrong number of parts, parts that are not base64url, headers that are not JSON
     * objects, huge headers, and forgeries with keys the token brings along. All are valid RFC 6750 b64token
     * text under the server's length limit, so none is a malformed request (400).
     */
    private static Map<String, String> hostileTokenShapes(String resource) {
        String valid = AS.rs256(AS.claims(resource, "tickets:read").build());
        String[] parts = valid.split("\\.");
        String header = parts[0];
        String payload = parts[1];
        String signature = parts[2];
        String claims = JSONObjectUtils.toJSONString(
                AS.claims(resource, "tickets:read").build().toJSONObject());
        String none = b64("{\"alg\":\"none\"}");
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put(
                "JWE RSA-OAEP/A256GCM with junk parts",
                "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.YWFh.YWFh.YWFh.YWFh");
        shapes.put(
                "JWE dir/A128GCM carrying the claims as ciphertext",
                b64("{\"alg\":\"dir\",\"enc\":\"A128GCM\"}") + ".." + b64("123456789012") + "." + b64(claims) + "."
                        + b64("1234567890123456"));
        shapes.put(
                "nested JWE (cty JWT) naming the server's key",
                b64("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A128CBC-HS256\",\"cty\":\"JWT\",\"kid\":\"rsa-1\"}")
                        + ".YWFh.YWFh.YWFh.YWFh");
        shapes.put("JWE with an empty header", ".YWFh.YWFh.YWFh.YWFh");
        shapes.put("alg none, empty signature", none + "." + b64(claims) + ".");
        shapes.put("alg none, two parts", none + "." + b64(claims));
        shapes.put("alg none with the valid signature", none + "." + payload + "." + signature);
        shapes.put("alg NONE", b64("{\"alg\":\"NONE\"}") + "." + b64(claims) + ".");
        shapes.put("HS256 keyed with the server's RSA public key", hs256WithPublicKey(resource));
        shapes.put("RS256 with an embedded attacker jwk", signedByAttacker(resource, true));
        shapes.put("RS256 with an attacker jku", signedByAttacker(resource, false));
        shapes.put("unknown critical header, properly signed", criticalHeader(resource));
        shapes.put("one part", header);
        shapes.put("two parts", header + "." + payload);
        shapes.put("four parts", valid + ".YWFh");
        shapes.put("five parts with a JWS header", valid + ".YWFh.YWFh");
        shapes.put("six parts", valid + ".YWFh.YWFh.YWFh");
        shapes.put("only dots", "....");
        shapes.put("empty parts", "..");
        shapes.put("empty header", "." + payload + "." + signature);
        shapes.put("empty payload", header + ".." + signature);
        shapes.put("non-base64url characters in every part", "a+b/c~d.e+f/g~h.i+j/k~l");
        shapes.put(
                "base64 '+' and '/' in the header",
                header.replace('-', '+').replace('_', '/') + "+/." + payload + "." + signature);
        shapes.put("padding after the signature", valid + "==");
        shapes.put("parts one character too long for base64", header + "A." + payload + "A." + signature + "A");
        shapes.put(
                "huge header (11 kB), original signature",
                b64("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x\":\"" + "A".repeat(8_000) + "\"}") + "." + payload + "."
                        + signature);
        shapes.put(
                "huge kid (8 kB)",
                b64("{\"alg\":\"RS256\",\"kid\":\"" + "k".repeat(6_000) + "\"}") + "." + payload + "." + signature);
        shapes.put(
                "header nested 4,000 arrays deep",
                b64("{\"alg\":\"RS256\",\"x\":" + "[".repeat(4_000) + "]".repeat(4_000) + "}") + "." + payload + "."
                        + signature);
        shapes.put("header JSON null", b64("null") + "." + payload + "." + signature);
        shapes.put(
                "header JSON array", b64("[{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}]") + "." + payload + "." + signature);
        shapes.put("header JSON empty array", b64("[]") + "." + payload + "." + signature);
        shapes.put("header JSON string", b64("\"RS256\"") + "." + payload + "." + signature);
        shapes.put("header JSON number", b64("1") + "." + payload + "." + signature);
        shapes.put("header JSON true", b64("true") + "." + payload + "." + signature);
        shapes.put("header not JSON", b64("alg=RS256") + "." + payload + "." + signature);
        shapes.put(
                "header binary",
                Base64URL.encode(new byte[] {0, (byte) 0xff, (byte) 0xfe, 1, 2, 3}) + "." + payload + "." + signature);
        shapes.put("header {}", b64("{}") + "." + payload + "." + signature);
        shapes.put("header alg a number", b64("{\"alg\":256}") + "." + payload + "." + signature);
        shapes.put("header alg null", b64("{\"alg\":null}") + "." + payload + "." + signature);
        shapes.put("header alg an array", b64("{\"alg\":[\"RS256\"]}") + "." + payload + "." + signature);
        shapes.put("header alg with a NUL", b64("{\"alg\":\"RS256\\u0000\"}") + "." + payload + "." + signature);
        shapes.put(
                "header duplicate alg",
                b64("{\"alg\":\"RS256\",\"alg\":\"none\",\"kid\":\"rsa-1\"}") + "." + payload + "." + signature);
        shapes.put("payload JSON null", header + "." + b64("null") + "." + signature);
        shapes.put("payload JSON array", header + "." + b64("[" + claims + "]") + "." + signature);
        shapes.put("payload not JSON", header + "." + b64("iss=" + AS.issuer()) + "." + signature);
        shapes.put(
                "payload iss a number",
                header + "."
                        + b64(JSONObjectUtils.toJSONString(AS.claims(resource, "tickets:read")
                                .claim("iss", 5)
                                .build()
                                .toJSONObject()))
                        + "." + signature);
        shapes.put(
                "payload iss an array of both issuers",
                header + "."
                        + b64("{\"iss\":[\"" + AS.issuer() + "\",\"" + PARTNERS.issuer() + "\"],\"aud\":\"" + resource
                                + "\",\"sub\":\"x\",\"exp\":" + (System.currentTimeMillis() / 1000 + 300) + "}")
                        + "." + signature);
        shapes.put(
                "payload iss null",
                header + "." + b64("{\"iss\":null,\"aud\":\"" + resource + "\",\"sub\":\"x\"}") + "." + signature);
        return shapes;
    }

    private static String b64(String text) {
        return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The classic key-confusion forgery: HMAC with the RSA public key (which anyone can fetch) as the secret. */
    private static String hs256WithPublicKey(String resource) {
        try {
            return TestAuthorizationServer.sign(
                    AS.claims(resource, "tickets:read").build(),
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(AS.rsaKey().getKeyID())
                            .build(),
                    new MACSigner(AS.rsaKey().toRSAPublicKey().getEncoded()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with a key of the attacker's, which the header offers as an embedded JWK or a JWK Set URL. */
    private static String signedByAttacker(String resource, boolean embedded) {
        try {
            RSAKey attacker =
                    new RSAKeyGenerator(2048).keyID(AS.rsaKey().getKeyID()).generate();
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID());
            if (embedded) {
                header.jwk(attacker.toPublicJWK());
            } else {
                header.jwkURL(URI.create("http://127.0.0.1:9/jwks.json"));
            }
            return TestAuthorizationServer.sign(
                    AS.claims(resource, "tickets:read").build(),
                    header.build(),
                    TestAuthorizationServer.rsaSigner(attacker));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with the real key, but with a critical header parameter no verifier knows (RFC 7515 §4.1.11). */
    private static String criticalHeader(String resource) {
        return TestAuthorizationServer.sign(
                AS.claims(resource, "tickets:read").build(),
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(AS.rsaKey().getKeyID())
                        .criticalParams(Set.of("x-must-understand"))
                        .customParam("x-must-understand", true)
                        .build(),
                TestAuthorizationServer.rsaSigner(AS.rsaKey()));
    }

    /** 401 with an {@code invalid_token} Bearer challenge and the matching OAuth error body, nothing leaked. */
    private static void assertInvalidToken(RawHttp.Response response, String token, String input) {
        assertClean(response, token, input);
        assertEquals(401, response.status(), input + " -> " + response.status() + " " + response.body());
        List<String> challenges = response.headers("WWW-Authenticate");
        // the Bearer challenge with the error, then (DPoP being accepted by default) the DPoP one without it
        assertEquals(2, challenges.size(), input + ": a Bearer and a DPoP challenge, not " + challenges);
        assertTrue(
                challenges.get(1).startsWith("DPoP algs=") && !challenges.get(1).contains("error="),
                input + ": DPoP challenge " + challenges.get(1));
        String challenge = challenges.get(0);
        assertTrue(
                challenge.startsWith("Bearer ")
                        && challenge.contains("error=\"invalid_token\"")
                        && challenge.contains("resource_metadata=\""),
                input + ": challenge " + challenge);
        JsonObject body = parseObject(response.body(), input);
        assertEquals("invalid_token", body.getString("error", null), input + ": body " + response.body());
    }

    private static JsonObject parseObject(String text, String input) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError(input + ": the answer is not a JSON object: " + text, e);
        }
    }

    /** The answer is a JSON-RPC error response with the status, code and id {@code expected} says. */
    private static void assertJsonRpcError(RawHttp.Response response, ExpectedError expected, String input) {
        String got = input + " (" + expected.why() + ") -> " + response.status() + " " + response.body();
        assertEquals(expected.status(), response.status(), got);
        assertTrue(
                response.headers("Content-Type").stream().anyMatch(type -> type.startsWith("application/json")), got);
        JsonObject answer = parseObject(response.body(), got);
        assertEquals("2.0", answer.getString("jsonrpc", null), got);
        assertTrue(!answer.containsKey("result") && answer.get("error") instanceof JsonObject, got);
        JsonObject error = answer.getJsonObject("error");
        assertTrue(
                error.get("code") instanceof JsonNumber code
                        && code.isIntegral()
                        && code.intValue() == expected.code()
                        && error.get("message") instanceof JsonString,
                got);
        assertTrue(sameId(expected.id(), answer.get("id")), got + ": the id must be " + expected.id());
    }

    private static boolean sameId(JsonValue expected, JsonValue actual) {
        if (expected instanceof JsonNumber number) {
            return actual instanceof JsonNumber other
                    && number.bigDecimalValue().compareTo(other.bigDecimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    /**
     * The JSON-RPC error a hostile body must get (JSON-RPC 2.0 §4, §5.1 and the Streamable HTTP transport): a
     * body that is not JSON is a parse error (-32700) and one that is not a request object an invalid request
     * (-32600), both answered 400 with id null since no id can be trusted; a request with a usable id is
     * answered 200 with that id, -32601 for a method that does not exist and -32602 for parameters the method
     * cannot take. The campaign makes no notifications, responses or valid requests: those get no error, and
     * meeting one here is a bug of the generator.
     */
    private record ExpectedError(int status, int code, JsonValue id, String why) {

        static final int PARSE_ERROR = -32700;
        static final int INVALID_REQUEST = -32600;
        static final int METHOD_NOT_FOUND = -32601;
        static final int INVALID_PARAMS = -32602;
        static final Set<String> TOOLS = Set.of("echo", "add", "order_pizza", "letters", "list_tickets", "draft_reply");

        static ExpectedError of(byte[] body, String input) {
            JsonValue message;
            try (JsonReader reader =
                    Json.createReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
                message = reader.readValue();
            } catch (RuntimeException e) {
                return new ExpectedError(400, PARSE_ERROR, JsonValue.NULL, "not JSON");
            }
            if (!(message instanceof JsonObject request)) {
                return new ExpectedError(400, INVALID_REQUEST, JsonValue.NULL, "JSON, but not a request object");
            }
            if (!(request.get("jsonrpc") instanceof JsonString version
                    && version.getString().equals("2.0"))) {
                return new ExpectedError(400, INVALID_REQUEST, JsonValue.NULL, "no jsonrpc \"2.0\"");
            }
            JsonValue id = request.get("id");
            JsonValue method = request.get("method");
            if (method == null && id != null && (request.containsKey("result") || request.containsKey("error"))) {
                throw new IllegalStateException(
                        input + ": a JSON-RPC response, which gets 202 and no error: not an input of this campaign");
            }
            if (!(method instanceof JsonString methodName)) {
                return new ExpectedError(400, INVALID_REQUEST, JsonValue.NULL, "method missing or not a string");
            }
            if (id == null) {
                throw new IllegalStateException(
                        input + ": a notification, which gets 202 and no error: not an input of this campaign");
            }
            if (!(id instanceof JsonString || id instanceof JsonNumber)) {
                return new ExpectedError(400, INVALID_REQUEST, JsonValue.NULL, "id neither a string nor a number");
            }
            JsonValue params = request.getOrDefault("params", JsonValue.NULL);
            if (!(params == JsonValue.NULL || params instanceof JsonObject)) {
                return new ExpectedError(200, INVALID_PARAMS, id, "params not an object");
            }
            JsonObject named = params instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
            return switch (methodName.getString()) {
                case "initialize" -> {
                    if (named.get("protocolVersion") instanceof JsonString) {
                        throw new IllegalStateException(input + ": a valid initialize: not an input of this campaign");
                    }
                    yield new ExpectedError(200, INVALID_PARAMS, id, "initialize without a protocolVersion string");
                }
                case "tools/list" -> {
                    if (!named.containsKey("cursor")) {
                        throw new IllegalStateException(input + ": a valid tools/list: not an input of this campaign");
                    }
                    // the campaign's cursors are never one the server issued
                    yield new ExpectedError(
                            200, INVALID_PARAMS, id, "tools/list with a cursor the server never issued");
                }
                case "tools/call" -> {
                    if (named.get("name") instanceof JsonString tool && TOOLS.contains(tool.getString())) {
                        throw new IllegalStateException(
                                input + ": a call of a real tool: not an input of this campaign");
                    }
                    yield new ExpectedError(200, INVALID_PARAMS, id, "tools/call without the name of a tool");
                }
                case "ping" -> throw new IllegalStateException(input + ": a valid ping: not an input of this campaign");
                default -> new ExpectedError(200, METHOD_NOT_FOUND, id, "no such method");
            };
        }
    }

    private static void assertClean(RawHttp.Response response, String token, String input) {
        assertTrue(
                response.status() > 0 && response.status() < 500,
                input + " -> " + response.status() + " " + response.body());
        assertTrue(
                !response.body().contains("Exception")
                        && !response.body().contains("\tat ")
                        && !response.body().contains("dev.mcpauth"),
                input + " leaked internals: " + response.body());
        assertTrue(!response.body().contains(token) && !response.head().contains(token), input + " echoed the token");
    }

    private static byte[] hostileHeader(Random random, String valid) {
        return switch (random.nextInt(8)) {
            case 0 -> randomBytes(random, random.nextInt(64));
            case 1 ->
                ("Bearer " + new String(randomBytes(random, 1 + random.nextInt(300)), StandardCharsets.ISO_8859_1))
                        .getBytes(StandardCharsets.ISO_8859_1);
            case 2 ->
                ("Bearer " + valid.replace('.', (char) (33 + random.nextInt(90))))
                        .getBytes(StandardCharsets.ISO_8859_1);
            case 3 -> ("Bearer  " + valid + " " + valid).getBytes(StandardCharsets.ISO_8859_1);
            case 4 -> ("BeArEr\t" + mutate(random, valid)).getBytes(StandardCharsets.ISO_8859_1);
            case 5 ->
                ("Bearer " + valid.substring(0, random.nextInt(valid.length()))).getBytes(StandardCharsets.ISO_8859_1);
            case 6 -> ("Bearer " + "é".repeat(1 + random.nextInt(20)) + valid).getBytes(StandardCharsets.UTF_8);
            default ->
                ("Bearer " + Base64URL.encode(randomBytes(random, 10)) + "." + Base64URL.encode(randomBytes(random, 40))
                                + "." + Base64URL.encode(randomBytes(random, 64)))
                        .getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    /** Changes a JWT in one of the ways an attacker would: flip, cut, swap or re-encode a segment. */
    private static String mutate(Random random, String jwt) {
        String[] parts = jwt.split("\\.");
        int segment = random.nextInt(3);
        String part = parts[segment];
        switch (random.nextInt(6)) {
            case 0 -> {
                char[] chars = part.toCharArray();
                int at = random.nextInt(chars.length);
                chars[at] =
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(random.nextInt(64));
                parts[segment] = new String(chars);
            }
            case 1 -> parts[segment] = part.substring(0, random.nextInt(part.length()));
            case 2 ->
                parts[segment] = Base64URL.encode(randomBytes(random, 1 + random.nextInt(200)))
                        .toString();
            case 3 ->
                parts[segment] = Base64URL.encode(("{\"alg\":\""
                                        + List.of("none", "HS256", "RS256", "ES256", "PS512")
                                                .get(random.nextInt(5)) + "\",\"kid\":\"rsa-1\"}")
                                .getBytes(StandardCharsets.UTF_8))
                        .toString();
            case 4 -> parts[segment] = part + part;
            default -> parts[segment] = "";
        }
        return String.join(".", parts);
    }

    private static boolean sameDecodedSegments(String[] original, String candidate) {
        String[] parts = candidate.split("\\.", -1);
        if (parts.length != 3 || !candidate.matches("[A-Za-z0-9_.-]+")) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (!Arrays.equals(new Base64URL(original[i]).decode(), new Base64URL(parts[i]).decode())) {
                return false;
            }
        }
        return true;
    }

    private static byte[] hostileBody(Random random) {
        String json = switch (random.nextInt(7)) {
            case 0 -> new String(randomBytes(random, random.nextInt(200)), StandardCharsets.ISO_8859_1);
            case 1 -> randomJson(random, 0);
            case 2 ->
                "{\"jsonrpc\":\"2.0\",\"id\":" + randomJson(random, 2) + ",\"method\":" + randomJson(random, 2) + "}";
            case 3 ->
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":" + randomJson(random, 1) + "}";
            case 4 ->
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":"
                        + randomJson(random, 2) + "}}";
            case 5 -> "[".repeat(random.nextInt(5000)) + "]";
            default ->
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":" + randomJson(random, 1) + "}";
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String randomJson(Random random, int depth) {
        int kind = depth > 3 ? random.nextInt(5) : random.nextInt(7);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 ->
                List.of("0", "-1", "1.5", "1e400", "-1e-400", "9223372036854775808", "2147483648", "1.0", "-0")
                        .get(random.nextInt(9));
            case 3 ->
                "\""
                        + List.of("", "x", "\\u0000", "\\ud800", "T-1001", "LARGE", "é".repeat(50), "\\\"")
                                .get(random.nextInt(8))
                        + "\"";
            case 4 -> "\"" + "y".repeat(random.nextInt(3000)) + "\"";
            case 5 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.append(randomJson(random, depth + 1)).append(i > 1 ? "," : "");
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                String[] keys = {"text", "a", "b", "pizza", "size", "toppings", "note", "count", "id", "__proto__", ""};
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.append('"')
                            .append(keys[random.nextInt(keys.length)])
                            .append("\":")
                            .append(randomJson(random, depth + 1))
                            .append(i > 1 ? "," : "");
                }
                yield object.append('}').toString();
            }
        };
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n') {
                bytes[i] = ' '; // line breaks would end the header, which is the server's framing, not our input
            }
        }
        return bytes;
    }
}

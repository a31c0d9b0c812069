package dev.mcpauth.it.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.Base64URL;
import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.auth.TestAuthorizationServer;
import dev.mcpauth.it.fixture.ShopTools;
import dev.mcpauth.it.fixture.TicketDeskTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A seeded fuzz campaign against the real endpoint: hostile Authorization headers, mutated JWTs, broken
 * JSON-RPC bodies and hostile tool arguments. Every answer must be a deliberate one: no 5xx, no accepted
 * forgery, no stack trace and no token text in any response. {@code -Dfuzz.iterations=N} (default 300 per
 * campaign) and {@code -Dfuzz.seed=S} make it longer or different; a failure prints the seed and the input.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static final McpHttp MCP = McpHttp.forContextRoot("fuzz-it");
    private static final String RESOURCE = MCP.endpoint().toString();
    private static final int PORT = MCP.endpoint().getPort();
    private static final String PATH = MCP.endpoint().getPath();
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 300);
    private static final long SEED = Long.getLong("fuzz.seed", 20261127L);
    private static final byte[] PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8);

    /** What the campaigns tried, for the README's figures. */
    private static final List<String> SUMMARY = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("fuzz-it", "mcp.auth.resource=" + RESOURCE + "\nmp.jwt.verify.issuer=" + AS.issuer() + "\n",
                ShopTools.class, ShopTools.Size.class, ShopTools.Pizza.class, ShopTools.Order.class, TicketDeskTools.class);
    }

    @Test
    void hostileAuthorizationHeadersAreRefusedCleanly() throws IOException {
        Random random = new Random(SEED);
        String valid = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        int refused = 0;
        int equivalent = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] header = hostileHeader(random, valid);
            RawHttp.Response response = RawHttp.post(PORT, PATH, header, PING);
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
        SUMMARY.add("authorization headers: " + refused + " refused (400/401), " + equivalent
                + " identical to the valid token, 0 forgeries or re-encodings accepted, 0 5xx");
    }

    @Test
    void mutatedTokensAreNeverAccepted() throws IOException {
        Random random = new Random(SEED + 1);
        String valid = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        String[] parts = valid.split("\\.");
        int refused = 0;
        int reEncodings = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String mutated = mutate(random, valid);
            if (mutated.equals(valid)) {
                continue;
            }
            RawHttp.Response response = RawHttp.post(PORT, PATH, ("Bearer " + mutated).getBytes(StandardCharsets.ISO_8859_1), PING);
            String input = "seed " + (SEED + 1) + " #" + i + " token " + mutated;
            assertClean(response, valid, input);
            assertTrue(response.status() == 400 || response.status() == 401, input + " -> " + response.status() + " " + response.body());
            refused++;
            if (sameDecodedSegments(parts, mutated)) {
                reEncodings++;
            }
        }
        SUMMARY.add("mutated JWTs: " + refused + " refused (" + reEncodings + " of them re-encodings of the valid token), 0 accepted");
    }

    @Test
    void brokenJsonRpcBodiesGetJsonRpcErrors() throws IOException {
        Random random = new Random(SEED + 2);
        String token = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        byte[] bearer = ("Bearer " + token).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] body = hostileBody(random);
            RawHttp.Response response = RawHttp.post(PORT, PATH, bearer, body);
            String input = "seed " + (SEED + 2) + " #" + i + " body " + new String(Arrays.copyOf(body, Math.min(body.length, 120)), StandardCharsets.UTF_8);
            assertClean(response, token, input);
            assertTrue(response.status() == 200 || response.status() == 202 || response.status() == 400 || response.status() == 413,
                    input + " -> " + response.status());
        }
        SUMMARY.add("JSON-RPC bodies: " + ITERATIONS + " hostile bodies, each answered 200/202 with a JSON-RPC error or 400/413, 0 5xx");
    }

    @Test
    void hostileToolArgumentsAreRejectedOrHandled() throws IOException {
        Random random = new Random(SEED + 3);
        String token = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        byte[] bearer = ("Bearer " + token).getBytes(StandardCharsets.ISO_8859_1);
        String[] tools = {"echo", "add", "order_pizza", "letters", "list_tickets"};
        for (int i = 0; i < ITERATIONS; i++) {
            String tool = tools[random.nextInt(tools.length)];
            String arguments = randomJson(random, 0);
            byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                    + "\",\"arguments\":" + arguments + "}}").getBytes(StandardCharsets.UTF_8);
            RawHttp.Response response = RawHttp.post(PORT, PATH, bearer, body);
            String input = "seed " + (SEED + 3) + " #" + i + " " + tool + " " + arguments;
            assertClean(response, token, input);
            assertEquals(200, response.status(), input + " -> " + response.body());
            assertTrue(response.body().contains("\"result\"") || response.body().contains("\"code\":-32602"), input + " -> " + response.body());
        }
        SUMMARY.add("tool arguments: " + ITERATIONS + " random argument objects, each a result or -32602, 0 5xx");
        System.out.println("Hostile input campaigns (seed " + SEED + "): " + SUMMARY);
    }

    @Test
    void oversizedInputsGet4xxNotMemoryBlowUps() throws IOException {
        String token = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        byte[] bearer = ("Bearer " + token).getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Response hugeHeader = RawHttp.post(PORT, PATH, ("Bearer " + "A".repeat(200_000)).getBytes(StandardCharsets.ISO_8859_1), PING);
        assertTrue(hugeHeader.status() >= 400 && hugeHeader.status() < 500, "200 kB header -> " + hugeHeader.status());
        RawHttp.Response longToken = RawHttp.post(PORT, PATH, ("Bearer " + "A".repeat(20_000)).getBytes(StandardCharsets.ISO_8859_1), PING);
        assertEquals(400, longToken.status());
        byte[] hugeBody = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\""
                + "x".repeat(5_000_000) + "\"}}}").getBytes(StandardCharsets.UTF_8);
        assertEquals(413, RawHttp.post(PORT, PATH, bearer, hugeBody).status());
        byte[] deep = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":"
                + "[".repeat(100_000) + "]".repeat(100_000) + "}}}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response deepResponse = RawHttp.post(PORT, PATH, bearer, deep);
        assertClean(deepResponse, token, "100,000 nested arrays");
        assertTrue(deepResponse.status() == 400 || deepResponse.status() == 200, "deep nesting -> " + deepResponse.status());
    }

    private static void assertClean(RawHttp.Response response, String token, String input) {
        assertTrue(response.status() > 0 && response.status() < 500, input + " -> " + response.status() + " " + response.body());
        assertTrue(!response.body().contains("Exception") && !response.body().contains("\tat ") && !response.body().contains("dev.mcpauth"),
                input + " leaked internals: " + response.body());
        assertTrue(!response.body().contains(token) && !response.head().contains(token), input + " echoed the token");
    }

    private static byte[] hostileHeader(Random random, String valid) {
        return switch (random.nextInt(8)) {
            case 0 -> randomBytes(random, random.nextInt(64));
            case 1 -> ("Bearer " + new String(randomBytes(random, 1 + random.nextInt(300)), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
            case 2 -> ("Bearer " + valid.replace('.', (char) (33 + random.nextInt(90)))).getBytes(StandardCharsets.ISO_8859_1);
            case 3 -> ("Bearer  " + valid + " " + valid).getBytes(StandardCharsets.ISO_8859_1);
            case 4 -> ("BeArEr\t" + mutate(random, valid)).getBytes(StandardCharsets.ISO_8859_1);
            case 5 -> ("Bearer " + valid.substring(0, random.nextInt(valid.length()))).getBytes(StandardCharsets.ISO_8859_1);
            case 6 -> ("Bearer " + "é".repeat(1 + random.nextInt(20)) + valid).getBytes(StandardCharsets.UTF_8);
            default -> ("Bearer " + Base64URL.encode(randomBytes(random, 10)) + "." + Base64URL.encode(randomBytes(random, 40)) + "."
                    + Base64URL.encode(randomBytes(random, 64))).getBytes(StandardCharsets.ISO_8859_1);
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
                chars[at] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(random.nextInt(64));
                parts[segment] = new String(chars);
            }
            case 1 -> parts[segment] = part.substring(0, random.nextInt(part.length()));
            case 2 -> parts[segment] = Base64URL.encode(randomBytes(random, 1 + random.nextInt(200))).toString();
            case 3 -> parts[segment] = Base64URL.encode(("{\"alg\":\"" + List.of("none", "HS256", "RS256", "ES256", "PS512").get(random.nextInt(5))
                    + "\",\"kid\":\"rsa-1\"}").getBytes(StandardCharsets.UTF_8)).toString();
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
            case 2 -> "{\"jsonrpc\":\"2.0\",\"id\":" + randomJson(random, 2) + ",\"method\":" + randomJson(random, 2) + "}";
            case 3 -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":" + randomJson(random, 1) + "}";
            case 4 -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":" + randomJson(random, 2) + "}}";
            case 5 -> "[".repeat(random.nextInt(5000)) + "]";
            default -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":" + randomJson(random, 1) + "}";
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String randomJson(Random random, int depth) {
        int kind = depth > 3 ? random.nextInt(5) : random.nextInt(7);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> List.of("0", "-1", "1.5", "1e400", "-1e-400", "9223372036854775808", "2147483648", "1.0", "-0")
                    .get(random.nextInt(9));
            case 3 -> "\"" + List.of("", "x", "\\u0000", "\\ud800", "T-1001", "LARGE", "é".repeat(50), "\\\"")
                    .get(random.nextInt(8)) + "\"";
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
                    object.append('"').append(keys[random.nextInt(keys.length)]).append("\":").append(randomJson(random, depth + 1))
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

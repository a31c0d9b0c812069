package dev.mcpauth.it.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.auth.TestAuthorizationServer;
import dev.mcpauth.it.fixture.IdentityTools;
import dev.mcpauth.it.fixture.TicketDeskTools;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bounded soak on loopback: many threads send a mix of valid, expired, wrong-audience, under-scoped and
 * missing tokens; every answer must be the decision that request deserves, and the server's heap after a
 * full GC must not grow. {@code -Dsoak.seconds} (default 15) and {@code -Dsoak.threads} (default 16).
 */
@ExtendWith(ArquillianExtension.class)
class SoakIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static final McpHttp MCP = McpHttp.forContextRoot("soak-it");
    private static final String RESOURCE = MCP.endpoint().toString();
    private static final int SECONDS = Integer.getInteger("soak.seconds", 15);
    private static final int THREADS = Integer.getInteger("soak.threads", 16);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "soak-it",
                "mcp.auth.resource=" + RESOURCE + "\nmp.jwt.verify.issuer=" + AS.issuer() + "\n",
                TicketDeskTools.class,
                IdentityTools.class);
    }

    /** One kind of request and the status it must get. */
    private record Case(String name, Optional<String> token, String body, int expectedStatus) {}

    @Test
    void everyAnswerIsTheRightDecisionAndTheHeapStaysFlat() throws Exception {
        List<Case> cases = cases();
        for (Case c : cases) {
            assertEquals(c.expectedStatus(), send(c).statusCode(), c.name());
        }
        long heapBefore = HeapProbe.usedHeapAfterGc();

        Map<String, LongAdder> right = new ConcurrentHashMap<>();
        Map<String, LongAdder> wrong = new ConcurrentHashMap<>();
        Instant end = Instant.now().plusSeconds(SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    Case c = cases.get(ThreadLocalRandom.current().nextInt(cases.size()));
                    int status = send(c).statusCode();
                    (status == c.expectedStatus() ? right : wrong)
                            .computeIfAbsent(c.name(), k -> new LongAdder())
                            .increment();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        long heapAfter = HeapProbe.usedHeapAfterGc();

        long total = right.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf(
                "Soak: %d requests in %d s from %d threads (%.0f/s), right decisions %s, wrong %s, heap after GC %s -> %s%n",
                total,
                SECONDS,
                THREADS,
                total / (double) SECONDS,
                right,
                wrong,
                HeapProbe.mib(heapBefore),
                HeapProbe.mib(heapAfter));
        assertTrue(wrong.isEmpty(), "wrong decisions: " + wrong);
        assertEquals(
                (int) cases.stream().map(Case::name).distinct().count(),
                right.size(),
                "every kind of request was sent");
        assertTrue(
                heapAfter - heapBefore < 32L * 1024 * 1024,
                "the heap grew from " + HeapProbe.mib(heapBefore) + " to " + HeapProbe.mib(heapAfter));
    }

    private static List<Case> cases() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        String list =
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_tickets\",\"arguments\":{}}}";
        String draft = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"draft_reply\","
                + "\"arguments\":{\"ticketId\":\"T-1\",\"text\":\"hello\"}}}";
        List<Case> cases = new ArrayList<>();
        // several valid tokens per kind, so the verified-token cache sees many entries
        for (int i = 0; i < 5; i++) {
            String reader = AS.rs256(
                    AS.claims(RESOURCE, "tickets:read").subject("reader-" + i).build());
            String writer = AS.es256(AS.claims(RESOURCE, "tickets:read tickets:write")
                    .subject("writer-" + i)
                    .build());
            cases.add(new Case("reader lists", Optional.of(reader), list, 200));
            cases.add(new Case("reader drafts", Optional.of(reader), draft, 403));
            cases.add(new Case("writer drafts", Optional.of(writer), draft, 200));
        }
        cases.add(new Case(
                "expired",
                Optional.of(AS.rs256(AS.claims(RESOURCE, "tickets:read")
                        .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
                        .build())),
                list,
                401));
        cases.add(new Case(
                "wrong audience",
                Optional.of(AS.rs256(AS.claims("https://elsewhere.example/mcp", "tickets:read")
                        .build())),
                list,
                401));
        cases.add(new Case("no token", Optional.empty(), ping, 401));
        cases.add(new Case("garbage token", Optional.of("not-a-jwt"), ping, 401));
        return cases;
    }

    private static HttpResponse<String> send(Case c) {
        return MCP.post(
                c.body(),
                c.token()
                        .map(token -> Map.of("Authorization", "Bearer " + token))
                        .orElse(Map.of()));
    }

    /**
     * Measures the test server's used heap after a full GC, with the JDK's jcmd. It never answers "unknown":
     * a probe that cannot find the server or read its heap fails the test, so the heap check cannot pass
     * without having run.
     */
    static final class HeapProbe {

        private static final Pattern USED = Pattern.compile("used (\\d+)K");

        private HeapProbe() {}

        static long usedHeapAfterGc() throws IOException, InterruptedException {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            assertTrue(
                    Files.isExecutable(jcmd),
                    "cannot measure the server's heap: no jcmd at " + jcmd
                            + " (the tests must run on a JDK, not a JRE)");
            long pid = serverPid(jcmd);
            String gc = run(jcmd.toString(), String.valueOf(pid), "GC.run");
            String info = run(jcmd.toString(), String.valueOf(pid), "GC.heap_info");
            // e.g. " garbage-first heap   total 262144K, used 51234K [..." (G1) or "used 51234K" in other collectors
            Matcher used = USED.matcher(info);
            assertTrue(
                    used.find(),
                    "cannot measure the server's heap: jcmd " + pid + " GC.run said '" + gc.strip()
                            + "', GC.heap_info said '" + info.strip() + "'");
            return Long.parseLong(used.group(1)) * 1024;
        }

        /**
         * The pid of the Liberty JVM running this build's test server: the process started as
         * {@code java ... -jar <wlp>/bin/tools/ws-server.jar <server>}, where {@code <wlp>} is the install that
         * holds {@code it.server.dir}, so a Liberty of another checkout or a demo server is never measured.
         * Found through the process table, or through {@code jcmd -l} where the process table hides
         * command lines.
         */
        static long serverPid(Path jcmd) throws IOException, InterruptedException {
            String serverDir = System.getProperty("it.server.dir");
            assertTrue(
                    serverDir != null,
                    "cannot measure the server's heap: the system property it.server.dir is not set");
            Path server = Path.of(serverDir).toAbsolutePath().normalize();
            String launcher = server.getParent()
                    .getParent()
                    .getParent()
                    .resolve(Path.of("bin", "tools", "ws-server.jar"))
                    .toString();
            String name = server.getFileName().toString();
            List<Long> fromProcesses = ProcessHandle.allProcesses()
                    .filter(p -> p.info()
                            .commandLine()
                            .map(cmd -> isServer(cmd, launcher, name))
                            .orElse(false))
                    .map(ProcessHandle::pid)
                    .toList();
            if (fromProcesses.size() == 1) {
                return fromProcesses.get(0);
            }
            String jvms = run(jcmd.toString(), "-l");
            List<Long> fromJcmd = jvms.lines()
                    .map(String::strip)
                    .filter(line -> isServer(line, launcher, name))
                    .map(line -> Long.parseLong(line.substring(0, line.indexOf(' '))))
                    .toList();
            assertEquals(
                    1,
                    fromJcmd.size(),
                    "cannot measure the server's heap: expected one JVM running " + launcher + " " + name
                            + ", the process table shows " + fromProcesses + " and jcmd -l lists:\n" + jvms);
            return fromJcmd.get(0);
        }

        private static boolean isServer(String commandLine, String launcher, String name) {
            return commandLine.contains(launcher + " " + name)
                    && (commandLine.endsWith(" " + name) || commandLine.contains(" " + name + " "));
        }

        static String mib(long bytes) {
            return String.format("%.1f MiB", bytes / 1048576.0);
        }

        private static String run(String... command) throws IOException, InterruptedException {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            assertEquals(
                    0,
                    exit,
                    "cannot measure the server's heap: " + String.join(" ", command) + " exited with " + exit + ": "
                            + output);
            return output;
        }
    }
}

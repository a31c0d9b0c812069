package dev.mcpauth.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.fixture.ConformancePrompts;
import dev.mcpauth.it.fixture.ConformanceResources;
import dev.mcpauth.it.fixture.ConformanceRounds;
import dev.mcpauth.it.fixture.ConformanceSchemas;
import dev.mcpauth.it.fixture.ConformanceSessionTools;
import dev.mcpauth.it.fixture.ConformanceTasks;
import dev.mcpauth.it.fixture.ConformanceTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the official MCP conformance suite ({@code @modelcontextprotocol/conformance}, server mode) against one
 * WAR on the real Liberty (auth off, localhost), three times: suite 0.1.16 on the 2025-era wire, and suite
 * 0.2.0-alpha.12 with {@code --requirements 2025-11-25} (sessions) and with {@code --requirements 2026-07-28} (the
 * stateless wire). Each run fails when a scenario
 * outside its baseline ({@code conformance/expected-failures.txt}, {@code conformance/2026-07-28/expected-failures.txt})
 * fails, or when a listed one starts passing; the reports are kept under {@code it/target/conformance-results}
 * (the 2026-07-28 run in its {@code 2026-07-28/} folder).
 */
@ExtendWith(ArquillianExtension.class)
class ConformanceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                        "it-conformance",
                        "mcp.server.name=conformance-fixture\nmcp.auth.enabled=false\nmcp.sessions.enabled=true\n",
                        ConformanceTools.class,
                        ConformanceResources.class,
                        ConformancePrompts.class,
                        ConformanceRounds.class,
                        ConformanceSessionTools.class,
                        ConformanceTasks.class,
                        ConformanceSchemas.class)
                .addAsResource(ConformanceSchemas.SCHEMA);
    }

    /** Suite 0.1.16, its active suite, 2025-era clients (initialize handshake). */
    @Test
    void everyInScopeScenarioPasses() throws IOException, InterruptedException {
        runSuite(null, Path.of("target", "conformance.log"));
    }

    /** Suite 0.2.0-alpha.12, exactly the scenarios the 2026-07-28 revision requires, on its stateless wire. */
    @Test
    void everyInScopeScenarioOf20260728Passes() throws IOException, InterruptedException {
        runSuite("2026-07-28", Path.of("target", "conformance-2026-07-28.log"));
    }

    /** Suite 0.2.0-alpha.12, exactly the scenarios the 2025-11-25 revision requires, on its wire (with a session). */
    @Test
    void everyInScopeScenarioOf20251125Passes() throws IOException, InterruptedException {
        runSuite("2025-11-25", Path.of("target", "conformance-2025-11-25.log"));
    }

    private static void runSuite(String requirements, Path log) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("it.conformance.script"));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        "bash",
                        script.toString(),
                        McpHttp.forContextRoot("it-conformance").endpoint().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("CONFORMANCE_REQUIREMENTS");
        if (requirements != null) {
            builder.environment().put("CONFORMANCE_REQUIREMENTS", requirements);
        }
        Process run = builder.start();
        if (!run.waitFor(15, TimeUnit.MINUTES)) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        System.out.println(output);
        String which = requirements == null ? "conformance run" : "conformance run (requirements " + requirements + ")";
        assertEquals(0, run.exitValue(), which + " failed; see " + log.toAbsolutePath() + "\n" + output);
    }
}

package dev.mcpauth.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
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
 * Runs the official MCP conformance suite ({@code @modelcontextprotocol/conformance}, server mode) against a
 * WAR on the real Liberty. The script fails when a scenario outside {@code conformance/expected-failures.txt}
 * fails, or when a listed one starts passing; its report is kept under {@code it/target/conformance-results}.
 */
@ExtendWith(ArquillianExtension.class)
class ConformanceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("it-conformance", "mcp.server.name=conformance-fixture\nmcp.auth.enabled=false\n", ConformanceTools.class);
    }

    @Test
    void everyInScopeScenarioPasses() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("it.conformance.script"));
        Path log = Path.of("target", "conformance.log");
        Files.createDirectories(log.getParent());
        Process run = new ProcessBuilder(List.of("bash", script.toString(), McpHttp.forContextRoot("it-conformance").endpoint().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!run.waitFor(15, TimeUnit.MINUTES)) {
            run.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertEquals(0, run.exitValue(), "conformance run failed; see " + log.toAbsolutePath() + "\n" + output);
    }
}

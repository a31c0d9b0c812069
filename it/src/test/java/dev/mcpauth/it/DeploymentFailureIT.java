package dev.mcpauth.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.broken.DuplicateNameTools;
import dev.mcpauth.it.broken.UnsupportedParameterTools;
import dev.mcpauth.it.fixture.IdentityTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Broken tool beans fail the deployment on Liberty, and the server log names the method and the fix. */
@ExtendWith(ArquillianExtension.class)
class DeploymentFailureIT {

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "duplicate", managed = false, testable = false)
    static WebArchive duplicateNames() {
        return Deployments.war("broken-duplicate", "mcp.auth.enabled=false\n", DuplicateNameTools.class);
    }

    @Deployment(name = "unsupported", managed = false, testable = false)
    static WebArchive unsupportedParameter() {
        return Deployments.war("broken-unsupported", "mcp.auth.enabled=false\n", UnsupportedParameterTools.class);
    }

    @Deployment(name = "no-resource", managed = false, testable = false)
    static WebArchive missingResource() {
        return Deployments.war("broken-no-resource", "mp.jwt.verify.issuer=http://localhost:8180/realms/mcp\n", IdentityTools.class);
    }

    @Deployment(name = "bad-auth-config", managed = false, testable = false)
    static WebArchive badAuthConfiguration() {
        return Deployments.war("broken-auth-config", "mcp.auth.resource=http://localhost:9081/mcp#part\n"
                + "mp.jwt.verify.issuer=not a url\n", IdentityTools.class);
    }

    @Test
    void aMissingResourceFailsTheDeploymentNamingTheKey() throws Exception {
        assertDeploymentFails("no-resource", "MCPAUTH-0401: mcp.auth.resource is required");
    }

    @Test
    void badAuthValuesFailTheDeploymentNamingEachKey() throws Exception {
        assertDeploymentFails("bad-auth-config", "MCPAUTH-0403: mcp.auth.resource must not have a fragment");
        assertTrue(Files.readString(Path.of(System.getProperty("it.server.dir"), "logs", "messages.log"))
                .contains("MCPAUTH-0404: mp.jwt.verify.issuer must be an absolute http(s) URL, not 'not a url'"));
    }

    @Test
    void twoToolsWithOneNameFailTheDeploymentNamingBothMethods() throws Exception {
        assertDeploymentFails("duplicate", "MCPAUTH-0102: the tool name 'lookup' is used by both "
                + DuplicateNameTools.class.getName() + "#lookupCustomer and " + DuplicateNameTools.class.getName() + "#lookupOrder");
    }

    @Test
    void anUnsupportedParameterTypeFailsTheDeploymentNamingTheMethod() throws Exception {
        assertDeploymentFails("unsupported", "MCPAUTH-0103: @Tool " + UnsupportedParameterTools.class.getName()
                + "#describe parameter 'anything' has an unsupported type");
    }

    private void assertDeploymentFails(String deployment, String expectedMessage) throws IOException, InterruptedException {
        Path log = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");
        try {
            assertThrows(Exception.class, () -> deployer.deploy(deployment), "the deployment should have failed");
            // Liberty writes the CDI failure to messages.log; give the logger a moment to flush
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (!Files.readString(log).contains(expectedMessage) && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            assertTrue(Files.readString(log).contains(expectedMessage), "messages.log should contain: " + expectedMessage);
        } finally {
            try {
                deployer.undeploy(deployment);
            } catch (RuntimeException e) {
                // nothing deployed is fine
            }
        }
    }
}

package dev.mcpauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.Tool;
import dev.mcpauth.it.broken.BrokenFeatures;
import dev.mcpauth.it.broken.ClashingFeatures;
import dev.mcpauth.it.broken.ConstructorInjectionOnlyTools;
import dev.mcpauth.it.broken.DuplicateNameTools;
import dev.mcpauth.it.broken.InvalidScopeTools;
import dev.mcpauth.it.broken.PrivateConstructorTools;
import dev.mcpauth.it.broken.UnnamedParameterTools;
import dev.mcpauth.it.broken.UnsupportedParameterTools;
import dev.mcpauth.it.fixture.IdentityTools;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
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
        return Deployments.war(
                "broken-no-resource", "mp.jwt.verify.issuer=http://localhost:8180/realms/mcp\n", IdentityTools.class);
    }

    @Deployment(name = "bad-auth-config", managed = false, testable = false)
    static WebArchive badAuthConfiguration() {
        return Deployments.war(
                "broken-auth-config",
                "mcp.auth.resource=http://localhost:9081/mcp#part\n" + "mp.jwt.verify.issuer=not a url\n",
                IdentityTools.class);
    }

    @Deployment(name = "unnamed-parameter", managed = false, testable = false)
    static WebArchive unnamedParameter() throws IOException {
        String classFile = UnnamedParameterTools.class.getName().replace('.', '/') + ".class";
        return Deployments.war("broken-unnamed-parameter", "mcp.auth.enabled=false\n")
                .add(
                        new ByteArrayAsset(compiledWithoutParameterNames(UnnamedParameterTools.class)),
                        "WEB-INF/classes/" + classFile);
    }

    @Deployment(name = "private-constructor", managed = false, testable = false)
    static WebArchive privateConstructor() {
        return Deployments.war("broken-private-constructor", "mcp.auth.enabled=false\n", PrivateConstructorTools.class);
    }

    @Deployment(name = "constructor-injection", managed = false, testable = false)
    static WebArchive constructorInjectionOnly() {
        return Deployments.war(
                "broken-constructor-injection", "mcp.auth.enabled=false\n", ConstructorInjectionOnlyTools.class);
    }

    @Deployment(name = "invalid-scope", managed = false, testable = false)
    static WebArchive invalidScope() {
        return Deployments.war("broken-invalid-scope", "mcp.auth.enabled=false\n", InvalidScopeTools.class);
    }

    @Deployment(name = "broken-features", managed = false, testable = false)
    static WebArchive brokenFeatures() {
        return Deployments.war("broken-features", "mcp.auth.enabled=false\n", BrokenFeatures.class);
    }

    @Deployment(name = "clashing-features", managed = false, testable = false)
    static WebArchive clashingFeatures() {
        return Deployments.war("clashing-features", "mcp.auth.enabled=false\n", ClashingFeatures.class);
    }

    @Test
    void brokenResourcesPromptsAndCompletionsAreAllReportedNamingEachMethod() throws Exception {
        String bean = BrokenFeatures.class.getName();
        assertDeploymentFails(
                "broken-features",
                List.of(
                        List.of("MCPAUTH-0120", bean + "#schemeless", "'no scheme here'"),
                        List.of("MCPAUTH-0121", bean + "#unclosed", "'tickets://{id'"),
                        List.of("MCPAUTH-0122", bean + "#wrongParameter", "'id'"),
                        List.of("MCPAUTH-0123", bean + "#wrongParameter", "'orderId'"),
                        List.of("MCPAUTH-0130", bean + "#countedPrompt", "'count'"),
                        List.of("MCPAUTH-0131", bean + "#numberPrompt"),
                        List.of("MCPAUTH-0140", bean + "#notAList")));
    }

    @Test
    void clashesAcrossTheDeploymentAreAllReported() throws Exception {
        String bean = ClashingFeatures.class.getName();
        assertDeploymentFails(
                "clashing-features",
                List.of(
                        List.of("MCPAUTH-0125", "'desk://stats'", bean + "#stats", bean + "#statsAgain"),
                        List.of("MCPAUTH-0132", "'greet'", bean + "#greet", bean + "#greetAgain"),
                        List.of("MCPAUTH-0141", bean + "#nobody", "ref/prompt greet (nobody)")));
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
        // CDI does not order a bean's methods, so the two may be named either way round
        assertDeploymentFails(
                "duplicate",
                List.of(List.of(
                        "MCPAUTH-0102: the tool name 'lookup' is used by both ",
                        DuplicateNameTools.class.getName() + "#lookupCustomer",
                        DuplicateNameTools.class.getName() + "#lookupOrder")));
    }

    @Test
    void anUnsupportedParameterTypeFailsTheDeploymentNamingTheMethod() throws Exception {
        assertDeploymentFails(
                "unsupported",
                "MCPAUTH-0103: @Tool " + UnsupportedParameterTools.class.getName()
                        + "#describe parameter 'anything' has an unsupported type");
    }

    @Test
    void aParameterWithoutANameFailsTheDeploymentNamingTheMethod() throws Exception {
        assertDeploymentFails(
                "unnamed-parameter",
                List.of(List.of(
                        "MCPAUTH-0106",
                        "@Tool " + UnnamedParameterTools.class.getName() + "#greet parameter 0 has no name",
                        "-parameters")));
    }

    @Test
    void aToolBeanWithOnlyAPrivateNoArgConstructorFailsTheDeploymentNamingTheClass() throws Exception {
        assertDeploymentFails(
                "private-constructor",
                List.of(List.of(
                        "MCPAUTH-0108",
                        "tool bean " + PrivateConstructorTools.class.getName() + " is @ApplicationScoped")));
    }

    @Test
    void aToolBeanWithOnlyAConstructorWithParametersFailsTheDeploymentNamingTheClass() throws Exception {
        assertDeploymentFails(
                "constructor-injection",
                List.of(List.of(
                        "MCPAUTH-0108",
                        "tool bean " + ConstructorInjectionOnlyTools.class.getName() + " is @ApplicationScoped")));
    }

    @Test
    void anInvalidRequiredScopeFailsTheDeploymentNamingTheMethodAndTheScope() throws Exception {
        assertDeploymentFails(
                "invalid-scope",
                List.of(
                        List.of("MCPAUTH-0109", InvalidScopeTools.class.getName() + "#readTickets", "'tickets read'"),
                        List.of("MCPAUTH-0109", InvalidScopeTools.class.getName() + "#quoted", "'a\"b'")));
    }

    private void assertDeploymentFails(String deployment, String expectedMessage)
            throws IOException, InterruptedException {
        assertDeploymentFails(deployment, List.of(List.of(expectedMessage)));
    }

    /**
     * Deploys {@code deployment}, expects it to fail, and expects the server log written since then to hold,
     * for each entry of {@code expectedLines}, one line that contains all of that entry's fragments.
     */
    private void assertDeploymentFails(String deployment, List<List<String>> expectedLines)
            throws IOException, InterruptedException {
        Path log = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");
        long start = Files.exists(log) ? Files.size(log) : 0;
        try {
            assertThrows(Exception.class, () -> deployer.deploy(deployment), "the deployment should have failed");
            // Liberty writes the CDI failure to messages.log; give the logger a moment to flush
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (!missingLines(readFrom(log, start), expectedLines).isEmpty()
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            List<List<String>> missing = missingLines(readFrom(log, start), expectedLines);
            assertTrue(
                    missing.isEmpty(),
                    "messages.log should have a line containing each of " + missing
                            + "; it says since the deployment:\n" + readFrom(log, start));
        } finally {
            try {
                deployer.undeploy(deployment);
            } catch (RuntimeException e) {
                // nothing deployed is fine
            }
        }
    }

    private static List<List<String>> missingLines(String log, List<List<String>> expectedLines) {
        return expectedLines.stream()
                .filter(fragments ->
                        log.lines().noneMatch(line -> fragments.stream().allMatch(line::contains)))
                .toList();
    }

    /** The log text from byte {@code start} on; the whole log if it was rolled over since. */
    private static String readFrom(Path log, long start) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = file.length() < start ? 0 : start;
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * {@code type}'s class file as {@code javac} makes it without {@code -parameters} (the build compiles the
     * tests with it), from its source in this module, so the tool's parameter has no name at run time.
     */
    private static byte[] compiledWithoutParameterNames(Class<?> type) throws IOException {
        String relative = type.getName().replace('.', '/');
        Path source = Path.of(System.getProperty("it.root"), "it", "src", "test", "java", relative + ".java");
        Path out = Files.createTempDirectory("no-parameter-names");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertTrue(javac != null, "the tests must run on a JDK: no Java compiler to compile " + source);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int exit = javac.run(
                null,
                diagnostics,
                diagnostics,
                "--release",
                "17",
                "-proc:none",
                "-d",
                out.toString(),
                "-classpath",
                location(Tool.class) + File.pathSeparator + location(ApplicationScoped.class),
                source.toString());
        assertEquals(0, exit, "javac " + source + ": " + diagnostics.toString(StandardCharsets.UTF_8));
        byte[] compiled = Files.readAllBytes(out.resolve(relative + ".class"));
        // the attribute -parameters writes; present in the build's copy, so its absence here is meaningful
        try (InputStream built = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            assertTrue(
                    new String(built.readAllBytes(), StandardCharsets.ISO_8859_1).contains("MethodParameters"),
                    "the build should compile tests with -parameters");
        }
        assertFalse(
                new String(compiled, StandardCharsets.ISO_8859_1).contains("MethodParameters"),
                "compiled without -parameters, yet the class file keeps parameter names");
        return compiled;
    }

    private static String location(Class<?> member) {
        try {
            return new File(member.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.mcpauth.it.payara;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The unchanged sample WAR on Payara Micro 6 (Jakarta EE 10, like Open Liberty's features the sample uses), started
 * as a user would: {@code java -jar payara-micro.jar --deploy liberty-sample.war --contextroot / --port P --nocluster},
 * configured only by environment variables. The build copies the Payara Micro jar to {@code it.payara.jar}; logs go
 * to {@code it/target/payara}.
 */
class PayaraMicroSampleIT extends SampleResourceServerContract {

    private static final Path WORK = ServerProcesses.root().resolve("it/target/payara");
    private static final Path LOG = WORK.resolve("payara-micro.log");
    private static Process payara;
    private static int port;

    @Override
    protected String publicBase() {
        return "http://localhost:" + port;
    }

    @BeforeAll
    static void startPayaraMicro() throws Exception {
        Path jar = Path.of(System.getProperty("it.payara.jar", WORK.resolve("payara-micro.jar").toString()));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the it build copies it (maven-dependency-plugin)");
        }
        port = ServerProcesses.freePort();
        Files.createDirectories(WORK);
        Files.deleteIfExists(LOG);
        Instant start = Instant.now();
        payara = ServerProcesses.start(List.of(javaBin(), "-Xmx512m", "-jar", jar.toString(),
                "--deploy", ServerProcesses.sampleWar().toString(), "--contextroot", "/",
                "--port", Integer.toString(port), "--nocluster", "--rootdir", WORK.resolve("root").toString()),
                sampleEnvironment("http://localhost:" + port), LOG);
        // Payara Micro opens its port before it deploys: ready is when the metadata answers, not when the port does
        ServerProcesses.awaitOk("http://localhost:" + port + "/.well-known/oauth-protected-resource/mcp", startupTimeout(), payara, LOG);
        System.out.printf("Payara Micro served the sample after %d s%n", Duration.between(start, Instant.now()).toSeconds());
    }

    /**
     * Nothing SEVERE at start or while serving. Jersey (Payara's Jakarta REST) does log a WARNING per runtime resource
     * that it "does not implement any provider interfaces" and "will be ignored": its check of instances from
     * {@code Application.getSingletons()} (eclipse-ee4j/jersey#3700, #4230). The resources are served, as every test
     * here shows; registering them with {@code getClasses()} instead removed the warning but made {@code /mcp} answer
     * an empty 500 on some starts, so the runtime keeps its singletons and the README names the warning.
     */
    @Test
    void payaraLogsNothingSevere() throws Exception {
        String log = Files.readString(LOG);
        assertFalse(log.contains("SEVERE"), "Payara logged a SEVERE message; see " + LOG);
    }

    @AfterAll
    static void stopPayaraMicro() throws Exception {
        ServerProcesses.stop(payara);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

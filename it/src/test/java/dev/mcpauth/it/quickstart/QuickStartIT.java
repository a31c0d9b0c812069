package dev.mcpauth.it.quickstart;

import static dev.mcpauth.it.McpHttp.bearer;
import static dev.mcpauth.it.McpHttp.toolsCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.auth.TestAuthorizationServer;
import dev.mcpauth.it.support.ServerProcesses;
import dev.mcpauth.runtime.cdi.McpExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start, tested as written. A fresh WAR project is made from the snippets of the README's section
 * "Quick start: your own WAR", read from README.md at test time so the two cannot drift: the Java class, compiled
 * with {@code -parameters} as the README says, against the jars its dependency brings plus the Jakarta EE 10 API the
 * README's WAR project has; the configuration file at the path the README names; and, in {@code WEB-INF/lib}, the
 * runtime and its dependencies (those of {@link Deployments#libraries()}; the dependency named in the README must be
 * the runtime this build made). The WAR runs on its own Open Liberty server (the build's installation, user directory
 * {@code it/target/quickstart/usr}, port {@value #PORT}) whose {@code server.xml} enables exactly the features the
 * README lists, at the context root {@code /quickstart}. A client then sees what the README promises: the 401
 * challenge and its metadata, lists filtered by scope, the 403 step-up, and a token for another resource refused.
 *
 * <p>What the test fills in is only what the README leaves to the user, and nothing else:
 * <ul>
 * <li>a package ({@value #PACKAGE}) for the class;</li>
 * <li>the method bodies: each {@code { ... }} becomes {@code { return null; }} (the runtime answers a tool's
 * {@code null} with an error result, so a call that gets through is seen by that);</li>
 * <li>the user's own types the snippet uses, {@code record Ticket(String id)} and {@code record Draft(String text)},
 * unless the snippet declares them;</li>
 * <li>the two URLs of the configuration file, which name the user's hosts: {@code mcp.auth.resource} becomes this
 * server's loopback URL ({@value #RESOURCE}) and {@code mp.jwt.verify.issuer} the issuer of the test authorization
 * server in this JVM ({@link TestAuthorizationServer}: real HTTP metadata and JWKS). Every other line is kept.</li>
 * </ul>
 * The server is stopped after the class, whatever happened. The project, WAR and logs stay in {@code it/target/quickstart}.
 */
class QuickStartIT {

    /** Free of the other suites' ports (9080, 9081, 9180-9190, 9280, 9380-9382, 8180, 8290), the demo's among them. */
    static final int PORT = 9470;

    static final String CONTEXT_ROOT = "quickstart";
    static final String PACKAGE = "com.example.tickets";
    static final String BASE = "http://localhost:" + PORT + "/" + CONTEXT_ROOT;
    static final String RESOURCE = BASE + "/mcp";
    /** RFC 9728's location below the context root, where the challenge points (docs/deployment.md). */
    static final String METADATA_URL = BASE + "/.well-known/oauth-protected-resource/" + CONTEXT_ROOT + "/mcp";

    private static final String SERVER = "quickstart";
    private static final Path ROOT = ServerProcesses.root();
    private static final Path WORK = ROOT.resolve("it/target/quickstart");
    private static final Path PROJECT = WORK.resolve("project");
    private static final Path USER_DIR = WORK.resolve("usr");
    private static final Path SERVER_DIR = USER_DIR.resolve("servers/" + SERVER);
    private static final Path LIBERTY = Path.of(System.getProperty(
                    "it.liberty.home", ROOT.resolve("it/target/liberty/wlp").toString()))
            .resolve("bin/server");
    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static final McpHttp MCP = new McpHttp(URI.create(RESOURCE));

    private static QuickStartSection readme;
    private static boolean serverStarted;

    @BeforeAll
    static void buildTheQuickStartWarAndDeployIt() throws Exception {
        readme = QuickStartSection.read(ROOT.resolve("README.md"));
        ServerProcesses.assertPortFree(PORT);
        delete(WORK);
        Instant start = Instant.now();
        Path classes = compile(writeProject());
        Path war = SERVER_DIR.resolve("apps/" + CONTEXT_ROOT + ".war");
        Files.createDirectories(war.getParent());
        buildWar(classes).as(ZipExporter.class).exportTo(war.toFile(), true);
        Files.writeString(SERVER_DIR.resolve("server.xml"), serverXml(readme.features()));
        Instant built = Instant.now();

        serverStarted = true;
        Path log = WORK.resolve("server-start.log");
        assertEquals(
                0,
                ServerProcesses.run(
                        List.of(LIBERTY.toString(), "start", SERVER, "--clean"),
                        environment(),
                        log,
                        Duration.ofMinutes(3)),
                "Liberty did not start; see " + log);
        awaitTheApplication(Duration.ofMinutes(3));
        ServerProcesses.awaitOk(
                BASE + "/.well-known/oauth-protected-resource", Duration.ofSeconds(30), null, messagesLog());
        System.out.printf(
                "quick start: WAR built from the README in %d ms, served by Liberty (%s) %d s later%n",
                Duration.between(start, built).toMillis(),
                String.join(", ", readme.features()),
                Duration.between(built, Instant.now()).toSeconds());
    }

    @AfterAll
    static void stopTheServer() throws Exception {
        if (serverStarted) {
            Path log = WORK.resolve("server-stop.log");
            // 1: "Server quickstart is not running", after a start that failed
            int exit = ServerProcesses.run(
                    List.of(LIBERTY.toString(), "stop", SERVER), environment(), log, Duration.ofMinutes(2));
            assertTrue(exit == 0 || exit == 1, "Liberty did not stop (exit " + exit + "); see " + log);
        }
    }

    /**
     * The README's dependency is the runtime this build made, or, while the build is a development version after a
     * release, that release (docs/releasing.md: the README keeps showing the released version, and the API check keeps
     * what it shows compiling against this build).
     */
    @Test
    void theReadmesDependencyIsTheRuntimeOfThisBuildOrItsRelease() throws IOException {
        Properties built = runtimeCoordinates();
        String version = built.getProperty("version");
        if (version.endsWith("-SNAPSHOT")) {
            version = newestRelease().orElse(version);
        }
        assertEquals(
                built.getProperty("groupId") + ":" + built.getProperty("artifactId") + ":" + version,
                readme.groupId() + ":" + readme.artifactId() + ":" + readme.version());
    }

    /** The newest release CHANGELOG.md names (a heading {@code ## 0.1.0 (2026-12-02)}), if there is one yet. */
    private static Optional<String> newestRelease() throws IOException {
        Matcher release = Pattern.compile("(?m)^## (\\d+\\.\\d+\\.\\d+) \\(\\d{4}-\\d{2}-\\d{2}\\)$")
                .matcher(Files.readString(ROOT.resolve("CHANGELOG.md")));
        return release.find() ? Optional.of(release.group(1)) : Optional.empty();
    }

    /** The README says the sample's server.xml shows the features: they are the same list. */
    @Test
    void theReadmesFeaturesAreThoseOfTheSamplesServerXml() throws IOException {
        String sample = Files.readString(ROOT.resolve("liberty-sample/src/main/liberty/config/server.xml"));
        List<String> features = new ArrayList<>();
        Matcher feature =
                Pattern.compile("<feature>\\s*([^<\\s]+)\\s*</feature>").matcher(sample);
        while (feature.find()) {
            features.add(feature.group(1));
        }
        assertEquals(
                features.stream().sorted().toList(),
                readme.features().stream().sorted().toList());
    }

    @Test
    void withoutATokenTheChallengePointsToTheMetadataBelowTheContextRoot() {
        HttpResponse<String> response = MCP.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        assertEquals(401, response.statusCode(), response.body());
        String challenge = challenge(response);
        assertTrue(challenge.startsWith("Bearer "), challenge);
        assertTrue(challenge.contains("resource_metadata=\"" + METADATA_URL + "\""), challenge);
        assertTrue(challenge.contains("scope=\"tickets:read\""), challenge);
        assertFalse(challenge.contains("error="), "no error when no token was sent: " + challenge);
    }

    /** The document the challenge points to (RFC 9728): the resource, its authorization server, the annotations' scopes. */
    @Test
    void theMetadataNamesTheResourceTheAuthorizationServerAndTheScopes() {
        String url = challenge(MCP.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                .replaceAll(".*resource_metadata=\"([^\"]+)\".*", "$1");
        HttpResponse<String> response =
                MCP.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        JsonObject metadata = McpHttp.json(response.body());
        assertEquals(RESOURCE, metadata.getString("resource"));
        assertEquals(List.of(AS.issuer()), strings(metadata, "authorization_servers"));
        assertEquals(
                List.of("tickets:read", "tickets:write"),
                strings(metadata, "scopes_supported").stream().sorted().toList());
        assertEquals(List.of("header"), strings(metadata, "bearer_methods_supported"));
    }

    /**
     * A 2025-11-25 client (the README's era: its steps cite MCP 2025-11-25 Authorization) with {@code tickets:read}:
     * {@code initialize} succeeds, {@code tools/list} shows searchTickets's tool ({@code search_tickets}, the method
     * name in snake case, docs/guide.md) but not draftReply's, and searchTickets runs. With both scopes both are
     * listed, their arguments named after the Java parameters ({@code -parameters}).
     */
    @Test
    void theListShowsOnlyWhatTheTokensScopesAllow() {
        String read = token(RESOURCE, "tickets:read");
        HttpResponse<String> initialized = MCP.post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                        + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"quickstart-it\",\"version\":\"1\"}}}",
                bearer(read));
        assertEquals(200, initialized.statusCode(), initialized.body());
        assertEquals(
                "2025-11-25",
                McpHttp.json(initialized.body()).getJsonObject("result").getString("protocolVersion"));

        Map<String, List<String>> readTools = tools(read);
        assertEquals(List.of("search_tickets"), List.copyOf(readTools.keySet()));
        assertEquals(List.of("query"), readTools.get("search_tickets"));
        // the call reaches the method: the test's stub body returns null, which the runtime answers as an error result
        JsonObject searched = MCP.callTool(read, "search_tickets", "{\"query\":\"printer\"}");
        assertEquals("The tool returned no result.", McpHttp.text(searched));

        Map<String, List<String>> readWriteTools = tools(token(RESOURCE, "tickets:read tickets:write"));
        assertEquals(List.of("draft_reply", "search_tickets"), List.copyOf(readWriteTools.keySet()));
        assertEquals(List.of("text", "ticketId"), readWriteTools.get("draft_reply"));
    }

    /** Step-up: draftReply with {@code tickets:read} only is a 403 naming both scopes; with both the call gets through. */
    @Test
    void draftReplyWithoutTicketsWriteIsA403NamingBothScopes() {
        String call = toolsCall("draft_reply", "{\"ticketId\":\"T-1\",\"text\":\"On its way\"}");
        HttpResponse<String> response = MCP.post(call, bearer(token(RESOURCE, "tickets:read")));
        assertEquals(403, response.statusCode(), response.body());
        String challenge = challenge(response);
        assertTrue(challenge.startsWith("Bearer "), challenge);
        assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("scope=\"tickets:read tickets:write\""), challenge);
        assertTrue(challenge.contains("resource_metadata=\"" + METADATA_URL + "\""), challenge);
        assertEquals("insufficient_scope", McpHttp.json(response.body()).getString("error"));

        HttpResponse<String> steppedUp = MCP.post(call, bearer(token(RESOURCE, "tickets:read tickets:write")));
        assertEquals(200, steppedUp.statusCode(), steppedUp.body());
        assertTrue(McpHttp.json(steppedUp.body()).containsKey("result"), steppedUp.body());
    }

    /** The audience defaults to the resource: a token for the README's own example resource, or another WAR here, is refused. */
    @Test
    void aTokenForAnotherResourceIsRefused() {
        for (String audience : List.of("https://mcp.example.com/mcp", "http://localhost:" + PORT + "/other/mcp")) {
            HttpResponse<String> response = MCP.post(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                    bearer(token(audience, "tickets:read tickets:write")));
            assertEquals(401, response.statusCode(), audience + ": " + response.body());
            String challenge = challenge(response);
            assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
            assertTrue(challenge.contains("The token is meant for another resource (aud)"), challenge);
            assertEquals("invalid_token", McpHttp.json(response.body()).getString("error"));
        }
    }

    /** Nothing at error level in Liberty's log: the application started clean with only the README's features. */
    @Test
    void libertyLoggedNoError() throws IOException {
        assertEquals(List.of(), errors(), "see " + messagesLog());
    }

    /** The user's project, as the README makes it (see the class comment for what is filled in); returns its sources. */
    private static List<Path> writeProject() throws IOException {
        Path sources = PROJECT.resolve("src/main/java/" + PACKAGE.replace('.', '/'));
        Files.createDirectories(sources);
        String java = readme.javaSource();
        Matcher className = Pattern.compile("public class (\\w+)").matcher(java);
        assertTrue(className.find(), "the quick start's Java block declares no public class");
        String filled = "package " + PACKAGE + ";\n\n" + java.replaceAll("\\{\\s*\\.\\.\\.\\s*\\}", "{ return null; }");
        List<Path> written = new ArrayList<>();
        written.add(Files.writeString(sources.resolve(className.group(1) + ".java"), filled));
        for (String type : List.of("record Ticket(String id)", "record Draft(String text)")) {
            String name = type.split("[ (]")[1];
            if (!Pattern.compile("\\b(class|record|interface|enum) " + name + "\\b")
                    .matcher(java)
                    .find()) {
                written.add(Files.writeString(
                        sources.resolve(name + ".java"), "package " + PACKAGE + ";\n\npublic " + type + " {\n}\n"));
            }
        }

        Path config = PROJECT.resolve("src/main/resources/" + readme.propertiesPath());
        Files.createDirectories(config.getParent());
        Files.writeString(config, loopback(readme.properties()));
        return written;
    }

    /** The README's configuration with its two URLs pointed at loopback (this server and the test authorization server). */
    private static String loopback(String properties) {
        String result = properties;
        for (Map.Entry<String, String> setting : Map.of(
                        "mcp.auth.resource", RESOURCE, "mp.jwt.verify.issuer", AS.issuer())
                .entrySet()) {
            Pattern line = Pattern.compile("(?m)^(" + Pattern.quote(setting.getKey()) + "\\s*=).*$");
            assertTrue(line.matcher(result).find(), "the quick start's properties no longer set " + setting.getKey());
            result = line.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(setting.getValue()));
        }
        return result;
    }

    /**
     * Compiles the sources as the README says ({@code -parameters}), against what a user's project has on its compile
     * class path: the jars the README's dependency brings and the Jakarta EE 10 API ({@code provided}).
     */
    private static Path compile(List<Path> sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertTrue(compiler != null, "the tests need a JDK (javax.tools), not a JRE");
        Path classes = PROJECT.resolve("target/classes");
        Files.createDirectories(classes);
        List<File> classPath = new ArrayList<>(Deployments.libraryLocations());
        classPath.add(Deployments.location(ApplicationScoped.class));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "-parameters",
                    "--release",
                    "17",
                    "-classpath",
                    classPath.stream().map(File::getPath).collect(Collectors.joining(File.pathSeparator)),
                    "-d",
                    classes.toString());
            boolean compiled = compiler.getTask(
                            null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
            assertTrue(
                    compiled,
                    () -> "the README's quick start does not compile:\n"
                            + diagnostics.getDiagnostics().stream()
                                    .map(Object::toString)
                                    .collect(Collectors.joining("\n")));
        }
        return classes;
    }

    /** The WAR a Maven build of the project would make: its classes and configuration, the runtime and its dependencies. */
    private static WebArchive buildWar(Path classes) throws IOException {
        WebArchive war =
                ShrinkWrap.create(WebArchive.class, CONTEXT_ROOT + ".war").addAsLibraries(Deployments.libraries());
        Path resources = PROJECT.resolve("src/main/resources");
        for (Path tree : List.of(classes, resources)) {
            try (Stream<Path> paths = Files.walk(tree)) {
                for (Path file : paths.filter(Files::isRegularFile).toList()) {
                    war.addAsResource(
                            file.toFile(), tree.relativize(file).toString().replace(File.separatorChar, '/'));
                }
            }
        }
        return war;
    }

    /** Exactly the README's features; the port on loopback, and the WAR at a context root other than {@code /}. */
    private static String serverXml(List<String> features) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<server description=\"QuickStartIT: the README's quick start\">\n"
                + "    <featureManager>\n"
                + features.stream()
                        .map(feature -> "        <feature>" + feature + "</feature>\n")
                        .collect(Collectors.joining())
                + "    </featureManager>\n"
                + "    <httpEndpoint id=\"defaultHttpEndpoint\" host=\"localhost\" httpPort=\"" + PORT
                + "\" httpsPort=\"-1\"/>\n"
                + "    <webApplication location=\"" + CONTEXT_ROOT + ".war\" contextRoot=\"/" + CONTEXT_ROOT + "\"/>\n"
                + "</server>\n";
    }

    /** The coordinates of the runtime jar on the class path (its pom.properties; from an IDE, its module's pom.xml). */
    private static Properties runtimeCoordinates() throws IOException {
        File location = Deployments.location(McpExtension.class);
        Properties coordinates = new Properties();
        if (location.isFile()) {
            try (ZipFile jar = new ZipFile(location)) {
                ZipEntry entry = jar.stream()
                        .filter(e -> e.getName().matches("META-INF/maven/[^/]+/[^/]+/pom\\.properties"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(location + " has no Maven pom.properties"));
                try (InputStream in = jar.getInputStream(entry)) {
                    coordinates.load(in);
                }
            }
            return coordinates;
        }
        // runtime/target/classes: read runtime/pom.xml, whose groupId and version are its parent's
        String pom = Files.readString(location.toPath().resolve("../../pom.xml").normalize());
        String parent = pom.replaceAll("(?s).*?<parent>(.*?)</parent>.*", "$1");
        coordinates.setProperty("groupId", first(parent, "groupId"));
        coordinates.setProperty("version", first(parent, "version"));
        coordinates.setProperty("artifactId", first(pom.replaceAll("(?s)<parent>.*?</parent>", ""), "artifactId"));
        return coordinates;
    }

    private static String first(String xml, String element) {
        Matcher matcher =
                Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(xml);
        assertTrue(matcher.find(), "no <" + element + ">");
        return matcher.group(1).trim();
    }

    /** The tools {@code tools/list} shows the token's caller, each with its argument names, in name order. */
    private static Map<String, List<String>> tools(String token) {
        HttpResponse<String> response =
                MCP.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", bearer(token));
        assertEquals(200, response.statusCode(), response.body());
        return McpHttp.json(response.body())
                .getJsonObject("result")
                .getJsonArray("tools")
                .getValuesAs(JsonObject.class)
                .stream()
                .collect(Collectors.toMap(
                        tool -> tool.getString("name"),
                        tool -> tool.getJsonObject("inputSchema").getJsonObject("properties").keySet().stream()
                                .sorted()
                                .toList(),
                        (a, b) -> a,
                        java.util.TreeMap::new));
    }

    private static String token(String audience, String scope) {
        return AS.rs256(AS.claims(audience, scope).build());
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static String challenge(HttpResponse<String> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse("(none)");
    }

    private static Map<String, String> environment() {
        return Map.of("WLP_USER_DIR", USER_DIR.toString(), "JAVA_HOME", System.getProperty("java.home"));
    }

    /** Waits for Liberty to report the application started; fails at once when it logs an error instead. */
    private static void awaitTheApplication(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<String> errors = errors();
            if (!errors.isEmpty()) {
                throw new AssertionError("Liberty could not run the quick start's WAR:\n" + String.join("\n", errors)
                        + "\nsee " + messagesLog());
            }
            if (Files.exists(messagesLog())
                    && Files.readString(messagesLog())
                            .contains("CWWKZ0001I: Application " + CONTEXT_ROOT + " started")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not start within " + timeout + "; see " + messagesLog());
    }

    /** The lines Liberty logged at error level ({@code E}). */
    private static List<String> errors() throws IOException {
        if (!Files.exists(messagesLog())) {
            return List.of();
        }
        return Files.readAllLines(messagesLog()).stream()
                .filter(line -> line.matches("\\[[^\\]]+\\] \\S+ \\S+\\s+E .*"))
                .toList();
    }

    private static Path messagesLog() {
        return SERVER_DIR.resolve("logs/messages.log");
    }

    private static void delete(Path tree) throws IOException {
        if (Files.exists(tree)) {
            try (Stream<Path> paths = Files.walk(tree)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}

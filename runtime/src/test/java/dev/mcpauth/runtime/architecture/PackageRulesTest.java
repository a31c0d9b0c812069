package dev.mcpauth.runtime.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the runtime's dependencies pointing one way (docs/architecture.md, "Packages of the runtime"): {@code messages}, the
 * home of every message id, beneath all and usable by all; {@code jsonrpc} and {@code config} at the bottom,
 * {@code auth} on them, the feature packages on {@code auth}'s model, {@code protocol} on the features,
 * {@code transport} on the protocol, and {@code cdi}, the composition root, the only package that may see every other.
 * Read from the sources, so a new import that breaks the rule fails the build.
 */
class PackageRulesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/mcpauth/runtime");
    private static final Pattern REFERENCE = Pattern.compile("dev\\.mcpauth\\.runtime\\.([a-z]+)\\.");

    /** Package to the packages of ours it may use. */
    private static final Set<String> FEATURE_BASE = Set.of("messages", "jsonrpc", "auth", "features");

    private static final Set<String> FEATURES = Set.of("tools", "resources", "prompts", "completion");

    /** Package to the packages of ours it may use: the feature packages see the shared feature support, never each other. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("messages", Set.of()),
            Map.entry("jsonrpc", Set.of("messages")),
            Map.entry("config", Set.of("messages")),
            Map.entry("auth", Set.of("messages", "jsonrpc", "config")),
            Map.entry("features", Set.of("messages", "jsonrpc", "auth")),
            Map.entry("tools", FEATURE_BASE),
            Map.entry("resources", FEATURE_BASE),
            Map.entry("prompts", FEATURE_BASE),
            Map.entry("completion", FEATURE_BASE),
            Map.entry("state", Set.of("messages", "config")),
            Map.entry("session", Set.of("messages", "jsonrpc", "config", "auth", "features", "state")),
            Map.entry("tasks", Set.of("messages", "jsonrpc", "config", "auth", "features", "state")),
            Map.entry("downstream", Set.of("messages", "jsonrpc", "config", "auth")),
            Map.entry("telemetry", Set.of("auth", "transport")),
            Map.entry(
                    "protocol",
                    union(
                            Set.of("messages", "jsonrpc", "config", "auth", "features", "session", "state", "tasks"),
                            FEATURES)),
            Map.entry(
                    "transport",
                    union(
                            Set.of("messages", "jsonrpc", "config", "auth", "features", "protocol", "session", "state"),
                            FEATURES)),
            Map.entry(
                    "cdi",
                    union(
                            Set.of(
                                    "messages",
                                    "jsonrpc",
                                    "config",
                                    "auth",
                                    "features",
                                    "protocol",
                                    "transport",
                                    "session",
                                    "state",
                                    "tasks",
                                    "downstream",
                                    "telemetry"),
                            FEATURES)));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Text that only HTTP framing writes: an SSE event's fields and the stream's media type. */
    private static final List<String> HTTP_FORMATS = List.of("\"event: ", "\"data: ", "\\ndata: ", "text/event-stream");

    private static final Set<String> HTTP_FREE = union(
            Set.of("messages", "jsonrpc", "config", "auth", "features", "protocol", "session", "state", "tasks"),
            FEATURES);

    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                Set<String> uses = found.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher matcher = REFERENCE.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(pkg)) {
                        uses.add(matcher.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() {
        List<String> violations = new ArrayList<>();
        dependencies().forEach((pkg, uses) -> {
            Set<String> allowed = ALLOWED.get(pkg);
            if (allowed == null) {
                violations.add("package " + pkg
                        + " has no rule: add it to the table in docs/architecture.md and to this test");
                return;
            }
            uses.stream()
                    .filter(use -> !allowed.contains(use.substring(0, use.indexOf(' '))))
                    .forEach(use -> violations.add(pkg + " -> " + use));
        });
        assertEquals(List.of(), violations);
    }

    @Test
    void theRulesThemselvesHaveNoCycle() {
        for (String start : ALLOWED.keySet()) {
            assertTrue(!reaches(start, start, new TreeSet<>()), "cycle through " + start);
        }
    }

    private static boolean reaches(String from, String target, Set<String> seen) {
        for (String next : ALLOWED.get(from)) {
            if (next.equals(target) || (seen.add(next) && reaches(next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void authAndTheFeatureAndProtocolPackagesKnowNothingOfHttp() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                String text = Files.readString(file);
                if (HTTP_FREE.contains(pkg) && (text.contains("jakarta.ws.rs") || text.contains("jakarta.servlet"))) {
                    violations.add(pkg + "/" + file.getFileName());
                }
                // the wire formats too, not only the imports: Server-Sent Events framing belongs to the transport
                for (String format : HTTP_FORMATS) {
                    if (HTTP_FREE.contains(pkg) && text.contains(format)) {
                        violations.add(pkg + "/" + file.getFileName() + " writes " + format.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /**
     * One composition root (cdi.RuntimeProducers) hands out every part; nothing looks the container up by itself, except
     * the Rest Client listener, which the Rest Client implementation creates through the ServiceLoader, outside CDI.
     */
    @Test
    void nothingLooksUpTheContainer() throws IOException {
        List<String> violations = new ArrayList<>();
        Path serviceLoaded = Path.of("cdi", "OnBehalfOfListener.java");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!SOURCES.relativize(file).equals(serviceLoaded)
                        && Files.readString(file).contains("CDI.current(")) {
                    violations.add(SOURCES.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}

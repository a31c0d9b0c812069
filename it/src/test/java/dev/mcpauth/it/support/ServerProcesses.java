package dev.mcpauth.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts, runs and stops the real programs the integration suites need (Payara Micro, Liberty, nginx, Keycloak, npm and
 * Node scripts) as processes, each with its output in a file. */
public final class ServerProcesses {

    /**
     * HTTP/1.1, as MCP clients speak it: with the JDK client's default (an h2c upgrade attempt on plain HTTP),
     * Payara Micro 6.2025.10 never answered a GET here (each attempt ran into the request timeout).
     */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private ServerProcesses() {}

    /** The repository root (the failsafe plugin passes it). */
    public static Path root() {
        return Path.of(System.getProperty("it.root", "..")).toAbsolutePath().normalize();
    }

    /** The unchanged sample WAR, as {@code mvn install} of liberty-sample leaves it. */
    public static Path sampleWar() {
        Path war = root().resolve("liberty-sample/target/liberty-sample.war");
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(
                    war + " is missing: build liberty-sample first (mvn install -pl liberty-sample -am)");
        }
        return war;
    }

    /** Starts {@code command} in the background with {@code environment} added; output goes to {@code log}. */
    public static Process start(List<String> command, Map<String, String> environment, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs {@code command} to completion and returns its exit code. */
    public static int run(List<String> command, Map<String, String> environment, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Process process = start(command, environment, log);
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            stop(process);
            throw new IllegalStateException(
                    String.join(" ", command) + " did not finish within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /** Stops a process and its children: politely first (SIGTERM), then by force. */
    public static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** Waits until {@code url} answers 200; fails early when {@code process} ends. */
    public static void awaitOk(String url, Duration timeout, Process process, Path log) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(
                        "the server ended with " + process.exitValue() + " before " + url + " answered; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(url + " did not answer 200 within " + timeout + "; see " + log);
    }

    /** A port nobody listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Fails with a clear message when {@code port} is taken. */
    public static void assertPortFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use: stop whatever holds it before this test", e);
        }
    }
}

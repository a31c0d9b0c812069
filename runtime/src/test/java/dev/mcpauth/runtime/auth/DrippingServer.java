package dev.mcpauth.runtime.auth;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** A server that answers 200 at once, then sends its body one byte every 200 ms, for a minute: a slow-loris answer. */
final class DrippingServer {

    private DrippingServer() {}

    static HttpServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "dripping-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 300);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 300; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException e) {
                // the client gave up, as it should
            }
        });
        server.start();
        return server;
    }
}

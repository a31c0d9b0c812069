package dev.mcpauth.it.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends HTTP/1.1 requests over a plain socket, byte for byte, so hostile headers reach the server exactly
 * as written (a normal HTTP client refuses to send many of them).
 */
final class RawHttp {

    /** A response: status code and body text. */
    record Response(int status, String head, String body) {
    }

    private RawHttp() {
    }

    static Response post(int port, String path, byte[] authorization, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (authorization != null) {
                request.writeBytes("Authorization: ".getBytes(StandardCharsets.ISO_8859_1));
                request.writeBytes(authorization);
                request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int headEnd = response.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? response : response.substring(0, headEnd);
            String text = headEnd < 0 ? "" : response.substring(headEnd + 4);
            String[] statusLine = head.split(" ", 3);
            return new Response(statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1, head, text);
        }
    }
}

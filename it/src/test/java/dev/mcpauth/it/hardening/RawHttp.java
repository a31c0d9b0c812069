package dev.mcpauth.it.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Sends HTTP/1.1 requests over a plain socket, byte for byte, so hostile headers reach the server exactly
 * as written (a normal HTTP client refuses to send many of them).
 */
final class RawHttp {

    /**
     * A response: status code, the status line and headers as sent, and the body (de-chunked, as UTF-8 text).
     */
    record Response(int status, String head, String body) {

        /** Every value of header {@code name} (case-insensitive), in the order sent. */
        List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return head.lines()
                    .skip(1)
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip())
                    .toList();
        }
    }

    private RawHttp() {}

    static Response post(int port, String path, byte[] authorization, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                            + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                            + "Connection: close\r\nContent-Length: " + body.length + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            if (authorization != null) {
                request.writeBytes("Authorization: ".getBytes(StandardCharsets.ISO_8859_1));
                request.writeBytes(authorization);
                request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(body);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException e) {
                // the server may refuse an oversized request and close before it has all of it: its answer, if
                // the network kept it, is still worth reading; if not, the server closed on us unanswered
                return readAfterRefusal(socket);
            }
            InputStream in = socket.getInputStream();
            byte[] response = in.readAllBytes();
            int headEnd = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String head = new String(response, 0, headEnd < 0 ? response.length : headEnd, StandardCharsets.ISO_8859_1);
            byte[] content = headEnd < 0 ? new byte[0] : Arrays.copyOfRange(response, headEnd + 4, response.length);
            String[] statusLine = head.split(" ", 3);
            Response raw = new Response(statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1, head, "");
            if (raw.headers("Transfer-Encoding").stream().anyMatch(value -> value.equalsIgnoreCase("chunked"))) {
                content = dechunk(content);
            }
            return new Response(raw.status(), head, new String(content, StandardCharsets.UTF_8));
        }
    }

    /** What a server that stopped reading the request sent before it closed; status -1 when nothing could be read. */
    private static Response readAfterRefusal(Socket socket) {
        try {
            byte[] response = socket.getInputStream().readAllBytes();
            int headEnd = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String head = new String(response, 0, headEnd < 0 ? response.length : headEnd, StandardCharsets.ISO_8859_1);
            String[] statusLine = head.split(" ", 3);
            if (statusLine.length > 1 && statusLine[1].matches("\\d{3}")) {
                return new Response(Integer.parseInt(statusLine[1]), head, "");
            }
        } catch (IOException | RuntimeException e) {
            // reset: the answer was dropped with the connection
        }
        return new Response(CLOSED_UNANSWERED, "(connection closed by the server while the request was sent)", "");
    }

    /** The status of a {@link Response} to a request the server closed the connection on without an answer we could read. */
    static final int CLOSED_UNANSWERED = -1;

    /** The body of a {@code Transfer-Encoding: chunked} message (RFC 9112 §7.1); trailers are dropped. */
    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, crlf, at);
            if (lineEnd < 0) {
                throw new IOException("chunked body without a chunk-size line at byte " + at);
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                return body.toByteArray();
            }
            if (at + size > chunked.length) {
                throw new IOException("chunked body ends inside a chunk");
            }
            body.write(chunked, at, size);
            at += size + 2;
        }
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

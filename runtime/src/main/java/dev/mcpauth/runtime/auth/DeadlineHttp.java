package dev.mcpauth.runtime.auth;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP exchanges with the authorization server under one total deadline, from connecting to the last byte of
 * the body, and with a size limit on the body. {@link HttpRequest#timeout()} ends when the headers arrive and a
 * socket read timeout restarts with every byte, so an endpoint that drips its body would otherwise hold the
 * request thread (and, for keys, every thread waiting on the same lock) for as long as it likes.
 */
public final class DeadlineHttp {

    /**
     * A complete answer.
     *
     * @param status the HTTP status
     * @param body the whole body, at most the limit asked for
     * @param contentType the {@code Content-Type}, or null
     */
    public record Answer(int status, byte[] body, String contentType) {}

    private final HttpClient client;
    private final Duration deadline;

    /**
     * A client whose every exchange ends within {@code deadline}.
     *
     * @param deadline the total time allowed per exchange
     */
    public DeadlineHttp(Duration deadline) {
        this.deadline = deadline;
        this.client = HttpClient.newBuilder()
                .connectTimeout(deadline)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The total time allowed per exchange. */
    Duration deadline() {
        return deadline;
    }

    /**
     * Sends a request and reads its whole answer within the deadline.
     *
     * @param request the request; its own timeout is replaced by the deadline
     * @param maxBytes the largest body accepted
     * @return the answer
     * @throws IOException when the exchange fails, the body is larger than {@code maxBytes}, or the deadline passes
     */
    public Answer send(HttpRequest.Builder request, int maxBytes) throws IOException {
        long start = System.nanoTime();
        AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request.timeout(deadline).build(), info -> new LimitedBody(maxBytes, subscription));
        try {
            HttpResponse<byte[]> response = exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (TimeoutException e) {
            abort(exchange, subscription);
            throw new IOException("no complete answer within " + deadline.toMillis() + " ms (waited "
                    + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms)");
        } catch (InterruptedException e) {
            abort(exchange, subscription);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
        }
    }

    private static void abort(CompletableFuture<?> exchange, AtomicReference<Flow.Subscription> subscription) {
        // cancelling the future stops the exchange; cancelling the body subscription releases the connection
        exchange.cancel(true);
        Flow.Subscription body = subscription.get();
        if (body != null) {
            body.cancel();
        }
    }

    /**
     * A GET within the deadline, for Nimbus' JWKS fetches: its own retriever's read timeout is per read.
     *
     * @param maxBytes the largest body accepted
     * @return a retriever that fails unless the answer is 200
     */
    ResourceRetriever retriever(int maxBytes) {
        return (URL url) -> {
            URI uri;
            try {
                uri = url.toURI();
            } catch (URISyntaxException e) {
                throw new IOException("not a URI: " + url, e);
            }
            Answer answer = send(
                    HttpRequest.newBuilder(uri)
                            .header("Accept", "application/json")
                            .GET(),
                    maxBytes);
            if (answer.status() != 200) {
                throw new IOException(uri + " answered HTTP " + answer.status());
            }
            return new Resource(new String(answer.body(), StandardCharsets.UTF_8), answer.contentType());
        };
    }

    /** Collects the body, failing (and cancelling the rest) once it is larger than the limit. */
    private static final class LimitedBody implements BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
        private final int maxBytes;
        private final AtomicReference<Flow.Subscription> subscription;

        LimitedBody(int maxBytes, AtomicReference<Flow.Subscription> subscription) {
            this.maxBytes = maxBytes;
            this.subscription = subscription;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription given) {
            subscription.set(given);
            given.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (collected.size() + buffer.remaining() > maxBytes) {
                    subscription.get().cancel();
                    result.completeExceptionally(new IOException("the answer is larger than " + maxBytes + " bytes"));
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                collected.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(collected.toByteArray());
        }
    }
}

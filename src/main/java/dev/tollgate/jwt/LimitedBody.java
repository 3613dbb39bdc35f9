package dev.tollgate.jwt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A response body read up to a number of bytes: one more fails the response and stops the reading. */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int maxSize;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBody(int maxSize) {
        this.maxSize = maxSize;
    }

    /** A body handler that refuses at once a body announced too large by its {@code Content-Length}. */
    static HttpResponse.BodyHandler<byte[]> handler(int maxSize) {
        return info -> {
            LimitedBody body = new LimitedBody(maxSize);
            if (info.headers().firstValueAsLong("Content-Length").orElse(0) > maxSize) {
                body.result.completeExceptionally(new IOException("The JWK Set is larger than " + maxSize + " bytes."));
            }
            return body;
        };
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        if (result.isDone()) {
            newSubscription.cancel();
        } else {
            newSubscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > maxSize) {
                subscription.cancel();
                result.completeExceptionally(new IOException("The JWK Set is larger than " + maxSize + " bytes."));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}

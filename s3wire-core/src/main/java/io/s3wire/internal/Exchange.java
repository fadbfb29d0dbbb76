package io.s3wire.internal;

import io.s3wire.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * One stage of the request pipeline: it may change the call, then hands it to the next stage.
 *
 * <p>The stages run in a fixed order (see {@link Pipeline}); every stage but the retry stage runs
 * once per attempt. The returned future completes with a 2xx (or expected 3xx/304) response whose
 * body the caller owns, or exceptionally with an {@code io.s3wire.error.S3Exception}.
 */
interface Exchange {
  CompletableFuture<HttpResponse> send(S3Call call, CallState state);
}

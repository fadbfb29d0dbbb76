package io.s3wire;

import io.s3wire.internal.CompletionHop;
import io.s3wire.internal.CompletionHops;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The gate every public future of {@link S3AsyncClient} passes: input errors thrown while a call is
 * built become a failed future, as the client's contract says, and the call's future is handed to
 * the completion executor. Thread-safe; {@link #close()} closes the completion executor when the
 * builder made it.
 */
final class AsyncCalls implements AutoCloseable {
  private final CompletionHop completion;

  static {
    // The transfer manager publishes its results where the client's futures complete. A client
    // makes its AsyncCalls when it is built, so the lookup is registered before any client exists.
    CompletionHops.register(c -> c.calls.completion);
  }

  AsyncCalls(CompletionHop completion) {
    this.completion = completion;
  }

  /** Runs {@code call} and publishes its future on the completion executor; never throws. */
  <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> call) {
    try {
      return completion.publish(call.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {
    completion.close();
  }
}

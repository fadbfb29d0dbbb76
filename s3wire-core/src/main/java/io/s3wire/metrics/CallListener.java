package io.s3wire.metrics;

/**
 * Hears the life of every S3 request a client sends: {@link #onCallStart} once, {@link #onAttempt}
 * after each attempt (retries and an HTTP/2 to HTTP/1.1 fallback included), {@link #onCallEnd} once.
 * A call ends when the response head arrives (or the call fails): reading a body is the caller's.
 *
 * <p>Called on the thread that completes the call, often a transport I/O thread: a listener must be
 * fast, must not block, must not throw (what it throws is dropped) and must not call the client.
 * Nothing given to it holds a secret.
 */
public interface CallListener {
  /** Hears nothing. */
  CallListener NONE = new CallListener() {};

  /**
   * One listener that tells each event to every one of {@code listeners}, in the order given; for
   * {@code S3ClientBuilder#callListener}, which takes one (metrics and an application's own audit
   * listener, say). A listener that throws does not keep the event from the ones after it: what it
   * threw is logged through SLF4J at WARN (logger {@code io.s3wire.metrics.CallListener}) and the
   * call goes on unchanged.
   *
   * @param listeners the listeners, none {@code null}; {@link #NONE}s are left out
   * @return {@link #NONE} when none is left, the one listener when one is, else a composite
   */
  static CallListener composite(CallListener... listeners) {
    java.util.List<CallListener> kept = new java.util.ArrayList<>();
    for (CallListener l : listeners) {
      if (java.util.Objects.requireNonNull(l, "listener") != NONE) {
        kept.add(l);
      }
    }
    return switch (kept.size()) {
      case 0 -> NONE;
      case 1 -> kept.get(0);
      default -> new CompositeCallListener(java.util.List.copyOf(kept));
    };
  }

  /**
   * A call is about to be sent.
   *
   * @param call the operation, its target and the call's id
   */
  default void onCallStart(CallStart call) {}

  /**
   * One attempt of a call ended, with a response or a failure.
   *
   * @param attempt what the attempt used (protocol, ALPN, TLS provider) and how it ended
   */
  default void onAttempt(AttemptEnd attempt) {}

  /**
   * The call ended: the caller's future is about to complete.
   *
   * @param call the outcome, the attempts made and the time taken
   */
  default void onCallEnd(CallEnd call) {}
}

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

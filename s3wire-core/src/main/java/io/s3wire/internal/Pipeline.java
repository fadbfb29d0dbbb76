package io.s3wire.internal;

import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.wire.WireListener;
import java.util.concurrent.CompletableFuture;

/**
 * The request pipeline of one client, its stages in a fixed order: retry, defaults, provider quirks,
 * SigV4 signing, transport. Signing is last so every attempt is signed afresh with its own date.
 * Thread-safe; shared by every call of the client.
 */
public final class Pipeline {
  private final Exchange head;
  private final Endpoint endpoint;
  private final Capabilities capabilities;
  private final ClockSkew clock;
  private final UploadEncodings encodings;
  private final java.util.concurrent.Executor blocking;
  private final CallEvents events;

  public Pipeline(
      HttpTransport transport,
      WireListener listener,
      Endpoint endpoint,
      Capabilities capabilities,
      RequestSigner signer,
      ClockSkew clock,
      io.s3wire.retry.RetryPolicy retry,
      java.util.concurrent.Executor executor,
      String userAgent,
      io.s3wire.PayloadSigning payloadSigning) {
    this(transport, listener, endpoint, capabilities, signer, clock, retry, executor, userAgent, payloadSigning,
        io.s3wire.metrics.CallListener.NONE);
  }

  /** As above, every call's start, attempts and end told to {@code calls} (and to JFR). */
  public Pipeline(
      HttpTransport transport,
      WireListener listener,
      Endpoint endpoint,
      Capabilities capabilities,
      RequestSigner signer,
      ClockSkew clock,
      io.s3wire.retry.RetryPolicy retry,
      java.util.concurrent.Executor executor,
      String userAgent,
      io.s3wire.PayloadSigning payloadSigning,
      io.s3wire.metrics.CallListener calls) {
    this.events = new CallEvents(calls);
    this.endpoint = endpoint;
    this.capabilities = capabilities;
    this.clock = clock;
    this.blocking = executor;
    // The client's listener and the transport's (a trace) hear of step-downs; the same one only once.
    java.util.List<WireListener> hearers = new java.util.ArrayList<>();
    for (WireListener l : new WireListener[] {listener, transport.config().listener()}) {
      if (l != null && l != WireListener.NONE && !hearers.contains(l)) {
        hearers.add(l);
      }
    }
    this.encodings = new UploadEncodings(hearers, clock.clock());
    TransportStage wire = new TransportStage(transport, listener, clock);
    SigningStage signing = new SigningStage(wire, endpoint, signer, clock);
    QuirksStage quirks = new QuirksStage(signing, capabilities);
    DefaultsStage defaults = new DefaultsStage(quirks,
        endpoint.isTls() || payloadSigning == io.s3wire.PayloadSigning.UNSIGNED, userAgent, executor);
    this.head = new RetryStage(defaults, new io.s3wire.retry.Retrier(retry), clock, executor);
  }

  /**
   * Runs a call. Completes with a 2xx response whose body the caller must consume or close, or
   * exceptionally with an {@code S3Exception} that carries every attempt. Cancelling the future, or
   * any future derived from it, aborts the request on the wire.
   */
  public CompletableFuture<HttpResponse> execute(S3Call call) {
    CallState state = new CallState();
    CallEvents.Tracked tracked = events.start(call);
    state.tracked(tracked);
    CallFuture<HttpResponse> result = new CallFuture<>(state);
    CompletableFuture<HttpResponse> sent;
    try {
      sent = head.send(call, state);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete((response, failure) -> {
      tracked.ended(state.attempt(), response, failure);
      if (failure != null) {
        result.completeExceptionally(failure);
      } else if (!result.complete(response)) {
        // Cancelled just as the response came: no one will read it.
        response.close();
      }
    });
    return result;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public Capabilities capabilities() {
    return capabilities;
  }

  public ClockSkew clock() {
    return clock;
  }

  /** What this client learnt about the upload encodings its endpoint takes. */
  public UploadEncodings encodings() {
    return encodings;
  }

  /** The client's pool for blocking reads of request bodies (never an event loop). */
  java.util.concurrent.Executor blocking() {
    return blocking;
  }
}

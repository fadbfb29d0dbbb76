package io.s3wire.internal;

import io.s3wire.auth.SigV4;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.RequestBody;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The second stage: what every request carries. The payload hash ({@code x-amz-content-sha256}) is
 * decided here: the empty-body hash for no body; {@code UNSIGNED-PAYLOAD} over TLS (TLS protects the
 * bytes, as the AWS SDKs reason), for one-shot bodies and when the client signs no payloads; over
 * plain HTTP the body's SHA-256, taken from the call when the operation knew it, else computed once
 * by reading the replayable body on the client's blocking pool (never on the caller's thread, which
 * may be an event loop).
 */
final class DefaultsStage implements Exchange {
  static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String UNSIGNED = "UNSIGNED-PAYLOAD";
  static final String CONTENT_SHA256 = "x-amz-content-sha256";

  private final Exchange next;
  private final boolean unsigned;
  private final String userAgent;
  private final Executor hashing;

  /** {@code unsigned}: the connection is TLS or the client signs no payloads. */
  DefaultsStage(Exchange next, boolean unsigned, String userAgent, Executor hashing) {
    this.next = next;
    this.unsigned = unsigned;
    this.userAgent = userAgent;
    this.hashing = hashing;
  }

  @Override
  public CompletableFuture<HttpResponse> send(S3Call call, CallState state) {
    String known = knownPayloadHash(call, state);
    if (known != null) {
      return sendWith(call, state, known);
    }
    return CompletableFuture.supplyAsync(() -> sha256(call), hashing).thenCompose(hash -> {
      state.payloadSha256(hash);
      return sendWith(call, state, hash);
    });
  }

  private CompletableFuture<HttpResponse> sendWith(S3Call call, CallState state, String payloadHash) {
    HttpHeaders.Builder h = call.headers().toBuilder();
    h.set("User-Agent", userAgent);
    h.set(CONTENT_SHA256, payloadHash);
    return next.send(call.withHeaders(h.build()), state);
  }

  /** The payload hash line when it needs no reading of the body, else {@code null}. */
  private String knownPayloadHash(S3Call call, CallState state) {
    RequestBody body = call.body();
    if (body instanceof TrailingChecksumBody) {
      // Part of the body's encoding, over TLS or not: the server reads the trailer by it.
      return SigV4.STREAMING_UNSIGNED_PAYLOAD_TRAILER;
    }
    if (body.contentLength() == 0) {
      return EMPTY_SHA256;
    }
    if (unsigned || !body.isReplayable()) {
      return UNSIGNED;
    }
    if (call.payloadSha256() != null) {
      return call.payloadSha256();
    }
    return state.payloadSha256();
  }

  private static String sha256(S3Call call) {
    return HexFormat.of().formatHex(BodyDigest.of(call.body(), Digests.sha256(), call.describe()));
  }
}

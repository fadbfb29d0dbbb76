package io.s3wire.internal;

import io.s3wire.error.ClientException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.RequestBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * The second stage: what every request carries. The payload hash ({@code x-amz-content-sha256}) is
 * decided here: the empty-body hash for no body; {@code UNSIGNED-PAYLOAD} over TLS (TLS protects the
 * bytes, as the AWS SDKs reason) and for one-shot bodies; over plain HTTP the body's SHA-256, taken
 * from the call when the operation knew it, else computed once by reading the replayable body.
 */
final class DefaultsStage implements Exchange {
  static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String UNSIGNED = "UNSIGNED-PAYLOAD";
  static final String CONTENT_SHA256 = "x-amz-content-sha256";

  private final Exchange next;
  private final boolean tls;
  private final String userAgent;

  DefaultsStage(Exchange next, boolean tls, String userAgent) {
    this.next = next;
    this.tls = tls;
    this.userAgent = userAgent;
  }

  @Override
  public CompletableFuture<HttpResponse> send(S3Call call, CallState state) {
    HttpHeaders.Builder h = call.headers().toBuilder();
    h.set("User-Agent", userAgent);
    h.set(CONTENT_SHA256, payloadHash(call, state));
    return next.send(call.withHeaders(h.build()), state);
  }

  private String payloadHash(S3Call call, CallState state) {
    RequestBody body = call.body();
    if (body.contentLength() == 0) {
      return EMPTY_SHA256;
    }
    if (tls || !body.isReplayable()) {
      return UNSIGNED;
    }
    if (call.payloadSha256() != null) {
      return call.payloadSha256();
    }
    String known = state.payloadSha256();
    if (known == null) {
      known = sha256(body, call);
      state.payloadSha256(known);
    }
    return known;
  }

  private static String sha256(RequestBody body, S3Call call) {
    MessageDigest md = Digests.sha256();
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    try (ReadableByteChannel ch = body.open()) {
      while (ch.read(buf) >= 0) {
        buf.flip();
        md.update(buf);
        buf.clear();
      }
    } catch (IOException e) {
      throw new ClientException("body", "cannot read the body of " + call.describe() + " to hash it: " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}

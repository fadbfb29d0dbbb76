package io.s3wire.internal;

import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The fourth stage, the last before the wire: builds the HTTP request from the call (addressing
 * decides the URL) and signs it with this attempt's time, so every retry carries a fresh signature.
 */
final class SigningStage implements Exchange {
  private static final Set<String> SENSITIVE = Set.of("x-amz-security-token", "authorization");

  private final TransportStage next;
  private final Endpoint endpoint;
  private final RequestSigner signer;
  private final ClockSkew clock;

  SigningStage(TransportStage next, Endpoint endpoint, RequestSigner signer, ClockSkew clock) {
    this.next = next;
    this.endpoint = endpoint;
    this.signer = signer;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<HttpResponse> send(S3Call call, CallState state) {
    HttpRequest request = new HttpRequest(
        call.method(), endpoint.uri(call.bucket(), call.key(), call.query()), call.headers(), call.body(), SENSITIVE);
    String payloadHash = call.headers().first(DefaultsStage.CONTENT_SHA256).orElse(DefaultsStage.UNSIGNED);
    return signer.sign(request, payloadHash, clock::now).thenCompose(signed -> {
      state.signed(signed);
      return next.send(signed.request(), call, state);
    });
  }
}

package io.s3wire.internal;

import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The third stage: fits the request to what the provider accepts, by capability. Checksum headers
 * ({@code x-amz-checksum-*}, {@code x-amz-sdk-checksum-algorithm}) leave the request when the
 * provider does not accept them (s3proxy answers 501, GCS ExcessHeaderValues, B2 "Unsupported
 * header").
 */
final class QuirksStage implements Exchange {
  private final Exchange next;
  private final Capabilities capabilities;

  QuirksStage(Exchange next, Capabilities capabilities) {
    this.next = next;
    this.capabilities = capabilities;
  }

  @Override
  public CompletableFuture<HttpResponse> send(S3Call call, CallState state) {
    boolean checksums = capabilities.profile().acceptsFlexibleChecksums();
    boolean algorithmHeader = capabilities.profile().acceptsSdkChecksumAlgorithmHeader();
    if (!checksums || !algorithmHeader) {
      HttpHeaders.Builder h = HttpHeaders.builder();
      boolean changed = false;
      for (HttpHeaders.Field f : call.headers().fields()) {
        String name = f.name().toLowerCase(Locale.ROOT);
        if ((!checksums && name.startsWith("x-amz-checksum-")) || (!algorithmHeader && name.equals("x-amz-sdk-checksum-algorithm"))) {
          changed = true;
        } else {
          h.add(f.name(), f.value());
        }
      }
      if (changed) {
        call = call.withHeaders(h.build());
      }
    }
    return next.send(call, state);
  }
}

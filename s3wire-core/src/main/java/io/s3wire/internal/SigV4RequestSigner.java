package io.s3wire.internal;

import io.s3wire.auth.Credentials;
import io.s3wire.auth.CredentialsProvider;
import io.s3wire.auth.PayloadHash;
import io.s3wire.auth.SigV4Signer;
import io.s3wire.auth.SigningResult;
import io.s3wire.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The auth branch's S3 SigV4 signer bound to one client's credentials provider and region: each
 * attempt asks the provider for the credentials current at that moment.
 */
final class SigV4RequestSigner implements RequestSigner {
  private final CredentialsProvider credentials;
  private final String region;

  SigV4RequestSigner(CredentialsProvider credentials, String region) {
    this.credentials = credentials;
    this.region = region;
  }

  @Override
  public CompletableFuture<Signed> sign(HttpRequest request, String payloadHash, Supplier<Instant> now) {
    return credentials.currentAsync().thenApply(c -> sign(request, payloadHash, now.get(), c));
  }

  private Signed sign(HttpRequest request, String payloadHash, Instant now, Credentials c) {
    SigningResult r = SigV4Signer.s3().signWithDetails(request, c, region, "s3", now, PayloadHash.of(payloadHash));
    return new Signed(r.request(), r.stringToSign().text(), List.of(r.canonicalRequest().signedHeaders().split(";")));
  }
}

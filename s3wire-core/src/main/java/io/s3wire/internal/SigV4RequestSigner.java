package io.s3wire.internal;

import io.s3wire.auth.Credentials;
import io.s3wire.auth.PayloadHash;
import io.s3wire.auth.SigV4Signer;
import io.s3wire.auth.SigningResult;
import io.s3wire.http.HttpRequest;
import java.time.Instant;
import java.util.List;

/** The auth branch's S3 SigV4 signer bound to one client's credentials and region. */
final class SigV4RequestSigner implements RequestSigner {
  private final Credentials credentials;
  private final String region;

  SigV4RequestSigner(Credentials credentials, String region) {
    this.credentials = credentials;
    this.region = region;
  }

  @Override
  public HttpRequest sign(HttpRequest request, String payloadHash, Instant now) {
    return SigV4Signer.s3().sign(request, credentials, region, "s3", now, PayloadHash.of(payloadHash));
  }

  @Override
  public Signed signAndDescribe(HttpRequest request, String payloadHash, Instant now) {
    SigningResult r = SigV4Signer.s3().signWithDetails(request, credentials, region, "s3", now, PayloadHash.of(payloadHash));
    return new Signed(r.request(), r.stringToSign().text(), List.of(r.canonicalRequest().signedHeaders().split(";")));
  }
}

package io.s3wire.server.internal.auth;

import io.s3wire.auth.SigV4Authorization;

/**
 * Anonymous mode's authenticator. No signature can be verified without a secret, yet a request that
 * presents presigned-URL parameters is a signed request: S3 checks them even on a public bucket
 * (X-Amz-Expires within 1..604800, unexpired), so this does too rather than let a URL through that
 * S3 would refuse (ceph/s3-tests test_object_raw_get_x_amz_expires_out_*_range run on a public
 * bucket).
 */
final class AnonymousAuthenticator implements Authenticator {
  private final boolean checkRequestTime;

  AnonymousAuthenticator(boolean checkRequestTime) {
    this.checkRequestTime = checkRequestTime;
  }

  @Override
  public Verdict verify(Request r) {
    if (SigV4Verifier.isPresigned(r.rawQuery())) {
      SigV4Authorization auth = SigV4Verifier.parsePresigned(r.rawQuery());
      if (checkRequestTime) {
        SigV4Verifier.checkTime(r.now(), auth.requestTime(), auth);
      }
    }
    return Verdict.UNSIGNED;
  }

  @Override
  public boolean acceptsUnsignedForms() {
    return true;
  }

  @Override
  public io.s3wire.xml.Owner verifyForm(FormSignature form) {
    // No secret to verify against: the form passes, its policy is still checked.
    return null;
  }
}

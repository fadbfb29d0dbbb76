package io.s3wire.auth;

import io.s3wire.auth.internal.AmzDate;
import java.time.Instant;
import java.util.Objects;

/**
 * The SigV4 credential scope {@code date/region/service/aws4_request}.
 *
 * @param date the signing day, {@code yyyyMMdd} (UTC)
 * @param region the region, e.g. {@code us-east-1} ({@code auto} for R2 and GCS)
 * @param service the service, {@code s3} for S3
 */
public record CredentialScope(String date, String region, String service) {
  /** The constant last element of every scope. */
  public static final String TERMINATOR = "aws4_request";

  /**
   * Checks only that the parts are present; their form (date digits, region name) is not
   * validated here.
   *
   * @param date the signing day, {@code yyyyMMdd} (UTC)
   * @param region the region, e.g. {@code us-east-1}
   * @param service the service, {@code s3} for S3
   * @throws NullPointerException if any part is {@code null}
   */
  public CredentialScope {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(service, "service");
  }

  /**
   * The scope for a signing time: its day in UTC, whatever the default time zone is.
   *
   * @param time the signing time, the same instant as the request's {@code X-Amz-Date}
   * @param region the region the request is signed for
   * @param service the service name, {@code s3} for S3
   * @return the scope whose date is {@code time}'s UTC day as {@code yyyyMMdd}
   * @throws NullPointerException if any argument is {@code null}
   * @throws IllegalArgumentException if {@code time} falls outside the years 0000 to 9999
   */
  public static CredentialScope of(Instant time, String region, String service) {
    return new CredentialScope(AmzDate.format(time).substring(0, 8), region, service);
  }

  /** {@code date/region/service/aws4_request}, as in the string to sign and the Credential field. */
  @Override
  public String toString() {
    return date + '/' + region + '/' + service + '/' + TERMINATOR;
  }
}

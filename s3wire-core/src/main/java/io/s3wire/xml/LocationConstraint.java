package io.s3wire.xml;

/**
 * The answer to GetBucketLocation. S3 answers an empty element for {@code us-east-1}.
 *
 * @param value the element's text as sent: {@code ""} for us-east-1
 */
public record LocationConstraint(String value) {
  public LocationConstraint {
    value = value == null ? "" : value;
  }

  /** The answer S3 gives for a bucket in {@code region} (empty for us-east-1). */
  public static LocationConstraint forRegion(String region) {
    return new LocationConstraint(region == null || region.equals("us-east-1") ? "" : region);
  }

  /** The region the answer names: {@code us-east-1} for an empty element, {@code eu-west-1} for the legacy {@code EU}. */
  public String region() {
    if (value.isEmpty()) {
      return "us-east-1";
    }
    return value.equals("EU") ? "eu-west-1" : value;
  }
}

package io.s3wire.config;

import java.util.Locale;

/**
 * How a bucket is put into a request URL: the AWS CLI's {@code s3.addressing_style}, and the default
 * a {@code io.s3wire.provider.ProviderProfile} declares for its service.
 */
public enum AddressingStyle {
  /**
   * Virtual-hosted style when the bucket name allows it (a DNS label without dots, so that TLS
   * wildcard certificates match), else path style.
   */
  AUTO,
  /** {@code https://bucket.endpoint/key}. */
  VIRTUAL,
  /** {@code https://endpoint/bucket/key}. */
  PATH;

  /**
   * Parses {@code auto}, {@code virtual} or {@code path}, any case.
   *
   * @param text the value of {@code s3.addressing_style} or of a command-line flag
   * @return the style it names
   * @throws IllegalArgumentException naming the accepted values
   */
  public static AddressingStyle parse(String text) {
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "auto":
        return AUTO;
      case "virtual":
        return VIRTUAL;
      case "path":
        return PATH;
      default:
        throw new IllegalArgumentException("addressing style must be auto, virtual or path, not '" + text + "'");
    }
  }

  /**
   * The name as written in config files.
   *
   * @return {@code auto}, {@code virtual} or {@code path}
   */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

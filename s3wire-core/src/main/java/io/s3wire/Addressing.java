package io.s3wire;

/**
 * How a bucket is named in a request URL.
 *
 * <ul>
 *   <li>{@link #PATH}: {@code https://endpoint/bucket/key}.
 *   <li>{@link #VIRTUAL_HOST}: {@code https://bucket.endpoint/key}. A bucket whose name is not a
 *       single DNS label safe for TLS (it holds dots, over https) is addressed by path instead.
 *   <li>{@link #PROFILE}: what the provider profile says.
 * </ul>
 */
public enum Addressing {
  PATH,
  VIRTUAL_HOST,
  PROFILE
}

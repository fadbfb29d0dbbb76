package io.s3wire.auth;

/** How the request path becomes the canonical URI. */
public enum PathMode {
  /**
   * S3: the path is the wire form (already percent-encoded); each escape is decoded and every byte
   * but the unreserved characters and {@code /} encoded again, once, with upper-case hex. Never
   * normalised: {@code //}, {@code .} and {@code ..} in keys are data.
   */
  S3,
  /**
   * Other AWS services, without normalisation: the path as given is encoded (a wire-form path is
   * thus encoded twice, as those services expect).
   */
  GENERIC,
  /**
   * Other AWS services: the path is normalised (RFC 3986 remove_dot_segments, empty segments
   * collapsed, trailing slash kept) and then encoded as in {@link #GENERIC}.
   */
  GENERIC_NORMALIZED
}

package io.s3wire;

/**
 * Whether a request's SigV4 signature covers its body ({@code x-amz-content-sha256}).
 *
 * <p>Signing the body means reading it once to hash it before it is sent, a second pass over every
 * byte. Over TLS the AWS SDKs never do it: TLS already protects the bytes. Over plain HTTP they do,
 * and so does s3wire by default. {@link #UNSIGNED} drops that pass everywhere (as curl's {@code
 * --aws-sigv4} and the AWS CRT transfer client do); uploads then rest on the MD5 s3wire checks
 * against every returned ETag (and on {@code Content-MD5} where the transfer sends it), which
 * catches corruption but, without TLS, not a deliberate rewrite of both body and answer.
 */
public enum PayloadSigning {
  /** The body's SHA-256 over plain HTTP (a replayable body is read once more to hash it); {@code UNSIGNED-PAYLOAD} over TLS. */
  SIGNED_WITHOUT_TLS,
  /** {@code UNSIGNED-PAYLOAD} for every body, over TLS or not. */
  UNSIGNED
}

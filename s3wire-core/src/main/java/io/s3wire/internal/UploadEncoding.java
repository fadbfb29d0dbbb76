package io.s3wire.internal;

/**
 * How an upload carries its checksum, from the most capable form to the simplest; a server that
 * refuses one is sent the next ({@link EncodingGate}, {@link UploadEncodings}).
 */
enum UploadEncoding {
  /** aws-chunked with the checksum in a trailer ({@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}): one read of the body. */
  TRAILER("aws-chunked with a trailing checksum"),
  /** The whole body's checksum in {@code x-amz-checksum-<algorithm>}, computed before sending. */
  HEADER("the checksum in a header"),
  /** No flexible checksum on the wire: Content-MD5 where the provider takes it, and the ETag compared with the MD5. */
  CONTENT_MD5("Content-MD5 only");

  private final String words;

  UploadEncoding(String words) {
    this.words = words;
  }

  /** The form in words, for trace lines and notes. */
  String words() {
    return words;
  }

  /** The next simpler form; {@code CONTENT_MD5} has none and answers itself. */
  UploadEncoding lower() {
    return this == TRAILER ? HEADER : CONTENT_MD5;
  }

  /** The simpler of the two. */
  static UploadEncoding simplest(UploadEncoding a, UploadEncoding b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
